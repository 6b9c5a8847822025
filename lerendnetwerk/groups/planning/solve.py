"""plan(): check the input, start from algebra where it applies, then search."""

from __future__ import annotations

from random import Random
from time import perf_counter

from .constructions import best_construction
from .engine import Engine, Groups
from .problem import CHILDCARE_SIDE, OTHER, SCHOOL_SIDE, PlanningError, Problem, Schedule, check
from .search import greedy_schedule, perturbed, relabel, tabu_search

RELABEL_SHARE = 0.25  # of the time limit, for renaming people in an algebraic schedule
RESTART_SWAPS = 4
# Extra rounds of search, each as long as the time limit (at least a second), when the time
# limit ran out with an 'apart' pair still in one group.
HARD_RULE_EXTENSIONS = 3


def plan(problem: Problem, *, time_limit: float = 2.0, seed: int = 0) -> Schedule:
    """Groups for every meeting: `schedule[m][g]` lists the people of group g at meeting m.

    Guarantees: everyone present at a meeting sits in exactly one of its ceil(N'/K) groups,
    group sizes differ by at most one, 'apart' pairs never share a group. Within the time limit
    it minimises, in this order: 'together' wishes missed, repeated pairs (counting
    `met_before`), groups that do not mix childcare and school. Stops early when nothing is
    left to improve. The same seed gives the same schedule whenever the search finishes before
    the time limit. Raises PlanningError for input that cannot be planned.
    """
    check(problem)
    started = perf_counter()
    deadline = started + max(0.0, time_limit)
    rng = Random(seed)
    engine = Engine(problem)
    design = _algebraic_start(problem, engine, rng)
    engine.load(greedy_schedule(engine, design, rng))
    if design and _has_wishes(problem):
        relabel(engine, started + RELABEL_SHARE * time_limit, rng)
    restarts = 0

    def restart(best: list[Groups]) -> list[Groups]:
        nonlocal restarts
        restarts += 1
        if restarts % 4 == 0:  # now and then a fresh greedy start, as Triska & Musliu do
            return greedy_schedule(engine, {}, rng)
        return perturbed(engine, best, rng, RESTART_SWAPS)

    best, _ = tabu_search(engine, deadline, rng, restart)
    # The hard rules do not wait for the clock: on a busy machine the time limit can run out
    # before the search has separated every 'apart' pair, so it goes on a while longer.
    for _ in range(HARD_RULE_EXTENSIONS):
        if not _apart_violated(problem, best):
            break
        engine.load(best)
        best, _ = tabu_search(engine, perf_counter() + max(time_limit, 1.0), rng, restart)
    if _apart_violated(problem, best):
        raise PlanningError(
            "Could not keep every 'apart' pair in different groups; remove some 'apart' wishes "
            "or choose a smaller group size."
        )
    return [sorted(sorted(group) for group in week) for week in best]


def _apart_violated(problem: Problem, weeks: list[Groups]) -> bool:
    return any(pair <= set(group) for week in weeks for group in week for pair in problem.apart)


def _algebraic_start(problem: Problem, engine: Engine, rng: Random) -> dict[int, Groups]:
    """Meetings with everyone present, filled from a schedule without repeats, if one exists.

    The algebraic schedules put point numbers in "levels" of N/K consecutive numbers, and most
    of their groups take one point from each level. Giving the lowest numbers to childcare
    staff and the highest to school staff therefore mixes those groups from the start; the
    renaming search polishes the rest. Which algebraic meetings are used is shuffled, so seeds
    give different plans.
    """
    full = [w for w in range(problem.meetings) if len(engine.present[w]) == problem.people]
    if not full:
        return {}
    design = best_construction(problem.people, problem.group_size)
    if len(design) < 2:
        return {}
    rng.shuffle(design)
    people = list(range(problem.people))
    rng.shuffle(people)
    rank = {CHILDCARE_SIDE: 0, OTHER: 1, SCHOOL_SIDE: 2}
    people.sort(key=lambda p: rank[engine.side[p]])
    named = [[[people[point] for point in group] for group in week] for week in design]
    return {w: named[i] for i, w in enumerate(full[: len(named)])}


def _has_wishes(problem: Problem) -> bool:
    """Whether renaming people can lower the cost of an algebraic schedule at all."""
    return bool(problem.kinds or problem.apart or problem.together or problem.met_before)
