"""The parts of a cycle report and an annual report that apps above `networks` own.

The reports live in the `reports` app (a page, a PDF made with WeasyPrint from the same HTML, and
the figures as CSV). Each app that has something to report registers a part here in its
`AppConfig.ready`, as the network's sections are registered with `networks.sections`: evaluation
its outcomes and shared learning gains, transfer its plans and anchoring agreements, showcases the
published good practice, and `reports` itself the parts of the apps below (phases, meetings and
attendance, work forms, goals, Netwerkbarometer results above the threshold).

A part is for managers and the municipality: it shows nothing private (no diary, no single
Netwerkbarometer answer, no per-person decline reason, no learning gain its author did not share
for reporting). Every figure it shows it also gives as CSV rows, so a report can be checked and
reused; `reports` adds the part's key as the first column.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.functional import Promise
from django.utils.safestring import SafeString

if TYPE_CHECKING:
    from lerendnetwerk.regions.models import Region

    from .models import Cycle

# One figure: (what it is about, e.g. a meeting's date or "all"; the measure; its value).
Figure = tuple[str, str, str | int | float]


@dataclass(frozen=True)
class ReportPart:
    key: str
    title: str | Promise
    order: int
    # The part of a network's cycle report: an HTML fragment (a <section> with an <h2>) and its
    # figures. Called once per report; a part reads its data in a fixed number of queries.
    cycle_html: Callable[["Cycle"], SafeString]
    cycle_figures: Callable[["Cycle"], Sequence[Figure]]
    # The part of the region's annual report (all networks, aggregated; per district where it
    # helps), or None when the part has nothing to add there.
    region_html: Callable[["Region", int], SafeString] | None = None
    region_figures: Callable[["Region", int], Sequence[Figure]] | None = None


_parts: dict[str, ReportPart] = {}


def register(part: ReportPart) -> None:
    """Add a part to the reports (the key decides: registering twice is harmless)."""
    _parts[part.key] = part


def parts() -> list[ReportPart]:
    return sorted(_parts.values(), key=lambda p: (p.order, p.key))
