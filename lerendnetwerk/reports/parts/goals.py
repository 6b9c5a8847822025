"""Goals and their outcome: the shared learning goal and, of the personal challenges, only
those their members shared, without names. A report goes to managers and the municipality, who
have no need of who asked what; a count of the rest says how many worked on one."""

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

KEY = "goals"
TITLE = _("Goals and their outcome")


def cycle_html(cycle: "Cycle") -> SafeString:
    return render(KEY, TITLE, "cycle", {"goals": selectors.cycle_goals(cycle=cycle)})


def cycle_figures(cycle: "Cycle") -> Sequence[Figure]:
    goals = selectors.cycle_goals(cycle=cycle)
    return [
        ("cycle", "shared_learning_goal", 1 if goals.shared_goal else 0),
        ("cycle", "individual_learning_goals", goals.individual_goals),
        ("cycle", "personal_challenges", goals.challenges),
        ("cycle", "personal_challenges_shared", len(goals.shared_challenges)),
        (
            "cycle",
            "shared_challenges_with_outcome",
            sum(1 for _question, outcome in goals.shared_challenges if outcome),
        ),
    ]


def _region(region: "Region", year: int) -> list[tuple[str, selectors.DistrictGoals]]:
    return sorted(selectors.region_goals(region=region, year=year).items())


def region_html(region: "Region", year: int) -> SafeString:
    return render(KEY, TITLE, "region", {"rows": _region(region, year), "year": year})


def region_figures(region: "Region", year: int) -> Sequence[Figure]:
    figures: list[Figure] = []
    for district, goals in _region(region, year):
        figures += [
            (district, "cycles", goals.cycles),
            (district, "cycles_with_shared_learning_goal", goals.with_shared_goal),
            (district, "personal_challenges", goals.challenges),
            (district, "personal_challenges_with_outcome", goals.with_outcome),
        ]
    return figures


PART = ReportPart(
    key=KEY,
    title=TITLE,
    order=40,
    cycle_html=cycle_html,
    cycle_figures=cycle_figures,
    region_html=region_html,
    region_figures=region_figures,
)
