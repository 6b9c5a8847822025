"""Search for cyclic schedules without repeats: g groups of p people, g + extra meetings.

    pypy3 bench/groups/find_cyclic.py 7 4 2      # m=7 rows, 4 levels (groups of 4), 2 extra

People are points (x, level) with x modulo m and p levels (N = m * p, g = m groups). A base
meeting P of m groups is shifted by x -> x + 1 to give m meetings; `extra` more meetings are
each the shifts of one "transversal" group (one person per level). Every pair of points falls
in an orbit under the shift (a difference within a level, or between two levels); the
schedule has no repeats exactly when every orbit is used at most once. For even m the pairs
(x, x + m/2) in a level are left out: they are the pairs that never meet (8-4-10 is such a
design, with 16 such "holes"). The search for P is a randomised depth-first search with
restarts; it prints the schedule in the format of planning/designs.py.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from random import Random

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lerendnetwerk.groups.planning.designs import encode

Point = tuple[int, int]
Orbit = tuple[int, int, int]  # (level, level, difference)


def orbit(m: int, a: Point, b: Point) -> Orbit | None:
    (x1, l1), (x2, l2) = sorted((a, b), key=lambda p: (p[1], p[0]))
    if l1 == l2:
        d = (x2 - x1) % m
        d = min(d, m - d)
        return None if 2 * d == m else (l1, l1, d)
    return (l1, l2, (x2 - x1) % m)


def base_meeting(
    m: int, levels: int, extra: int, rng: Random, budget: int, preset: set[Orbit]
) -> list[list[Point]] | None:
    points = [(x, lvl) for lvl in range(levels) for x in range(m)]
    free = set(points)
    used: set[Orbit] = set(preset)
    mixed_left = {
        (i, j): m - extra - sum(1 for o in preset if o[:2] == (i, j))
        for i in range(levels)
        for j in range(i + 1, levels)
    }
    blocks: list[list[Point]] = []
    nodes = 0

    def grow(block: list[Point]) -> bool:
        nonlocal nodes
        nodes += 1
        if nodes > budget:
            return False
        if len(block) == levels:
            blocks.append(block)
            ok = place()
            if not ok:
                blocks.pop()
            return ok
        options = [q for q in free if q > block[-1]] if len(block) > 1 else list(free)
        rng.shuffle(options)
        for q in options:
            maybe = [orbit(m, p, q) for p in block]
            new = [o for o in maybe if o is not None]
            if len(new) < len(maybe) or len(set(new)) < len(new) or used.intersection(new):
                continue
            if any(o[0] != o[1] and mixed_left[(o[0], o[1])] <= 0 for o in new):
                continue
            take(q, new, -1)
            if grow([*block, q]):
                return True
            take(q, new, 1)
        return False

    def take(q: Point, new: list[Orbit], step: int) -> None:
        (free.discard if step < 0 else free.add)(q)
        for o in new:
            (used.add if step < 0 else used.discard)(o)
            if o[0] != o[1]:
                mixed_left[(o[0], o[1])] += step

    def place() -> bool:
        if not free:
            return finish()
        first = min(free)
        free.discard(first)
        ok = grow([first])
        if not ok:
            free.add(first)
        return ok

    def finish() -> bool:
        return transversals(m, levels, extra, used) is not None

    return blocks if place() else None


def transversals(m: int, levels: int, extra: int, used: set[Orbit]) -> list[list[int]] | None:
    """`extra` transversal groups (0, d1, d2, ...) using only orbits left unused, each once."""
    left = {
        (i, j): {d for d in range(m) if (i, j, d) not in used}
        for i in range(levels)
        for j in range(i + 1, levels)
    }
    rows: list[list[int]] = []

    def extend(row: list[int]) -> bool:
        if len(row) == levels:
            diffs = [
                (i, j, (row[j] - row[i]) % m) for i in range(levels) for j in range(i + 1, levels)
            ]
            for i, j, d in diffs:
                left[(i, j)].discard(d)
            rows.append(row)
            if len(rows) == extra or extend([0]):
                return True
            rows.pop()
            for i, j, d in diffs:
                left[(i, j)].add(d)
            return False
        j = len(row)
        for d in sorted(left[(0, j)]):
            fits = all((d - row[i]) % m in left[(i, j)] for i in range(1, j))
            if fits and extend([*row, d]):
                return True
        return False

    return rows if extra == 0 or extend([0]) else None


def develop(
    m: int, levels: int, blocks: list[list[Point]], rows: list[list[int]]
) -> list[list[list[int]]]:
    def person(p: Point, shift: int) -> int:
        return p[1] * m + (p[0] + shift) % m

    meetings = [[[person(p, s) for p in b] for b in blocks] for s in range(m)]
    meetings += [
        [[lvl * m + (r[lvl] + s) % m for lvl in range(levels)] for s in range(m)] for r in rows
    ]
    return meetings


HALF = "--half" in sys.argv


def half_meeting(m: int, rng: Random) -> list[int]:
    """--half (m even, 4 levels): the pairs (x, 0)-(x, 1) and (x, 2)-(x, 3) never meet (the
    holes), and one more meeting is made of groups {(x, 0), (x+h, 0), (x+d, 1), (x+d+h, 1)}
    and the same on levels 2 and 3 (h = m/2): it uses the within-level difference h, which
    the shifts of the base meeting cannot (they would use it twice). Returns [d01, d23]."""
    return [rng.randrange(1, m // 2), rng.randrange(1, m // 2)]


def half_orbits(m: int, half: list[int]) -> set[Orbit]:
    """Orbits the holes and the --half meeting take, so the base meeting must avoid them."""
    if not half:
        return set()
    h = m // 2
    return {(0, 1, 0), (2, 3, 0)} | {
        (lo, lo + 1, (d + s) % m) for lo, d in ((0, half[0]), (2, half[1])) for s in (0, h)
    }


def develop_half(m: int, half: list[int]) -> list[list[int]]:
    h = m // 2
    return [
        [lo * m + x, lo * m + x + h, (lo + 1) * m + (x + d) % m, (lo + 1) * m + (x + d + h) % m]
        for lo, d in ((0, half[0]), (2, half[1]))
        for x in range(h)
    ]


def main() -> None:
    m, levels, extra = map(int, sys.argv[1:4])
    rng = Random(1)
    started = time.time()
    for attempt in range(1, 10**9):
        half = half_meeting(m, rng) if HALF else []
        blocks = base_meeting(m, levels, extra, rng, budget=20000, preset=half_orbits(m, half))
        if blocks:
            pairs = [orbit(m, a, b) for bl in blocks for i, a in enumerate(bl) for b in bl[i + 1 :]]
            used = {o for o in pairs if o is not None} | half_orbits(m, half)
            rows = transversals(m, levels, extra, used)
            assert rows is not None
            print(f"# {m}-{levels}-{m + extra}: {attempt} restarts, {time.time() - started:.0f} s")
            meetings = develop(m, levels, blocks, rows) + ([develop_half(m, half)] if HALF else [])
            print(f'    ({m}, {levels}): "{encode(meetings)}",')
            return
        if attempt % 100 == 0:
            print(f"# {attempt} restarts, {time.time() - started:.0f} s", flush=True)


if __name__ == "__main__":
    main()
