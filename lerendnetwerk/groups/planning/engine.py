"""A schedule under construction, with the cost of every swap known in O(group size).

The whole objective is one weighted integer, so comparing schedules is one comparison:

    cost = W_APART * apart pairs sharing a group           (hard: must end at 0)
         + W_TOG   * together pairs present but separated  (the facilitator's explicit wish)
         + W_REP   * sum over pairs of max(0, meetings - 1) (social golfer)
         + W_MIX   * groups lacking childcare or school staff

Each weight exceeds the largest possible total of everything below it, which makes the sum
lexicographic. Everything except mixing is a sum over pairs sharing a group, so the engine
keeps two N x N tables: `inc[a][x]`, the cost of putting a and x together once more, and
`dec[a][x]`, the cost saved by separating them. Swapping a (group A) and b (group B) in one
meeting then costs

    sum over x in A - a of (inc[b][x] - dec[a][x]) + sum over y in B - b of (inc[a][y] - dec[b][y])

plus the change in mixing of A and B, and only the rows of the pairs that change are updated.
Group sizes never change: swaps keep every meeting's shape, so the hard size rule holds always.
"""

from __future__ import annotations

from itertools import combinations
from random import Random

from .problem import (
    CHILDCARE_SIDE,
    SCHOOL_SIDE,
    Problem,
    group_sizes,
    mixing_allowance,
    present_people,
    sides,
)

Groups = list[list[int]]


class Engine:
    def __init__(self, problem: Problem) -> None:
        n = self.n = problem.people
        self.meetings = problem.meetings
        self.present = [present_people(problem, m) for m in range(problem.meetings)]
        self.sizes = [group_sizes(len(p), problem.group_size) for p in self.present]
        self.side = sides(problem)
        self.allowance = [
            mixing_allowance(self.side, self.present[m], len(self.sizes[m]))
            for m in range(problem.meetings)
        ]
        self._weights(problem)
        self.together = [[False] * n for _ in range(n)]
        self.static = [[0] * n for _ in range(n)]
        self.apart_pairs = [tuple(sorted(p)) for p in problem.apart]
        self.together_pairs = [tuple(sorted(p)) for p in problem.together]
        for a, b in self.apart_pairs:
            self.static[a][b] = self.static[b][a] = self.w_apart
        for a, b in self.together_pairs:
            self.static[a][b] = self.static[b][a] = -self.w_tog
            self.together[a][b] = self.together[b][a] = True
        self.met_before = [[0] * n for _ in range(n)]
        for pair, times in problem.met_before.items():
            a, b = tuple(pair)
            if not self.together[a][b]:
                self.met_before[a][b] = self.met_before[b][a] = times
        self.movable = [len(sizes) > 1 for sizes in self.sizes]
        self.floor = self.w_rep * self._repeats_floor() + sum(a or 0 for a in self.allowance)

    def _repeats_floor(self) -> int:
        """A lower bound on repeats, so the search can stop when it reaches it.

        Pairs that met before pay for every meeting; a fresh pair meets once for free and a
        'together' pair once per meeting, so pair slots beyond those are repeats.
        """
        n = self.n
        earlier = [t for a in range(n) for t in self.met_before[a][a + 1 :] if t]
        slots = sum(s * (s - 1) // 2 for sizes in self.sizes for s in sizes)
        fresh = n * (n - 1) // 2 - len(earlier) - len(self.together_pairs)
        free_together = sum(
            1
            for present in self.present
            for a, b in self.together_pairs
            if a in present and b in present
        )
        counted = max(0, slots - fresh - free_together)
        return sum(t - 1 for t in earlier) + counted

    def _weights(self, problem: Problem) -> None:
        groups = sum(len(s) for s in self.sizes)
        pair_slots = sum(s * (s - 1) // 2 for sizes in self.sizes for s in sizes)
        self.w_mix = 1
        self.w_rep = groups + 1
        self.w_tog = self.w_rep * (pair_slots + sum(problem.met_before.values()) + 1)
        self.w_apart = self.w_tog * (len(problem.together) * problem.meetings + 1)

    # -- state ---------------------------------------------------------------------------

    def load(self, weeks: list[Groups]) -> None:
        """Take a full schedule (group sizes as in `self.sizes`) and compute every table."""
        n = self.n
        self.members = [[list(g) for g in week] for week in weeks]
        self.grp = [[-1] * n for _ in weeks]
        for w, week in enumerate(self.members):
            for g, group in enumerate(week):
                for p in group:
                    self.grp[w][p] = g
        self.cnt = [row[:] for row in self.met_before]
        for week in self.members:
            for group in week:
                for a, b in combinations(group, 2):
                    if not self.together[a][b]:
                        self.cnt[a][b] += 1
                        self.cnt[b][a] += 1
        w_rep, static, cnt = self.w_rep, self.static, self.cnt
        self.inc = [[w_rep * (cnt[a][b] >= 1) + static[a][b] for b in range(n)] for a in range(n)]
        self.dec = [[w_rep * (cnt[a][b] >= 2) + static[a][b] for b in range(n)] for a in range(n)]
        # Pairs the search can act on: repeated, and meeting at least once in the schedule.
        self.repeated = {
            a * n + b
            for a, row in enumerate(self.cnt)
            for b in range(a + 1, n)
            if row[b] >= 2 and row[b] > self.met_before[a][b]
        }
        self.cc = [[self._count(g, CHILDCARE_SIDE) for g in week] for week in self.members]
        self.sc = [[self._count(g, SCHOOL_SIDE) for g in week] for week in self.members]
        self.tabu = [[0] * n for _ in weeks]
        self.cost = self.full_cost()

    def _count(self, group: list[int], side: int) -> int:
        return sum(1 for p in group if self.side[p] == side)

    def snapshot(self) -> list[Groups]:
        return [[list(g) for g in week] for week in self.members]

    def full_cost(self) -> int:
        """The cost computed from scratch (the incremental one must always equal it)."""
        n, cnt = self.n, self.cnt
        repeats = sum(max(0, cnt[a][b] - 1) for a in range(n) for b in range(a + 1, n))
        apart = sum(
            self._together_in(w, a, b) for w in range(self.meetings) for a, b in self.apart_pairs
        )
        missed = sum(
            self.grp[w][a] >= 0 and self.grp[w][b] >= 0 and not self._together_in(w, a, b)
            for w in range(self.meetings)
            for a, b in self.together_pairs
        )
        unmixed = sum(
            self._lacking(w) for w in range(self.meetings) if self.allowance[w] is not None
        )
        return (
            self.w_apart * apart + self.w_tog * missed + self.w_rep * repeats + self.w_mix * unmixed
        )

    def _together_in(self, w: int, a: int, b: int) -> bool:
        g = self.grp[w][a]
        return g >= 0 and g == self.grp[w][b]

    def _lacking(self, w: int) -> int:
        sc = self.sc[w]
        return sum(1 for g, c in enumerate(self.cc[w]) if c == 0 or sc[g] == 0)

    # -- where the cost is ---------------------------------------------------------------

    def all_spots(self) -> list[tuple[int, int]]:
        """Every (meeting, person) in a conflict, without duplicates; apart conflicts only
        while there are any."""
        spots = [
            spot
            for a, b in self.apart_pairs
            for w in range(self.meetings)
            if self.movable[w] and self._together_in(w, a, b)
            for spot in ((w, a), (w, b))
        ]
        if spots:
            return sorted(set(spots))
        spots = self._wish_spots()
        n = self.n
        for key in self.repeated:
            a, b = divmod(key, n)
            for w, g in enumerate(self.grp):
                if self.movable[w] and g[a] >= 0 and g[a] == g[b]:
                    spots += ((w, a), (w, b))
        return sorted(set(spots))

    def _wish_spots(self) -> list[tuple[int, int]]:
        """Spots of missed 'together' wishes and of groups that should be mixed but are not."""
        spots: list[tuple[int, int]] = []
        for a, b in self.together_pairs:
            for w, where in enumerate(self.grp):
                if where[a] >= 0 and where[b] >= 0 and where[a] != where[b] and self.movable[w]:
                    spots += ((w, a), (w, b))
        for w, allowance in enumerate(self.allowance):
            if allowance is not None and self.movable[w] and self._lacking(w) > allowance:
                cc, sc = self.cc[w], self.sc[w]
                for g, group in enumerate(self.members[w]):
                    if cc[g] == 0 or sc[g] == 0:
                        spots += ((w, p) for p in group)
        return spots

    # -- moves ---------------------------------------------------------------------------

    def _mix_delta(self, w: int, ga: int, gb: int, sa: int, sb: int) -> int:
        """Change in groups lacking a side when a person of side sa moves from ga to gb and
        one of side sb moves back."""
        if sa == sb or self.allowance[w] is None:
            return 0
        cc, sc = self.cc[w], self.sc[w]
        dc = (sb == CHILDCARE_SIDE) - (sa == CHILDCARE_SIDE)
        ds = (sb == SCHOOL_SIDE) - (sa == SCHOOL_SIDE)
        before = (cc[ga] == 0 or sc[ga] == 0) + (cc[gb] == 0 or sc[gb] == 0)
        after = (cc[ga] + dc == 0 or sc[ga] + ds == 0) + (cc[gb] - dc == 0 or sc[gb] - ds == 0)
        return self.w_mix * (after - before)

    def delta(self, w: int, a: int, b: int) -> int:
        """Cost change of swapping a and b (in different groups) at meeting w."""
        grp = self.grp[w]
        ga, gb = grp[a], grp[b]
        group_a, group_b = self.members[w][ga], self.members[w][gb]
        inc_a, inc_b, dec_a, dec_b = self.inc[a], self.inc[b], self.dec[a], self.dec[b]
        d = sum(inc_b[x] - dec_a[x] for x in group_a if x != a)
        d += sum(inc_a[y] - dec_b[y] for y in group_b if y != b)
        return d + self._mix_delta(w, ga, gb, self.side[a], self.side[b])

    def best_move(
        self, spots: list[tuple[int, int]], it: int, best_cost: int, rng: Random
    ) -> tuple[int, int, int, int]:
        """The best non-tabu swap moving one of `spots` (aspiration: a new best is always
        allowed), as (meeting, a, b, delta); b is -1 when every move is tabu.

        Hot loop, hence its length: the `delta` formula is spread out so that the sums shared
        by many candidates are computed once, per meeting (each person's own-group `dec` sum)
        and per conflicting group (everyone's `inc` sum towards it); a candidate then costs a
        handful of lookups.
        """
        inc, dec, side = self.inc, self.dec, self.side
        limit = best_cost - self.cost  # a delta below this gives a new best
        best = (-1, -1, -1, 0)
        ties = 0
        by_week: dict[int, dict[int, list[int]]] = {}
        for w, a in spots:
            by_week.setdefault(w, {}).setdefault(self.grp[w][a], []).append(a)
        for w, by_group in by_week.items():
            grp, members, tabu = self.grp[w], self.members[w], self.tabu[w]
            mixing = self.allowance[w] is not None
            present = self.present[w]
            own = [0] * self.n
            for p in present:
                own[p] = sum(map(dec[p].__getitem__, members[grp[p]]))
            for ga, people in by_group.items():
                group_a = members[ga]
                towards = [0] * self.n
                for p in present:
                    towards[p] = sum(map(inc[p].__getitem__, group_a))
                for a in people:
                    inc_a = inc[a]
                    base = -own[a]
                    a_tabu = tabu[a] > it
                    sa = side[a]
                    for gb, group_b in enumerate(members):
                        if gb == ga:
                            continue
                        in_a = base + sum(map(inc_a.__getitem__, group_b))
                        for b in group_b:
                            d = in_a + towards[b] - inc[b][a] - inc_a[b] - own[b]
                            if mixing and side[b] != sa:
                                d += self._mix_delta(w, ga, gb, sa, side[b])
                            if (a_tabu or tabu[b] > it) and d >= limit:
                                continue
                            if best[2] < 0 or d < best[3]:
                                best, ties = (w, a, b, d), 1
                            elif d == best[3]:
                                ties += 1  # the k-th tie wins with chance 1/k
                                if rng.random() * ties < 1.0:
                                    best = (w, a, b, d)
        return best

    def swap(self, w: int, a: int, b: int, d: int) -> None:
        """Apply a swap whose cost change `d` came from `delta` or `best_move`.

        Hot path: the pair-table updates of `_pair` are spelled out once per side.
        """
        grp, members = self.grp[w], self.members[w]
        ga, gb = grp[a], grp[b]
        group_a, group_b = members[ga], members[gb]
        pair = self._pair
        for x in group_a:
            if x != a:
                pair(a, x, -1)
                pair(b, x, 1)
        for y in group_b:
            if y != b:
                pair(b, y, -1)
                pair(a, y, 1)
        group_a[group_a.index(a)] = b
        group_b[group_b.index(b)] = a
        grp[a], grp[b] = gb, ga
        for side, counts in ((CHILDCARE_SIDE, self.cc[w]), (SCHOOL_SIDE, self.sc[w])):
            moved = (self.side[b] == side) - (self.side[a] == side)
            counts[ga] += moved
            counts[gb] -= moved
        self.cost += d

    def _pair(self, p: int, q: int, step: int) -> None:
        if self.together[p][q]:
            return  # wished-for meetings are never repeats
        row_p = self.cnt[p]
        c = row_p[q] + step
        row_p[q] = self.cnt[q][p] = c
        s = self.static[p][q]
        self.inc[p][q] = self.inc[q][p] = self.w_rep * (c >= 1) + s
        self.dec[p][q] = self.dec[q][p] = self.w_rep * (c >= 2) + s
        threshold = max(2, self.met_before[p][q] + 1)
        if c == threshold - (step < 0):  # crossed the line between repeated and not
            key = p * self.n + q if p < q else q * self.n + p
            if c >= threshold:
                self.repeated.add(key)
            else:
                self.repeated.discard(key)
