"""The work forms used: the Handbook's entries on the agendas of the meetings held, counted."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.networks.report_parts import Figure, ReportPart

from .. import selectors
from . import render

if TYPE_CHECKING:
    from lerendnetwerk.networks.models import Cycle
    from lerendnetwerk.regions.models import Region

KEY = "work_forms"
TITLE = _("Work forms used")


def _html(uses: list[selectors.WorkFormUse], scope: str, **extra: object) -> SafeString:
    rows = [(use, selectors.entry_kind_label(use.kind)) for use in uses]
    return render(KEY, TITLE, scope, {"rows": rows, "total": sum(u.count for u in uses), **extra})


def _figures(uses: list[selectors.WorkFormUse]) -> list[Figure]:
    return [(use.title, "times_used", use.count) for use in uses]


def cycle_html(cycle: "Cycle") -> SafeString:
    return _html(selectors.cycle_work_forms(cycle=cycle), "cycle")


def cycle_figures(cycle: "Cycle") -> Sequence[Figure]:
    return _figures(selectors.cycle_work_forms(cycle=cycle))


def region_html(region: "Region", year: int) -> SafeString:
    return _html(selectors.region_work_forms(region=region, year=year), "region", year=year)


def region_figures(region: "Region", year: int) -> Sequence[Figure]:
    return _figures(selectors.region_work_forms(region=region, year=year))


PART = ReportPart(
    key=KEY,
    title=TITLE,
    order=30,
    cycle_html=cycle_html,
    cycle_figures=cycle_figures,
    region_html=region_html,
    region_figures=region_figures,
)
