"""Largest number of meetings w for which g groups of p people are KNOWN to meet without any
pair meeting twice (the social golfer problem g-p-w), for g * p <= 40.

Sources, as far as this machine (no internet) allowed checking them:
- Markus Triska's SGP page (metalevel.at/sgp, read through a stored copy): the tightest known
  upper bounds and the instances solved by constraint programming for g >= 6, e.g. upper
  bound 6 and a solution for 6-5-6, upper bound 7 and a solution for 6-4-7, 8-4-10 solved
  (Aguado 2004).
- Warwick Harvey's results page (linked from CSPLib problem 010; not readable here) and OEIS
  A107431 (not readable here): the values below are what I recall of them, cross-checked with
  design theory, which decides most cells exactly:
  * p = 2: a round robin, 2g - 1 meetings.
  * g < p: 1 meeting (the second meeting would need p people from p different groups of the
    first, and there are only g).
  * g = p prime power: the affine plane, p + 1 (p = 6: 3, as there are no two orthogonal Latin
    squares of order 6).
  * p = 3: Kirkman triple systems (g odd: (3g - 1) / 2) and nearly Kirkman triple systems
    (g even, g >= 6: 3g / 2 - 1); 4-3: 4 because no NKTS(12) exists.
  * p = 4: resolvable BIBD(v, 4, 1) for v = 28, 40 (7-4: 9, 10-4: 13); 4-RGDDs of type
    2^16 (8-4: 10, Aguado's solution), type 3^8 (6-4: 7); 5-4: 5 because type 2^10 does not exist.
    The stored designs in planning/designs.py prove 6-4: 7, 8-4: 10 (Pegg's published
    solution) and 9-4: 10 here, checked by the tests.
  * 7-5 and 8-5: transversal designs give 7 and 8; the upper bounds 8 and 9 are open as far
    as I know.

Confidence: "certain" = proved by a construction or a published solution I am sure of;
"medium" = I believe the cited design exists but could not check it here.
"""

from __future__ import annotations

# (groups, size) -> (largest w known to be solvable, confidence)
KNOWN: dict[tuple[int, int], tuple[int, str]] = {
    **{(g, 2): (2 * g - 1, "certain") for g in range(2, 21)},
    (3, 3): (4, "certain"),
    (4, 3): (4, "certain"),
    (5, 3): (7, "certain"),
    (6, 3): (8, "certain"),
    (7, 3): (10, "certain"),
    (8, 3): (11, "certain"),
    (9, 3): (13, "certain"),
    (10, 3): (14, "certain"),
    (11, 3): (16, "certain"),
    (12, 3): (17, "certain"),
    (13, 3): (19, "certain"),
    (4, 4): (5, "certain"),
    (5, 4): (5, "certain"),
    (6, 4): (7, "certain"),
    (7, 4): (9, "certain"),
    (8, 4): (10, "certain"),
    (9, 4): (11, "medium"),  # 4-RGDD of type 3^12; 10 is certain (stored design)
    (10, 4): (13, "certain"),
    (5, 5): (6, "certain"),
    (6, 5): (6, "certain"),
    (7, 5): (7, "certain"),
    (8, 5): (8, "certain"),
    (6, 6): (3, "certain"),
}


def known_max(groups: int, size: int) -> tuple[int, str]:
    """Known maximum w for g-p (g < p: 1, see above)."""
    if groups < size:
        return 1, "certain"
    return KNOWN[(groups, size)]


def shapes(max_people: int = 40) -> list[tuple[int, int]]:
    """Every (groups, size) with at least two groups of at least two and at most max_people."""
    return [(g, p) for p in range(2, max_people // 2 + 1) for g in range(2, max_people // p + 1)]
