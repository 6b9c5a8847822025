"""Writes on buddies and rotating groups: the app's public API for them.

`buddies` sets (and proposes) the pairs; `rotations` plans and re-plans rounds of groups with
the planner and stores them; `common` translates between a network's members and the planner.
"""

from .buddies import buddies_leave, buddies_propose, buddies_set
from .rotations import rotation_plan, rotation_replan

__all__ = ["buddies_leave", "buddies_propose", "buddies_set", "rotation_plan", "rotation_replan"]
