"""Greedy start and tabu search over swaps, after Triska & Musliu (2012) and Dotú & Van
Hentenryck (2005).

- Greedy: meeting by meeting, fill each group with the person who adds the least cost to it
  (has met its members least, keeps 'apart' pairs apart, joins 'together' partners, brings the
  missing side); among equals the one leaving the most "freedom"; remaining ties at random so
  every restart differs.
- Tabu search: take every (meeting, person) in a conflict (at most MAX_SPOTS of them, drawn at
  random), make the best swap of one of them with someone from another group of the same
  meeting (candidates scored with a few lookups each, see engine.py), forbid moving both again
  for a short random tenure, allow a tabu move when it beats the best schedule so far
  (aspiration), and after STALL steps without a new best restart from the best schedule with a
  few random swaps (every fourth restart: a fresh greedy start).
  Measured alternative: one random conflict spot per step is 50 times faster per step but
  leaves far more repeats on tight instances (bench/groups/README.md).
- Relabelling: for a schedule built by algebra (no repeats), swap two people in every meeting
  at once. Repeats stay at zero; apart, together and mixing improve. Used before tabu search.
  A person kept apart from someone is swapped with a person who never meets that someone.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from random import Random
from time import perf_counter

from .engine import Engine, Groups
from .problem import CHILDCARE_SIDE, SCHOOL_SIDE

TENURE = (2, 6)  # steps a swapped person stays put; 2-6 beat 3-12 and 5-25 (README)
STALL = 300  # steps without a new best before a restart
MAX_SPOTS = 40  # conflict spots considered per step; sampling 15 was clearly worse
FREEDOM_PEOPLE = 200  # above this many people the greedy skips freedom
FREEDOM_SAMPLE = 32  # equally cheap candidates whose freedom the greedy compares
RELABEL_STALE = 30  # rounds of renaming without improvement before giving up


def greedy_schedule(engine: Engine, fixed: dict[int, Groups], rng: Random) -> list[Groups]:
    """Meetings in `fixed` as given, the others built greedily knowing all meetings before."""
    cnt = [row[:] for row in engine.met_before]
    for week in fixed.values():
        _count(cnt, week)
    weeks: list[Groups] = []
    for w in range(engine.meetings):
        given = fixed.get(w)
        if given is None:
            given = _greedy_week(engine, w, cnt, rng)
            _count(cnt, given)
        weeks.append(given)
    return weeks


def _count(cnt: list[list[int]], week: Groups) -> None:
    for group in week:
        for a, b in combinations(group, 2):
            cnt[a][b] += 1
            cnt[b][a] += 1


def _greedy_week(engine: Engine, w: int, cnt: list[list[int]], rng: Random) -> Groups:
    """Fill the groups of meeting w seat by seat with the cheapest person; among equally cheap
    ones prefer the most "freedom" (Triska & Musliu): the most people that neither the group
    nor the newcomer has met yet, so later meetings keep room to avoid repeats.

    `joining[x]` is x's cost of joining the group being filled, kept up to date as members
    arrive, so a seat costs one pass over the people left. Sets of people for freedom are int
    bitsets: one OR and a bit count per candidate.
    """
    remaining = engine.present[w][:]
    rng.shuffle(remaining)
    static, side, w_rep = engine.static, engine.side, engine.w_rep
    mixing = engine.allowance[w] is not None
    met = [sum(1 << y for y, c in enumerate(row) if c) | 1 << x for x, row in enumerate(cnt)]
    if engine.n > FREEDOM_PEOPLE:  # building the bitsets costs N^2 per meeting; ties go random
        met = [0] * engine.n
    everyone = (1 << engine.n) - 1
    joining = [0] * engine.n
    week: Groups = []
    for size in engine.sizes[w]:
        group: list[int] = []
        seen = 0
        newcomer = remaining.pop()
        while True:
            group.append(newcomer)
            seen |= met[newcomer]
            row_c, row_s = cnt[newcomer], static[newcomer]
            for x in remaining:
                joining[x] += w_rep * (row_c[x] > 0) + row_s[x]
            if len(group) == size:
                break
            # A newcomer bringing the childcare or school side the group lacks costs one less.
            wanted = {CHILDCARE_SIDE, SCHOOL_SIDE} - {side[p] for p in group} if mixing else set()
            lowest = min(joining[x] - (side[x] in wanted) for x in remaining)
            cheapest = [x for x in remaining if joining[x] - (side[x] in wanted) == lowest]
            if len(cheapest) > FREEDOM_SAMPLE:  # keeps a seat cheap with hundreds of people
                cheapest = rng.sample(cheapest, FREEDOM_SAMPLE)
            newcomer = max(
                cheapest, key=lambda x: (bin(everyone & ~(seen | met[x])).count("1"), rng.random())
            )
            remaining.remove(newcomer)
        for x in remaining:
            joining[x] = 0
        week.append(group)
    return week


def tabu_search(
    engine: Engine,
    deadline: float,
    rng: Random,
    restart: Callable[[list[Groups]], list[Groups]],
) -> tuple[list[Groups], int]:
    """Improve the loaded schedule until the floor cost or the deadline; the best one found."""
    best, best_cost = engine.snapshot(), engine.cost
    it = stall = 0
    while best_cost > engine.floor:
        it += 1
        if perf_counter() > deadline:
            break
        spots = engine.all_spots()
        if not spots:
            break  # what is left cannot be changed by swaps (single-group meetings)
        if len(spots) > MAX_SPOTS:
            spots = rng.sample(spots, MAX_SPOTS)
        w, a, b, d = engine.best_move(spots, it, best_cost, rng)
        if b >= 0:
            engine.swap(w, a, b, d)
            engine.tabu[w][a] = it + rng.randint(*TENURE)
            engine.tabu[w][b] = it + rng.randint(*TENURE)
        if engine.cost < best_cost:
            best, best_cost, stall = engine.snapshot(), engine.cost, 0
        else:
            stall += 1
        if stall >= STALL:
            engine.load(restart(best))
            stall = 0
    return best, best_cost


def perturbed(engine: Engine, weeks: list[Groups], rng: Random, swaps: int) -> list[Groups]:
    """A copy of `weeks` with `swaps` random swaps between groups of random meetings."""
    weeks = [[list(g) for g in week] for week in weeks]
    movable = [w for w, week in enumerate(weeks) if len(week) > 1]
    for _ in range(swaps if movable else 0):
        week = weeks[rng.choice(movable)]
        ga, gb = rng.sample(range(len(week)), 2)
        i, j = rng.randrange(len(week[ga])), rng.randrange(len(week[gb]))
        week[ga][i], week[gb][j] = week[gb][j], week[ga][i]
    return weeks


def relabel(engine: Engine, deadline: float, rng: Random) -> None:
    """Hill-climb over renamings: swap a conflicting person with anyone, in every meeting.

    Works round by round through the people in conflicts (shuffled), so the conflicts are
    listed once per round instead of once per try; stops after RELABEL_STALE rounds without
    improvement, so its result does not depend on the clock when it cannot fix everything.
    """
    apart: dict[int, list[int]] = {}
    for x, y in engine.apart_pairs:
        apart.setdefault(x, []).append(y)
        apart.setdefault(y, []).append(x)
    stale = 0
    while engine.cost > engine.floor and stale < RELABEL_STALE:
        people = sorted({a for _, a in engine.all_spots()})
        if not people:
            return
        rng.shuffle(people)
        before_round = engine.cost
        for a in people:
            if perf_counter() > deadline:
                return
            b = _apart_target(engine, a, apart.get(a, []), rng)
            if b < 0:
                b = rng.randrange(engine.n - 1)
                b += b >= a
            before = engine.cost
            moved = _swap_everywhere(engine, a, b)
            if engine.cost > before or (engine.cost == before and rng.random() < 0.5):
                _swap_everywhere(engine, a, b, moved)
        stale = stale + 1 if engine.cost >= before_round else 0


def _apart_target(engine: Engine, a: int, partners: list[int], rng: Random) -> int:
    """Someone whose place never meets one of a's 'apart' partners, or -1.

    Renaming a as that person separates the pair in every meeting at once. In a tight design
    (8-4-10: everyone meets all but one) a random partner almost never does this, which
    left apart pairs to the tabu search and cost repeats.
    """
    partners = [c for c in partners if engine.cnt[a][c]]  # those a still meets
    if not partners:
        return -1
    c = rng.choice(partners)
    cnt = engine.cnt[c]
    pool = [b for b in range(engine.n) if cnt[b] == 0 and b != a and b != c]
    return rng.choice(pool) if pool else -1


def _swap_everywhere(engine: Engine, a: int, b: int, weeks: list[int] | None = None) -> list[int]:
    if weeks is None:
        weeks = [
            w
            for w in range(engine.meetings)
            if engine.grp[w][a] >= 0
            and engine.grp[w][b] >= 0
            and engine.grp[w][a] != engine.grp[w][b]
        ]
    for w in weeks:
        engine.swap(w, a, b, engine.delta(w, a, b))
    return weeks
