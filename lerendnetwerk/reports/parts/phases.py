"""Phases and dates: the cycle's phase moves; in the region, the networks per phase."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.networks.report_parts import Figure, ReportPart

from .. import selectors
from . import phase_label, render

if TYPE_CHECKING:
    from lerendnetwerk.networks.models import Cycle
    from lerendnetwerk.regions.models import Region

KEY = "phases"
TITLE = _("Phases and dates")
STAGES = ["", *Phase.values]  # "" is preparing: before the first phase


@dataclass(frozen=True)
class Move:
    day: date
    from_label: str
    to_label: str
    to_phase: str
    open_questions: int


def _moves(cycle: "Cycle") -> list[Move]:
    # The reason and who moved stay out: free text and a name are not for a report.
    return [
        Move(
            day=timezone.localdate(t.moved_at),
            from_label=phase_label(t.from_phase),
            to_label=phase_label(t.to_phase),
            to_phase=t.to_phase,
            open_questions=len(t.open_questions or []),
        )
        for t in selectors.cycle_transitions(cycle=cycle)
    ]


def cycle_html(cycle: "Cycle") -> SafeString:
    return render(KEY, TITLE, "cycle", {"moves": _moves(cycle), "phase": phase_label(cycle.phase)})


def cycle_figures(cycle: "Cycle") -> Sequence[Figure]:
    figures: list[Figure] = [("cycle", "phase", cycle.phase or "preparing")]
    for move in _moves(cycle):
        figures.append((f"{move.day:%Y-%m-%d}", "moved_to", move.to_phase))
        figures.append((f"{move.day:%Y-%m-%d}", "open_questions", move.open_questions))
    return figures


@dataclass(frozen=True)
class DistrictPhases:
    district: str
    counts: list[int]  # networks per stage, in STAGES order
    moves: int  # phase moves made in the year


def _per_district(region: "Region", year: int) -> list[DistrictPhases]:
    counts: dict[str, dict[str, int]] = {}
    for line in selectors.region_networks(region=region, year=year):
        by_phase = counts.setdefault(line.network.district.name, {})
        by_phase[line.phase] = by_phase.get(line.phase, 0) + 1
    moves = selectors.region_transitions(region=region, year=year)
    return [
        DistrictPhases(
            district=district,
            counts=[by_phase.get(stage, 0) for stage in STAGES],
            moves=sum(moves.get(district, {}).values()),
        )
        for district, by_phase in sorted(counts.items())
    ]


def region_html(region: "Region", year: int) -> SafeString:
    stages = [str(_("Preparing")), *[str(p.label) for p in Phase]]
    return render(
        KEY, TITLE, "region", {"rows": _per_district(region, year), "stages": stages, "year": year}
    )


def region_figures(region: "Region", year: int) -> Sequence[Figure]:
    figures: list[Figure] = []
    for row in _per_district(region, year):
        for stage, n in zip(STAGES, row.counts, strict=True):
            figures.append((row.district, f"networks_{stage or 'preparing'}", n))
        figures.append((row.district, "phase_moves", row.moves))
    return figures


PART = ReportPart(
    key=KEY,
    title=TITLE,
    order=10,
    cycle_html=cycle_html,
    cycle_figures=cycle_figures,
    region_html=region_html,
    region_figures=region_figures,
)
