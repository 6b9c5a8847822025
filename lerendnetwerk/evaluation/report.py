"""The evaluation's part of the cycle report and the annual report (`networks.report_parts`),
and its panel's count for the manager's page.

Nothing with a name and nothing unshared: meeting ratings only from `min_answers` evaluations
on, learning gains only when shared for reporting (and then without their author), the look-
ahead as counts.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString

from lerendnetwerk.networks.report_parts import Figure

from . import selectors
from .models import GoalOutcome, LearningGain, LookAhead

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User
    from lerendnetwerk.networks.models import Cycle
    from lerendnetwerk.regions.models import Region


def no_waiting(manager: "User") -> int:
    """Shared learning gains are for reading; nothing waits for the manager's action."""
    return 0


def cycle_html(cycle: "Cycle") -> SafeString:
    return render_to_string(
        "evaluation/report_cycle.html", {"report": selectors.cycle_report(cycle=cycle)}
    )


def cycle_figures(cycle: "Cycle") -> Sequence[Figure]:
    report = selectors.cycle_report(cycle=cycle)
    figures: list[Figure] = [
        (
            "all",
            "shared_goal_outcome",
            report.evaluation.goal_outcome if report.evaluation else "",
        )
    ]
    figures += [
        (timezone.localdate(r.meeting.starts_at).isoformat(), "average_rating", r.average or 0)
        for r in report.ratings
    ]
    figures += [
        (timezone.localdate(r.meeting.starts_at).isoformat(), "evaluations", r.count)
        for r in report.ratings
    ]
    counts = {label: len(texts) for label, texts in report.gains}
    figures += [
        (level, "learning_gains_shared_for_reporting", counts.get(str(label), 0))
        for level, label in LearningGain.Level.choices
    ]
    figures += [("all", "look_ahead_answers", report.look_ahead.answered)]
    by_label = dict(report.look_ahead.go_on)
    figures += [
        (value, "look_ahead_go_on", by_label.get(str(label), 0))
        for value, label in LookAhead.Continue.choices
    ]
    return figures


def region_html(region: "Region", year: int) -> SafeString:
    return render_to_string(
        "evaluation/report_region.html",
        {
            "rows": selectors.region_report(region=region, year=year),
            "year": year,
            "outcomes": GoalOutcome.choices,
            "levels": LearningGain.Level.choices,
            "go_on": LookAhead.Continue.choices,
        },
    )


def region_figures(region: "Region", year: int) -> Sequence[Figure]:
    figures: list[Figure] = []
    for row in selectors.region_report(region=region, year=year):
        figures.append((row.district, "cycles", row.cycles))
        figures += [
            (row.district, f"shared_goal_{value}", row.outcomes.get(value, 0))
            for value in GoalOutcome.values
        ]
        figures.append((row.district, "meetings_rated", row.rated_meetings))
        figures.append((row.district, "average_rating", row.average or 0))
        figures += [
            (row.district, f"learning_gains_{value}", row.gains.get(value, 0))
            for value in LearningGain.Level.values
        ]
        figures += [
            (row.district, f"look_ahead_{value}", row.go_on.get(value, 0))
            for value in LookAhead.Continue.values
        ]
    return figures
