"""Schedules without repeats built by algebra, where the numbers allow one.

Local search is slow on tight instances (every pair meeting at most once with little slack);
for those shapes design theory has exact answers, computed here in microseconds:

- group size 2 (buddies): the circle method, a round-robin of N-1 rounds (N for odd N, one
  person sitting out each round as a group of one);
- N = K * q**(d-1) with q a prime power >= K: lines of the affine space AG(d, q) restricted to
  K parallel hyperplanes. Each direction is one meeting; two points share at most one line, so
  no pair meets twice. This gives q**(d-1) meetings, plus the lines inside the hyperplanes
  (cut into pieces of K) when K divides q: the affine plane for K = q (4x4 for 5 meetings,
  5x5 for 6), 8 groups of 4 for 9 meetings, 9 groups of 3 for 13 (AG(3, 3));
- N = K * g for any g: the same with arithmetic modulo g, using only slopes whose differences
  keep pairs apart (a transversal design from cyclic Latin squares), e.g. 6x6 for 3 meetings.

For a few tight shapes no construction here applies; designs.py stores schedules for those.
A network of N people that is no multiple of K uses the schedule for the next multiple with
the extra points left out (`_without_points`). Every function returns meetings of groups of
person numbers (empty when it does not apply).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from itertools import product

from .designs import stored_design

Groups = list[list[int]]


def best_construction(people: int, group_size: int) -> list[Groups]:
    """The longest schedule without repeats that the constructions here give (maybe empty).

    When `people` is no multiple of the group size, a design for the next multiple serves with
    the extra points left out (see `_without_points`), which gives exactly the group sizes
    plan() promises: ceil(N/K) groups, a few of them one smaller.
    """
    if group_size == 2:
        return circle_method(people)
    groups = -(-people // group_size)
    points = groups * group_size
    found = [cyclic_design(groups, group_size), stored_design(points, group_size)]
    found += [affine_design(q, d, group_size) for q, d in _geometries(points, group_size)]
    if points == people:
        return max(found, key=len)
    trimmed = [_without_points(design, points - people) for design in found]
    return max(trimmed, key=len)


def _without_points(design: list[Groups], extra: int) -> list[Groups]:
    """`design` with `extra` points left out and the others renumbered 0..N-1.

    Each meeting must lose at most one point per group, or its groups would differ by two.
    In a schedule without repeats two points share a group in at most one meeting, so the
    left-out points are chosen greedily to cost the fewest meetings: those where two of them
    meet are dropped. Tries a few starting points and keeps the longest result.
    """
    if not design or extra > len(design[0]):
        return []
    points = sum(len(group) for group in design[0])
    place = [[0] * points for _ in design]  # place[w][p]: p's group at meeting w
    for w, meeting in enumerate(design):
        for g, group in enumerate(meeting):
            for p in group:
                place[w][p] = g

    def meets(a: int) -> list[int]:
        """For every point, the meeting where it shares a group with a (-1: none)."""
        row = [-1] * points
        for w, meeting in enumerate(design):
            for p in meeting[place[w][a]]:
                row[p] = w
        row[a] = -1
        return row

    best: tuple[set[int], list[int]] | None = None
    for start in range(points - 1, -1, -max(1, points // 32)):
        chosen, rows = [start], [meets(start)]
        lost: set[int] = set()
        while len(chosen) < extra:
            candidates = (q for q in range(points - 1, -1, -1) if q not in chosen)
            q = min(candidates, key=lambda q: len({row[q] for row in rows} - lost - {-1}))
            lost |= {row[q] for row in rows} - {-1}
            chosen.append(q)
            rows.append(meets(q))
        if best is None or len(lost) < len(best[0]):
            best = (lost, chosen)
        if not lost:
            break
    assert best is not None
    lost, chosen = best
    rename = {p: i for i, p in enumerate(p for p in range(points) if p not in chosen)}
    return [
        [[rename[p] for p in group if p in rename] for group in meeting]
        for w, meeting in enumerate(design)
        if w not in lost
    ]


def circle_method(people: int) -> list[Groups]:
    """Round-robin pairs: person 0 stays put, the others rotate one place per round."""
    n = people + people % 2  # an odd count gets a phantom partner: sitting out alone
    rounds = []
    for r in range(n - 1):
        ring = [0] + [1 + (r + i) % (n - 1) for i in range(n - 1)]
        pairs = [[ring[i], ring[n - 1 - i]] for i in range(n // 2)]
        rounds.append([[p for p in pair if p < people] for pair in pairs])
    return rounds


def _geometries(people: int, k: int) -> list[tuple[int, int]]:
    """(q, d) with q a prime power >= k and k * q**(d-1) == people."""
    found = []
    rest = people // k
    for d in range(2, 10):
        q = round(rest ** (1 / (d - 1)))
        for cand in (q - 1, q, q + 1):
            if cand >= max(2, k) and cand ** (d - 1) == rest and _field(cand) is not None:
                found.append((cand, d))
    return found


def affine_design(q: int, d: int, k: int) -> list[Groups]:
    """Lines of AG(d, q) meeting the hyperplanes x0 in {0..k-1}; see the module docstring."""
    tables = _field(q)
    assert tables is not None
    add, mul = tables
    rest_points = list(product(range(q), repeat=d - 1))
    index = {pt: i for i, pt in enumerate(rest_points)}
    size = len(rest_points)

    def person(s: int, pt: tuple[int, ...]) -> int:
        return s * size + index[pt]

    meetings = []
    for slope in rest_points:  # directions (1, slope): each line meets every hyperplane once
        meetings.append(
            [
                [
                    person(s, tuple(add[base[i]][mul[s][slope[i]]] for i in range(d - 1)))
                    for s in range(k)
                ]
                for base in rest_points
            ]
        )
    if q % k == 0:  # directions inside the hyperplanes: lines of q points, cut into pieces
        for direction in _projective_points(q, d - 1):
            meetings.append(_lines_inside(tables, direction, rest_points, k, person))
    return meetings


def _lines_inside(
    tables: tuple[list[list[int]], list[list[int]]],
    direction: tuple[int, ...],
    rest_points: list[tuple[int, ...]],
    k: int,
    person: Callable[[int, tuple[int, ...]], int],
) -> Groups:
    add, mul = tables
    q = len(add)
    seen: set[tuple[int, ...]] = set()
    groups = []
    for s in range(k):
        seen.clear()
        for base in rest_points:
            if base in seen:
                continue
            dim = len(base)
            line = [tuple(add[base[i]][mul[t][direction[i]]] for i in range(dim)) for t in range(q)]
            seen.update(line)
            points = [person(s, pt) for pt in line]
            groups += [points[i : i + k] for i in range(0, q, k)]
    return groups


def _projective_points(q: int, dim: int) -> list[tuple[int, ...]]:
    """One representative per direction of GF(q)**dim: first non-zero coordinate is 1."""
    return [v for v in product(range(q), repeat=dim) if any(v) and next(x for x in v if x) == 1]


def cyclic_design(groups: int, k: int) -> list[Groups]:
    """Points (x, y), x < k, y mod `groups`; blocks y = m*x + c for compatible slopes m.

    Two slopes m, m' may both be used when (m - m') * (x - x') is never 0 modulo `groups`
    for x != x' below k; then no pair shares two blocks.
    """
    if k > groups:
        return []
    slopes: list[int] = []
    for m in range(groups):
        if all((m - s) * dx % groups for s in slopes for dx in range(1, k)):
            slopes.append(m)
    meetings = [
        [[x * groups + (m * x + c) % groups for x in range(k)] for c in range(groups)]
        for m in slopes
    ]
    if groups % k == 0:  # the points with equal x never met: one more meeting among them
        meetings.append(
            [
                [x * groups + y for y in range(start, start + k)]
                for x in range(k)
                for start in range(0, groups, k)
            ]
        )
    return meetings


@cache
def _field(q: int) -> tuple[list[list[int]], list[list[int]]] | None:
    """Addition and multiplication tables of GF(q), or None when q is no prime power."""
    p = next((f for f in range(2, q + 1) if q % f == 0), q)
    n, rest = 0, q
    while rest % p == 0:
        rest //= p
        n += 1
    if rest != 1:
        return None
    # Elements are base-p digit vectors (polynomials over GF(p)), packed into one int.
    digits = [[(e // p**i) % p for i in range(n)] for e in range(q)]
    add = [[_pack([(a[i] + b[i]) % p for i in range(n)], p) for b in digits] for a in digits]
    if n == 1:
        return add, [[a * b % p for b in range(q)] for a in range(q)]
    for low in product(range(p), repeat=n):
        mul = [[_pack(_polymul(a, b, list(low), p), p) for b in digits] for a in digits]
        if all(1 in mul[a] for a in range(1, q)):  # every non-zero element has an inverse
            return add, mul
    return None  # pragma: no cover - an irreducible polynomial always exists


def _pack(coeffs: list[int], p: int) -> int:
    return sum(c * p**i for i, c in enumerate(coeffs))


def _polymul(a: list[int], b: list[int], low: list[int], p: int) -> list[int]:
    """a * b modulo the monic polynomial x**n + low[n-1] x**(n-1) + ... + low[0]."""
    n = len(a)
    full = [0] * (2 * n - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            full[i + j] = (full[i + j] + x * y) % p
    for top in range(2 * n - 2, n - 1, -1):
        c = full[top]
        if c:
            full[top] = 0
            for i, coeff in enumerate(low):
                full[top - n + i] = (full[top - n + i] - c * coeff) % p
    return full[:n]
