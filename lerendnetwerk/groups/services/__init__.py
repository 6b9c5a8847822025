"""Writes on buddies and rotating groups: the app's public API for them.

`buddies` sets (and proposes) the pairs; `mentoring` pairs a new facilitator with a mentor and
plans peer consultations; `rotations` plans and re-plans rounds of groups with
the planner and stores them; `common` translates between a network's members and the planner.
"""

from .buddies import buddies_leave, buddies_propose, buddies_set
from .mentoring import (
    consultation_afterwards_save,
    consultation_cancel,
    consultation_case_bring,
    consultation_plan,
    mentorship_end,
    mentorship_start,
)
from .rotations import rotation_plan, rotation_replan

__all__ = [
    "buddies_leave",
    "buddies_propose",
    "buddies_set",
    "consultation_afterwards_save",
    "consultation_cancel",
    "consultation_case_bring",
    "consultation_plan",
    "mentorship_end",
    "mentorship_start",
    "rotation_plan",
    "rotation_replan",
]
