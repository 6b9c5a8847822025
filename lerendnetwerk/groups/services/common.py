"""Between a network's members and the planner, which works on people numbered 0..N-1.

Members are numbered in name order (`selectors.planning_members`), so a plan is reproducible;
the planner is told each person's kind of workplace, and its refusals are put in words a
facilitator can act on.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..planner import PlanningError, Problem, plan

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User

TIME_LIMIT_SECONDS = 2.0


def kind(user: "User") -> str:
    return user.organisation.kind if user.organisation else "other"


def wish_pairs(index: dict[int, int], pairs: Sequence[Sequence[int]]) -> frozenset[frozenset[int]]:
    """Wishes given as pairs of user ids, as pairs of the planner's numbers; pairs with someone
    who is no longer a member are dropped."""
    return frozenset(frozenset((index[a], index[b])) for a, b in pairs if a in index and b in index)


def solve(problem: Problem) -> list[list[list[int]]]:
    try:
        return plan(problem, time_limit=TIME_LIMIT_SECONDS, seed=0)
    except PlanningError as error:
        # The planner's own reasons are technical English; the person gets an actionable one.
        raise ValidationError(
            _(
                "These groups cannot be planned with these wishes. Check the people you want "
                "to keep apart or together, and the group size."
            )
        ) from error
