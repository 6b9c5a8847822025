"""What the planner is asked: the problem, its checks, and the numbers every part shares.

Pure Python on purpose (no Django): the planner is an algorithm, tested and benchmarked on
its own. Messages are plain English; the web layer wraps them in gettext.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

KINDS = frozenset({"daycare", "preschool", "primary_school", "other"})
CHILDCARE = frozenset({"daycare", "preschool"})
SCHOOL = frozenset({"primary_school"})

# Sides of the mixing rule: a group should hold both childcare and school staff.
OTHER, CHILDCARE_SIDE, SCHOOL_SIDE = 0, 1, 2

MAX_PEOPLE = 500
MAX_MEETINGS = 100

Schedule = list[list[list[int]]]


class PlanningError(ValueError):
    """The input cannot be planned; the message says why in plain English."""


@dataclass(frozen=True)
class Problem:
    """People 0..N-1 split into groups of about `group_size` at each of `meetings` meetings.

    `kinds[i]` is one of KINDS (or `kinds` is empty); `apart` pairs never share a group;
    `together` pairs should share a group at every meeting both attend; `met_before` counts
    earlier meetings of a pair (for re-planning); `absent[m]` is left out of meeting m.
    """

    people: int
    group_size: int
    meetings: int
    kinds: tuple[str, ...] = ()
    apart: frozenset[frozenset[int]] = frozenset()
    together: frozenset[frozenset[int]] = frozenset()
    met_before: Mapping[frozenset[int], int] = field(default_factory=dict)
    absent: Mapping[int, frozenset[int]] = field(default_factory=dict)


def group_sizes(present: int, group_size: int) -> list[int]:
    """ceil(present / group_size) groups whose sizes differ by at most one, largest first."""
    if present == 0:
        return []
    count = -(-present // group_size)
    base, extra = divmod(present, count)
    return [base + 1] * extra + [base] * (count - extra)


def present_people(problem: Problem, meeting: int) -> list[int]:
    away = problem.absent.get(meeting, frozenset())
    return [p for p in range(problem.people) if p not in away]


def sides(problem: Problem) -> list[int]:
    """The mixing side of every person: childcare, school or neither."""
    if not problem.kinds:
        return [OTHER] * problem.people
    return [
        CHILDCARE_SIDE if k in CHILDCARE else SCHOOL_SIDE if k in SCHOOL else OTHER
        for k in problem.kinds
    ]


def mixing_allowance(side_of: list[int], present: list[int], groups: int) -> int | None:
    """How many groups may lack a side at a meeting, or None when mixing does not apply.

    Mixing applies when both sides are present. With fewer people of a side than groups,
    some groups cannot be mixed; those are allowed and not penalised.
    """
    childcare = sum(1 for p in present if side_of[p] == CHILDCARE_SIDE)
    school = sum(1 for p in present if side_of[p] == SCHOOL_SIDE)
    if childcare == 0 or school == 0:
        return None
    return groups - min(childcare, school, groups)


def together_clusters(problem: Problem) -> list[set[int]]:
    """People linked by chains of `together` wishes (union-find), only clusters of two or more."""
    parent = list(range(problem.people))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in problem.together:
        a, b = sorted(pair)
        parent[root(a)] = root(b)
    clusters: dict[int, set[int]] = {}
    for p in range(problem.people):
        clusters.setdefault(root(p), set()).add(p)
    return [c for c in clusters.values() if len(c) > 1]


def check(problem: Problem) -> None:
    """Refuse input that cannot be planned, with a message a facilitator understands."""
    _check_sizes(problem)
    _check_kinds(problem)
    for name, pairs in (("apart", problem.apart), ("together", problem.together)):
        for pair in pairs:
            _check_pair(problem, name, pair)
    for pair, times in problem.met_before.items():
        _check_pair(problem, "met_before", pair)
        if times < 0:
            raise PlanningError("A pair cannot have met a negative number of times.")
    for meeting, away in problem.absent.items():
        if not 0 <= meeting < problem.meetings:
            raise PlanningError(f"Absences given for meeting {meeting}, which is not planned.")
        if any(not 0 <= p < problem.people for p in away):
            raise PlanningError("An absent person is not one of the people being planned.")
    _check_wishes(problem)


def _check_sizes(problem: Problem) -> None:
    n, k = problem.people, problem.group_size
    if n < 2:
        raise PlanningError("Groups need at least two people.")
    if n > MAX_PEOPLE:
        raise PlanningError(f"The planner handles at most {MAX_PEOPLE} people, not {n}.")
    if k < 2:
        raise PlanningError("The group size must be at least 2.")
    if k > n:
        raise PlanningError(f"The group size ({k}) is larger than the number of people ({n}).")
    if not 1 <= problem.meetings <= MAX_MEETINGS:
        raise PlanningError(f"Plan between 1 and {MAX_MEETINGS} meetings.")


def _check_kinds(problem: Problem) -> None:
    if not problem.kinds:
        return
    if len(problem.kinds) != problem.people:
        raise PlanningError("Give a kind for every person, or for nobody.")
    unknown = sorted(set(problem.kinds) - KINDS)
    if unknown:
        raise PlanningError(f"Unknown kind {unknown[0]!r}; use one of: {', '.join(sorted(KINDS))}.")


def _check_pair(problem: Problem, name: str, pair: frozenset[int]) -> None:
    if len(pair) != 2:
        raise PlanningError(f"A '{name}' wish needs two different people.")
    if any(not 0 <= p < problem.people for p in pair):
        raise PlanningError(f"A '{name}' wish names someone who is not being planned.")


def _check_wishes(problem: Problem) -> None:
    both = problem.apart & problem.together
    if both:
        a, b = sorted(next(iter(both)))
        raise PlanningError(f"Persons {a} and {b} are asked to be both apart and together.")
    for cluster in together_clusters(problem):
        if len(cluster) > problem.group_size:
            raise PlanningError(
                f"{len(cluster)} people are linked by 'together' wishes, more than fit in a "
                f"group of {problem.group_size}."
            )
        for pair in problem.apart:
            if pair <= cluster:
                a, b = sorted(pair)
                raise PlanningError(
                    f"Persons {a} and {b} must be apart, but 'together' wishes link them."
                )
    for meeting in range(problem.meetings):
        present = set(present_people(problem, meeting))
        if len(group_sizes(len(present), problem.group_size)) == 1:
            for pair in problem.apart:
                if pair <= present:
                    a, b = sorted(pair)
                    raise PlanningError(
                        f"Persons {a} and {b} must be apart, but meeting {meeting + 1} has "
                        "only one group."
                    )
