"""Schedules without repeats for tight shapes that algebra here does not build and a 2-second
search does not reliably find. Each entry says where it comes from:

- find_designs.py (bench/groups/): this package's own search given minutes instead of seconds;
- find_cyclic.py: a search for schedules invariant under x -> x + 1 (mod m) on m x p points,
  which only has to find one base meeting (a difference-family style construction);
- find_rotational.py: the same idea with people fixed by the shift (1-rotational designs),
  searched by tabu search on the base meeting; it found 6-4-7 and 9-4-10;
- the literature, transcribed with its source (5-3-7, 8-4-10).

The planner uses them like an algebraic construction: renaming people keeps a schedule free of
repeats, so one stored design serves every network of that shape (renamed to honour 'apart',
'together' and mixing, and with a few points left out for networks just below its size, see
constructions.py). Every entry is checked when it is first used (`_checked`) and by
tests/test_planner_constructions.py with the planner's own `validate` and `score`.

Format per (groups, group size): meetings separated by '|', groups by ',', people by ' '.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import combinations

Groups = list[list[int]]

ENABLED = True  # the benchmark switches this off to measure the search on its own

DESIGNS: dict[tuple[int, int], str] = {
    # 5 groups of 3, 7 meetings: Kirkman's fifteen schoolgirls (1850), the solution in Ed Pegg
    # Jr.'s Wolfram Demonstration "Social Golfer Problem" as transcribed in
    # github.com/fpvandoorn/Dagstuhl-tables, literature.md ("T(15,3) = 7"; A-O are people 0-14).
    # The search finds one too, but needs up to 1.5 s on a busy machine.
    (5, 3): (
        "0 1 2,3 4 5,6 7 8,9 10 11,12 13 14|0 3 6,1 4 9,2 5 12,7 10 13,8 11 14|0 4 13,1 3 14,2 7 11"
        ",5 8 10,6 9 12|0 8 12,1 6 11,2 3 10,4 7 14,5 9 13|0 7 9,1 10 12,2 4 8,3 11 13,5 6 14|0 5 1"
        "1,1 8 13,2 9 14,3 7 12,4 6 10|0 10 14,1 5 7,2 6 13,3 8 9,4 11 12"
    ),
    # 6 groups of 3, 8 meetings (find_designs.py)
    (6, 3): (
        "0 7 10,1 11 14,2 8 16,3 4 6,5 9 12,13 15 17|0 2 9,1 4 12,3 10 17,5 8 13,6 14 15,7 11 16|"
        "0 6 16,1 7 13,2 11 12,3 8 14,4 5 17,9 10 15|0 12 14,1 5 10,2 7 15,3 11 13,4 9 16,6 8 17|"
        "0 4 13,1 15 16,2 3 5,6 9 11,7 14 17,8 10 12|0 8 15,1 2 17,3 7 9,4 10 11,5 14 16,6 12 13|"
        "0 1 3,2 6 10,4 7 8,5 11 15,9 13 14,12 16 17|0 11 17,1 8 9,2 4 14,3 12 15,5 6 7,10 13 16"
    ),
    # 6 groups of 4, 7 meetings: a resolvable 4-GDD of type 3^8 (the triples {x, x+7, x+14} for
    # x < 7 and {21, 22, 23} never meet), 1-rotational over Z_7: found by find_rotational.py
    # 7 3 3 --holes in about a second.
    (6, 4): (
        "0 4 6 15,1 12 20 21,2 10 19 22,3 8 9 13,5 7 18 23,11 14 16 17|0 1 5 16,2 13 14 21,3 11 20 "
        "22,4 7 9 10,6 8 19 23,12 15 17 18|0 9 20 23,1 2 6 17,3 7 15 21,4 12 14 22,5 8 10 11,13 16 "
        "18 19|0 2 3 18,1 10 14 23,4 8 16 21,5 13 15 22,6 9 11 12,7 17 19 20|0 10 12 13,1 3 4 19,2 "
        "11 15 23,5 9 17 21,6 7 16 22,8 14 18 20|0 8 17 22,1 7 11 13,2 4 5 20,3 12 16 23,6 10 18 21"
        ",9 14 15 19|0 11 19 21,1 9 18 22,2 7 8 12,3 5 6 14,4 13 17 23,10 15 16 20"
    ),
    # 6 groups of 5, 6 meetings (find_designs.py)
    (6, 5): (
        "0 8 16 23 26,1 11 12 13 19,2 7 25 27 29,3 4 10 17 18,5 6 15 20 21,9 14 22 24 28|0 5 17 1"
        "9 29,1 2 8 9 21,3 7 11 15 28,4 6 13 14 26,10 12 22 23 27,16 18 20 24 25|0 1 14 20 27,2 5"
        " 10 13 28,3 6 9 23 25,4 8 11 24 29,7 12 16 17 21,15 18 19 22 26|0 2 4 12 15,1 17 25 26 2"
        "8,3 8 13 20 22,5 9 11 16 27,6 7 10 19 24,14 18 21 23 29|0 7 9 13 18,1 6 16 22 29,2 11 17"
        " 20 23,3 5 12 24 26,4 19 21 27 28,8 10 14 15 25|0 11 21 22 25,1 4 5 7 23,2 3 14 16 19,6 "
        "8 12 18 28,9 10 20 26 29,13 15 17 24 27"
    ),
    # 7 groups of 3, 10 meetings (find_cyclic.py)
    (7, 3): (
        "0 15 18,7 10 5,14 9 20,1 2 6,8 16 13,3 17 19,4 11 12|1 16 19,8 11 6,15 10 14,2 3 0,9 17 "
        "7,4 18 20,5 12 13|2 17 20,9 12 0,16 11 15,3 4 1,10 18 8,5 19 14,6 13 7|3 18 14,10 13 1,1"
        "7 12 16,4 5 2,11 19 9,6 20 15,0 7 8|4 19 15,11 7 2,18 13 17,5 6 3,12 20 10,0 14 16,1 8 9"
        "|5 20 16,12 8 3,19 7 18,6 0 4,13 14 11,1 15 17,2 9 10|6 14 17,13 9 4,20 8 19,0 1 5,7 15 "
        "12,2 16 18,3 10 11|0 10 17,1 11 18,2 12 19,3 13 20,4 7 14,5 8 15,6 9 16|0 13 19,1 7 20,2"
        " 8 14,3 9 15,4 10 16,5 11 17,6 12 18|0 11 20,1 12 14,2 13 15,3 7 16,4 8 17,5 9 18,6 10 1"
        "9"
    ),
    # 7 groups of 4, 9 meetings (find_cyclic.py)
    (7, 4): (
        "0 5 19 20,7 15 4 27,14 8 10 17,21 1 2 23,22 16 18 26,9 24 25 13,3 11 12 6|1 6 20 14,8 16"
        " 5 21,15 9 11 18,22 2 3 24,23 17 19 27,10 25 26 7,4 12 13 0|2 0 14 15,9 17 6 22,16 10 12"
        " 19,23 3 4 25,24 18 20 21,11 26 27 8,5 13 7 1|3 1 15 16,10 18 0 23,17 11 13 20,24 4 5 26"
        ",25 19 14 22,12 27 21 9,6 7 8 2|4 2 16 17,11 19 1 24,18 12 7 14,25 5 6 27,26 20 15 23,13"
        " 21 22 10,0 8 9 3|5 3 17 18,12 20 2 25,19 13 8 15,26 6 0 21,27 14 16 24,7 22 23 11,1 9 1"
        "0 4|6 4 18 19,13 14 3 26,20 7 9 16,27 0 1 22,21 15 17 25,8 23 24 12,2 10 11 5|0 7 17 24,"
        "1 8 18 25,2 9 19 26,3 10 20 27,4 11 14 21,5 12 15 22,6 13 16 23|0 11 16 25,1 12 17 26,2 "
        "13 18 27,3 7 19 21,4 8 20 22,5 9 14 23,6 10 15 24"
    ),
    # 8 groups of 3, 10 meetings (find_designs.py 5 8-3-10, under a second). The search finds
    # one in 2 s too, but stored it is instant and also serves 22 and 23 people.
    (8, 3): (
        "0 7 20,1 22 23,2 8 16,3 10 15,4 9 11,5 19 21,6 12 14,13 17 18|0 1 10,2 11 22,3 16 19,4 6 2"
        "1,5 14 15,7 8 17,9 12 18,13 20 23|0 5 22,1 16 20,2 7 23,3 6 9,4 15 18,8 11 12,10 17 21,13 "
        "14 19|0 4 12,1 11 13,2 17 19,3 7 18,5 9 20,6 16 22,8 15 21,10 14 23|0 15 16,1 5 17,2 6 18,"
        "3 8 20,4 19 23,7 9 13,10 12 22,11 14 21|0 9 21,1 14 18,2 3 5,4 16 17,6 10 20,7 12 19,8 13 "
        "22,11 15 23|0 3 11,1 9 15,2 13 21,4 7 10,5 12 16,6 8 23,14 17 20,18 19 22|0 2 14,1 3 4,5 1"
        "8 23,6 7 11,8 9 19,10 13 16,12 20 21,15 17 22|0 17 23,1 6 19,2 9 10,3 21 22,4 5 8,7 14 16,"
        "11 18 20,12 13 15|0 8 18,1 7 21,2 15 20,3 12 17,4 14 22,5 6 13,9 16 23,10 11 19"
    ),
    # 8 groups of 4, 10 meetings: the first 10 rounds of the 32-person solution in Ed Pegg Jr.'s
    # Wolfram Demonstration "Social Golfer Problem", as transcribed in
    # github.com/fpvandoorn/Dagstuhl-tables, literature.md ("T(32,4) = 11"; letters A-P are
    # people 0-15, a-p are 16-31). Its 11th round pairs the people who never meet (Aa, Bb, ...):
    # a resolvable 4-GDD of type 2^16, the classic CSPLib prob010 instance.
    (8, 4): (
        "0 1 2 3,4 5 6 7,8 9 10 11,12 13 14 15,16 17 18 19,20 21 22 23,24 25 26 27,28 29 30 31|0 4 "
        "8 28,1 7 18 22,2 6 17 23,3 5 10 31,9 14 27 29,11 13 25 30,12 16 20 24,15 19 21 26|0 21 27 "
        "30,1 23 26 28,2 9 15 20,3 6 13 24,4 18 25 31,5 11 14 16,7 10 12 17,8 19 22 29|0 11 18 24,1"
        " 10 19 25,2 8 16 27,3 9 17 26,4 12 23 29,5 15 22 30,6 14 21 31,7 13 20 28|0 10 13 22,1 4 1"
        "5 27,2 21 25 28,3 7 8 30,5 9 12 18,6 16 26 29,11 17 20 31,14 19 23 24|0 9 23 31,1 5 24 29,"
        "2 12 19 30,3 14 18 28,4 11 22 26,6 10 20 27,7 15 16 25,8 13 17 21|0 5 19 20,1 6 9 30,2 7 1"
        "1 29,3 4 16 21,8 12 26 31,10 15 24 28,13 18 23 27,14 17 22 25|0 15 17 29,1 13 16 31,2 4 10"
        " 14,3 12 22 27,5 8 23 25,6 11 19 28,7 9 21 24,18 20 26 30|0 6 12 25,1 8 14 20,2 5 13 26,3 "
        "11 15 23,4 17 24 30,7 19 27 31,9 16 22 28,10 18 21 29|0 7 14 26,1 11 12 21,2 22 24 31,3 20"
        " 25 29,4 9 13 19,5 17 27 28,6 8 15 18,10 16 23 30"
    ),
    # 9 groups of 4, 10 meetings: 1-rotational over Z_10 with 6 fixed people, found by
    # find_rotational.py 10 3 6 (10 s to a few minutes).
    (9, 4): (
        "0 19 21 30,1 24 27 28,2 3 9 13,4 17 22 35,5 11 25 34,6 14 20 33,7 12 29 32,8 10 23 31,15 1"
        "6 18 26|0 3 4 14,1 10 22 30,2 25 28 29,5 18 23 35,6 12 26 34,7 15 21 33,8 13 20 32,9 11 24"
        " 31,16 17 19 27|0 12 25 31,1 4 5 15,2 11 23 30,3 20 26 29,6 19 24 35,7 13 27 34,8 16 22 33"
        ",9 14 21 32,10 17 18 28|0 15 22 32,1 13 26 31,2 5 6 16,3 12 24 30,4 20 21 27,7 10 25 35,8 "
        "14 28 34,9 17 23 33,11 18 19 29|0 18 24 33,1 16 23 32,2 14 27 31,3 6 7 17,4 13 25 30,5 21 "
        "22 28,8 11 26 35,9 15 29 34,10 12 19 20|0 16 20 34,1 19 25 33,2 17 24 32,3 15 28 31,4 7 8 "
        "18,5 14 26 30,6 22 23 29,9 12 27 35,10 11 13 21|0 13 28 35,1 17 21 34,2 10 26 33,3 18 25 3"
        "2,4 16 29 31,5 8 9 19,6 15 27 30,7 20 23 24,11 12 14 22|0 6 9 10,1 14 29 35,2 18 22 34,3 1"
        "1 27 33,4 19 26 32,5 17 20 31,7 16 28 30,8 21 24 25,12 13 15 23|0 1 7 11,2 15 20 35,3 19 2"
        "3 34,4 12 28 33,5 10 27 32,6 18 21 31,8 17 29 30,9 22 25 26,13 14 16 24|0 23 26 27,1 2 8 1"
        "2,3 16 21 35,4 10 24 34,5 13 29 33,6 11 28 32,7 19 22 31,9 18 20 30,14 15 17 25"
    ),
    # 10 groups of 4, 10 meetings (find_designs.py)
    (10, 4): (
        "0 10 17 32,1 3 4 30,2 6 19 26,5 23 34 37,7 13 15 20,8 25 29 35,9 11 18 24,12 16 22 36,14"
        " 21 38 39,27 28 31 33|0 8 19 30,1 13 26 38,2 17 20 28,3 11 23 27,4 21 22 32,5 15 25 36,6"
        " 7 33 39,9 10 14 35,12 24 29 34,16 18 31 37|0 3 12 33,1 17 23 25,2 15 16 39,4 6 31 35,5 "
        "18 21 26,7 24 28 32,8 20 27 34,9 36 37 38,10 13 19 22,11 14 29 30|0 6 13 24,1 9 21 27,2 "
        "4 18 29,3 17 19 39,5 20 30 33,7 25 34 38,8 12 32 37,10 11 16 28,14 26 31 36,15 22 23 35|"
        "0 18 28 34,1 7 8 11,2 3 14 32,4 5 12 19,6 22 25 30,9 20 23 31,10 15 26 37,13 21 29 33,16"
        " 17 35 38,24 27 36 39|0 1 5 14,2 8 10 33,3 7 21 37,4 13 34 39,6 12 17 27,9 22 28 29,11 1"
        "9 20 25,15 30 31 38,16 23 24 26,18 32 35 36|0 20 22 26,1 32 33 34,2 24 30 37,3 13 25 28,"
        "4 9 15 17,5 11 35 39,6 8 14 16,7 23 29 36,10 12 21 31,18 19 27 38|0 4 7 16,1 29 37 39,2 "
        "5 9 13,3 8 22 38,6 20 21 36,10 18 23 30,11 17 31 34,12 14 15 28,19 24 33 35,25 26 27 32|"
        "0 2 11 36,1 22 24 31,3 10 20 29,4 8 23 28,5 6 32 38,7 14 17 18,9 16 25 33,12 26 30 39,13"
        " 27 35 37,15 19 21 34|0 25 31 39,1 6 15 18,2 12 23 38,3 9 26 34,4 14 20 24,5 7 10 27,8 1"
        "3 17 36,11 22 33 37,16 19 29 32,21 28 30 35"
    ),
}


def stored_design(people: int, group_size: int) -> list[Groups]:
    """The stored schedule for exactly `people` in groups of `group_size`, or [] if none."""
    if not ENABLED or people % group_size:
        return []
    return [[list(g) for g in week] for week in _checked(people // group_size, group_size)]


@cache
def _checked(groups: int, group_size: int) -> tuple[tuple[tuple[int, ...], ...], ...]:
    """The design parsed and checked once per process: every meeting seats everyone in groups
    of `group_size` and no pair meets twice. A bad entry is left out rather than trusted (the
    planner then searches); the tests fail on one."""
    text = DESIGNS.get((groups, group_size))
    if text is None:
        return ()
    design = tuple(
        tuple(tuple(int(p) for p in group.split()) for group in meeting.split(","))
        for meeting in text.split("|")
    )
    return design if without_repeats(groups * group_size, group_size, design) else ()


def without_repeats(
    people: int, group_size: int, design: Sequence[Sequence[Sequence[int]]]
) -> bool:
    """Whether every meeting of `design` splits 0..people-1 into groups of `group_size` and
    no pair shares a group twice."""
    seen: set[tuple[int, int]] = set()
    for meeting in design:
        if sorted(p for group in meeting for p in group) != list(range(people)):
            return False
        for group in meeting:
            if len(group) != group_size:
                return False
            for pair in combinations(sorted(group), 2):
                if pair in seen:
                    return False
                seen.add(pair)
    return True


def encode(schedule: list[Groups]) -> str:
    return "|".join(",".join(" ".join(map(str, g)) for g in meeting) for meeting in schedule)
