"""Search for "1-rotational" schedules of groups of 4: one base meeting, shifted m times.

    uv run python bench/groups/find_rotational.py 7 3 3 --holes   # 6-4-7, about a second
    uv run python bench/groups/find_rotational.py 10 3 6          # 9-4-10, 10 s to minutes

People are (x, level) for x in Z_m and level < L, plus F fixed people inf_0..inf_(F-1), each
in its own group of the base meeting. Meeting s is the base meeting with x -> x + s (mod m);
the fixed people stay put. Over the m meetings no pair meets twice exactly when the base
meeting uses every "difference" at most once:

- within a level, the difference +-d (d != m/2: the pair {x, x + m/2} would meet twice);
- between levels i < j, the difference y - x (with --holes not 0: the people (x, 0..L-1),
  and the fixed people among themselves, then never meet, as in a resolvable group divisible
  design of type L^(m+1));
- a fixed person with a level: once, or it would meet that level twice.

This is the 1-rotational (difference family) construction of design theory. It reduces a
24 to 36 person schedule to one meeting of at most 9 groups, on which a small tabu search over
swaps (the same idea as the planner's, with cost = differences used twice) finds an exact
answer in seconds. With --holes and m = 7, L = F = 3 it builds a 4-RGDD of type 3^8, which
gives the 7th meeting for 6 groups of 4 that the planner's search misses.

Prints a line to paste into planning/designs.py; the tests check every stored design with the
planner's own checker.
"""

from __future__ import annotations

import argparse
import sys
import time
from itertools import combinations
from pathlib import Path
from random import Random

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lerendnetwerk.groups.planning.designs import encode, without_repeats

Point = tuple[int, int]  # (x, level); a fixed person is (-1 - k, -1)
Key = tuple[int, ...]
BAD: Key = (-1,)  # a pair that would meet in every meeting, or a hole pair


class Base:
    def __init__(self, m: int, levels: int, fixed: int, holes: bool, rng: Random) -> None:
        self.m, self.holes, self.rng = m, holes, rng
        people = [(x, lvl) for lvl in range(levels) for x in range(m)]
        rng.shuffle(people)
        size = (levels * m + fixed) // 4
        self.groups: list[list[Point]] = [[(-1 - k, -1)] for k in range(fixed)]
        self.groups += [[] for _ in range(size - fixed)]
        for group in self.groups:
            while len(group) < 4:
                group.append(people.pop())
        self.used: dict[Key, int] = {}
        for group in self.groups:
            for p, q in combinations(group, 2):
                key = self.key(p, q)
                self.used[key] = self.used.get(key, 0) + 1
        self.cost = sum(self.excess(k, c) for k, c in self.used.items())

    def key(self, p: Point, q: Point) -> Key:
        if p[1] < 0 and q[1] < 0:
            return BAD
        if q[1] < 0:
            p, q = q, p
        if p[1] < 0:
            return (0, p[0], q[1])  # fixed person p with level q[1]
        (x, i), (y, j) = sorted((p, q), key=lambda pt: pt[1])
        d = (y - x) % self.m
        if i == j:
            d = min(d, self.m - d)
            return BAD if 2 * d == self.m else (1, i, d)
        return BAD if d == 0 and self.holes else (2, i, j, d)

    @staticmethod
    def excess(key: Key, count: int) -> int:
        return count if key == BAD else max(0, count - 1)

    def delta(self, ga: int, a: Point, gb: int, b: Point) -> tuple[int, dict[Key, int]]:
        change: dict[Key, int] = {}
        for mover, stayer, group in ((a, b, self.groups[ga]), (b, a, self.groups[gb])):
            for x in group:
                if x != mover:
                    k_out, k_in = self.key(mover, x), self.key(stayer, x)
                    change[k_out] = change.get(k_out, 0) - 1
                    change[k_in] = change.get(k_in, 0) + 1
        d = 0
        for key, step in change.items():
            count = self.used.get(key, 0)
            d += self.excess(key, count + step) - self.excess(key, count)
        return d, change

    def tabu_search(self, steps: int) -> bool:
        tabu: dict[Point, int] = {}
        best = self.cost
        for it in range(1, steps + 1):
            if self.cost == 0:
                return True
            moves: list[tuple[int, Point, int, Point, dict[Key, int]]] = []
            lowest = 0
            for ga, gb in combinations(range(len(self.groups)), 2):
                for a in self.groups[ga]:
                    for b in self.groups[gb]:
                        if a[1] < 0 or b[1] < 0:
                            continue
                        d, change = self.delta(ga, a, gb, b)
                        frozen = tabu.get(a, 0) > it or tabu.get(b, 0) > it
                        if frozen and self.cost + d >= best:
                            continue
                        if not moves or d < lowest:
                            moves, lowest = [(ga, a, gb, b, change)], d
                        elif d == lowest:
                            moves.append((ga, a, gb, b, change))
            if not moves:
                continue
            ga, a, gb, b, change = self.rng.choice(moves)
            for key, step in change.items():
                self.used[key] = self.used.get(key, 0) + step
            self.groups[ga][self.groups[ga].index(a)] = b
            self.groups[gb][self.groups[gb].index(b)] = a
            self.cost += lowest
            best = min(best, self.cost)
            tabu[a] = it + self.rng.randint(2, 8)
            tabu[b] = it + self.rng.randint(2, 8)
        return self.cost == 0

    def develop(self, levels: int) -> list[list[list[int]]]:
        """Person numbers: (x, level) -> level * m + x; fixed person k -> levels * m + k."""
        m = self.m

        def person(p: Point, s: int) -> int:
            x, lvl = p
            return levels * m - 1 - x if lvl < 0 else lvl * m + (x + s) % m

        return [sorted(sorted(person(p, s) for p in g) for g in self.groups) for s in range(m)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("m", type=int, help="meetings (the cyclic group Z_m)")
    parser.add_argument("levels", type=int, help="people per residue x")
    parser.add_argument("fixed", type=int, help="people fixed by the shift")
    parser.add_argument("--holes", action="store_true", help="(x, 0..L-1) never meet")
    parser.add_argument("--steps", type=int, default=3000, help="tabu steps per try")
    args = parser.parse_args()
    people = args.m * args.levels + args.fixed
    if people % 4:
        raise SystemExit("m * levels + fixed must be a multiple of 4")
    rng = Random(1)
    started = time.time()
    for attempt in range(1, 10**6):
        base = Base(args.m, args.levels, args.fixed, args.holes, rng)
        if base.tabu_search(args.steps):
            schedule = base.develop(args.levels)
            assert without_repeats(people, 4, schedule)
            took = time.time() - started
            print(f"# {people // 4}-4-{args.m}: try {attempt}, {took:.0f} s", flush=True)
            print(f'    ({people // 4}, 4): "{encode(schedule)}",')
            return
        print(f"# try {attempt}: {base.cost} left, {time.time() - started:.0f} s", flush=True)


if __name__ == "__main__":
    main()
