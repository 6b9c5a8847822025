"""Every rule's thresholds in one place: the defaults, and a region's own values over them.

A coordinator changes a region's values in the admin site (`RegionThresholds`); a value that is
not set there is the default below. The numbers are starting points taken from the Handreiking's
descriptions of the pitfalls, to be tuned with the scenario set in bench/signals/.
"""

from typing import Any

DEFAULTS: dict[str, dict[str, float]] = {
    # Attendance (attended / invited) of the last `meetings` recorded meetings fell by at least
    # `fall` (a share of where it started); alert when the last is below `alert_below`. Or at
    # least `left` members stopped in the last `left_days` days.
    "drop_outs": {"meetings": 3, "fall": 0.25, "alert_below": 0.5, "left": 2, "left_days": 90},
    # Over the last `meetings` meetings: declines / invited, and no-shows / accepted.
    "cancellations": {"meetings": 3, "declined": 0.3, "no_shows": 0.2, "person_declines": 2},
    # Share of agenda minutes of the last `meetings` meetings that went to active work forms.
    "meeting_atmosphere": {"meetings": 3, "active_below": 0.4, "alert_below": 0.2},
    # Agendas longer than their meeting; weeks between two meetings.
    "too_little_time": {"meetings": 3, "gap_weeks": 10},
    # Distinct people among those who propose, post ideas and lead items, as a share of members.
    "hobby_horses": {"contributors_below": 0.34, "min_contributions": 5},
    # Share of agenda items led by the facilitators.
    "weak_network_attitude": {"facilitator_share": 0.75, "min_items": 4},
    # Held meetings without any learning-agenda question worked on.
    "unclear_common_thread": {"meetings": 3},
    # Share of agenda minutes led by an invited expert over the last `meetings` meetings.
    "expert_dependence": {"meetings": 3, "expert_share": 0.4, "alert_share": 0.6},
    # Held meetings in Development without one idea, question or proposal from a participant.
    "practice_questions_missing": {"meetings": 2},
    # Members who placed stickers in the cycle's closed dot vote.
    "theme_not_supported": {"voters_below": 0.5},
    # Weeks without a meeting, with none planned.
    "no_meeting_planned": {"weeks": 6},
    # A move forward with questions of the phase still open; a warning from this many.
    "moved_on_with_open_questions": {"warning_from": 3},
    # A shown Netwerkbarometer dimension averaging below this (1 to 5).
    "barometer_low": {"below": 2.5},
}


def for_region(overrides: dict[str, Any] | None) -> dict[str, dict[str, float]]:
    """The defaults with a region's own values laid over them (unknown keys are ignored)."""
    merged = {rule: dict(values) for rule, values in DEFAULTS.items()}
    for rule, values in (overrides or {}).items():
        if rule in merged and isinstance(values, dict):
            for key, value in values.items():
                if key in merged[rule] and isinstance(value, int | float):
                    merged[rule][key] = float(value)
    return merged
