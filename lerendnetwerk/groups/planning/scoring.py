"""Judge a schedule: the score the planner minimises and the rules every output must keep."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from .problem import (
    CHILDCARE_SIDE,
    SCHOOL_SIDE,
    Problem,
    Schedule,
    group_sizes,
    mixing_allowance,
    present_people,
    sides,
)


@dataclass(frozen=True)
class Score:
    """What a schedule costs, field by field; `key()` orders them as the planner does.

    - apart_violated: (meeting, pair) where an 'apart' pair shares a group; hard, always 0 in
      a plan() result.
    - together_missed: (meeting, pair) where a 'together' pair, both present, sits apart.
    - repeats: sum over pairs of max(0, times together - 1), counting `met_before`. Pairs the
      facilitator asked to keep together are left out: meeting again is what they asked for.
    - unmixed: groups lacking childcare or school staff beyond those the membership forces.
    - size_spread: the largest difference between group sizes within one meeting.
    """

    apart_violated: int
    together_missed: int
    repeats: int
    unmixed: int
    size_spread: int

    def key(self) -> tuple[int, int, int, int]:
        """Lexicographic order of the objective; together before repeats (see the README)."""
        return (self.apart_violated, self.together_missed, self.repeats, self.unmixed)


def score(problem: Problem, schedule: Schedule) -> Score:
    side_of = sides(problem)
    counts: dict[frozenset[int], int] = {
        pair: times for pair, times in problem.met_before.items() if pair not in problem.together
    }
    apart = together = unmixed = spread = 0
    for meeting, groups in enumerate(schedule):
        where = {p: g for g, group in enumerate(groups) for p in group}
        for group in groups:
            for a, b in combinations(group, 2):
                pair = frozenset((a, b))
                apart += pair in problem.apart
                if pair not in problem.together:
                    counts[pair] = counts.get(pair, 0) + 1
        for pair in problem.together:
            a, b = tuple(pair)
            together += a in where and b in where and where[a] != where[b]
        unmixed += _unmixed_excess(side_of, present_people(problem, meeting), groups)
        if groups:
            spread = max(spread, max(map(len, groups)) - min(map(len, groups)))
    repeats = sum(max(0, times - 1) for times in counts.values())
    return Score(apart, together, repeats, unmixed, spread)


def _unmixed_excess(side_of: list[int], present: list[int], groups: list[list[int]]) -> int:
    allowance = mixing_allowance(side_of, present, len(groups))
    if allowance is None:
        return 0
    lacking = sum(
        1
        for group in groups
        if not any(side_of[p] == CHILDCARE_SIDE for p in group)
        or not any(side_of[p] == SCHOOL_SIDE for p in group)
    )
    return max(0, lacking - allowance)


def validate(problem: Problem, schedule: Schedule) -> list[str]:
    """Every broken hard rule, in words; an empty list means the schedule is valid."""
    errors: list[str] = []
    if len(schedule) != problem.meetings:
        errors.append(f"Expected {problem.meetings} meetings, got {len(schedule)}.")
    for meeting, groups in enumerate(schedule):
        errors.extend(_validate_meeting(problem, meeting, groups))
    return errors


def _validate_meeting(problem: Problem, meeting: int, groups: list[list[int]]) -> list[str]:
    label = f"Meeting {meeting + 1}"
    errors: list[str] = []
    present = present_people(problem, meeting)
    seated = sorted(p for group in groups for p in group)
    if seated != present:
        missing = sorted(set(present) - set(seated))
        extra = sorted(set(seated) - set(present))
        doubled = sorted({p for p in seated if seated.count(p) > 1})
        for what, people in (("missing", missing), ("not expected", extra), ("twice", doubled)):
            if people:
                errors.append(f"{label}: {what}: {people}.")
    expected = group_sizes(len(present), problem.group_size)
    if len(groups) != len(expected):
        errors.append(f"{label}: {len(groups)} groups instead of {len(expected)}.")
    elif sorted(map(len, groups), reverse=True) != expected:
        errors.append(f"{label}: group sizes {sorted(map(len, groups))} are uneven.")
    for group in groups:
        for a, b in combinations(group, 2):
            if frozenset((a, b)) in problem.apart:
                errors.append(f"{label}: persons {a} and {b} must be apart but share a group.")
    return errors
