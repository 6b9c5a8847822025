"""The algebraic schedules and the stored designs really have no repeated pair."""

from itertools import combinations

import pytest

from lerendnetwerk.groups.planning import Problem, score, validate
from lerendnetwerk.groups.planning.constructions import (
    _field,
    _without_points,
    best_construction,
    circle_method,
)
from lerendnetwerk.groups.planning.designs import (
    DESIGNS,
    _checked,
    stored_design,
    without_repeats,
)


def assert_without_repeats(people: int, size: int, meetings: list[list[list[int]]]) -> None:
    seen: set[tuple[int, ...]] = set()
    for groups in meetings:
        assert sorted(p for g in groups for p in g) == list(range(people))
        for group in groups:
            assert len(group) == size
            for pair in combinations(sorted(group), 2):
                assert pair not in seen
                seen.add(pair)


@pytest.mark.parametrize(
    ("groups", "size", "meetings"),
    [
        (2, 2, 3),
        (3, 3, 4),
        (4, 4, 5),
        (5, 5, 6),
        (7, 7, 8),
        (4, 3, 4),
        (5, 4, 5),
        (7, 5, 7),
        (8, 5, 8),
        (8, 4, 9),
        (9, 3, 13),
        (9, 4, 9),
        (6, 6, 3),
        (5, 3, 7),
        (6, 4, 7),
        (8, 4, 10),
        (9, 4, 10),
        (16, 4, 21),
        (15, 3, 16),
        (11, 5, 11),
    ],
)
def test_constructions_reach_their_design_length_without_repeats(groups, size, meetings):
    design = best_construction(groups * size, size)
    assert len(design) >= meetings
    assert_without_repeats(groups * size, size, design)


@pytest.mark.parametrize("people", range(2, 60))
def test_the_circle_method_is_a_round_robin(people):
    rounds = circle_method(people)
    assert len(rounds) == people - 1 + people % 2
    pairs = [tuple(sorted(g)) for r in rounds for g in r if len(g) == 2]
    assert len(pairs) == len(set(pairs)) == people * (people - 1) // 2


# The length of each stored design; (6, 4), (8, 4) and (9, 4) closed the gaps of issue #16.
STORED_LENGTHS = {
    (5, 3): 7,
    (6, 3): 8,
    (6, 4): 7,
    (6, 5): 6,
    (7, 3): 10,
    (7, 4): 9,
    (8, 3): 10,
    (8, 4): 10,
    (9, 4): 10,
    (10, 4): 10,
}


def test_every_stored_design_is_listed_here():
    assert sorted(DESIGNS) == sorted(STORED_LENGTHS)


@pytest.mark.parametrize("shape", sorted(DESIGNS))
def test_stored_designs_pass_the_planners_own_checker(shape):
    groups, size = shape
    design = stored_design(groups * size, size)
    assert len(design) == STORED_LENGTHS[shape]
    problem = Problem(people=groups * size, group_size=size, meetings=len(design))
    assert validate(problem, design) == []
    assert score(problem, design).repeats == 0
    assert_without_repeats(groups * size, size, design)


def test_a_stored_design_with_a_repeat_is_not_trusted(monkeypatch):
    assert not without_repeats(4, 2, [[[0, 1], [2, 3]], [[0, 1], [2, 3]]])
    assert not without_repeats(4, 2, [[[0, 1], [2, 2]]])
    assert without_repeats(4, 2, [[[0, 1], [2, 3]], [[0, 2], [1, 3]]])
    monkeypatch.setitem(DESIGNS, (3, 5), "0 1 2 3 4,5 6 7 8 9,10 11 12 13 14|" * 2 + "0 1 2 3 4")
    _checked.cache_clear()
    try:
        assert stored_design(15, 5) == []  # the planner then searches instead
    finally:
        _checked.cache_clear()


@pytest.mark.parametrize(
    ("people", "size", "meetings"),
    [
        (31, 4, 10),  # 8-4-10 less one person
        (30, 4, 10),  # 8-4-10 less two who never meet in it
        (23, 4, 7),  # 6-4-7 less one
        (35, 4, 10),  # 9-4-10 less one
        (39, 4, 10),  # 10-4-10 less one
        (14, 3, 7),  # Kirkman's schoolgirls less one
        (24, 5, 6),  # the affine plane of order 5 less one
    ],
)
def test_a_design_serves_a_network_just_below_its_size(people, size, meetings):
    design = best_construction(people, size)
    assert len(design) >= meetings
    problem = Problem(people=people, group_size=size, meetings=len(design))
    assert validate(problem, design) == []  # ceil(N/K) groups, sizes differing by one at most
    assert score(problem, design).repeats == 0


def test_leaving_out_two_who_meet_costs_only_the_meeting_where_they_meet():
    plane = best_construction(9, 3)  # AG(2, 3): every pair meets exactly once in 4 meetings
    assert len(plane) == 4
    trimmed = _without_points(plane, 2)
    assert len(trimmed) == 3
    for meeting in trimmed:
        assert sorted(p for g in meeting for p in g) == list(range(7))
        assert sorted(len(g) for g in meeting) == [2, 2, 3]
    assert _without_points(plane, 4) == []  # four from three groups would leave sizes uneven


@pytest.mark.parametrize("q", [2, 3, 4, 5, 8, 9, 16, 25, 27])
def test_finite_fields_are_fields(q):
    tables = _field(q)
    assert tables is not None
    add, mul = tables
    for a in range(1, q):
        assert sorted(mul[a]) == list(range(q)) or a == 0  # multiplying by a is a bijection
        assert sorted(add[a]) == list(range(q))
    for a in range(q):
        for b in range(q):
            for c in (1, q - 1):
                assert mul[a][add[b][c]] == add[mul[a][b]][mul[a][c]]


def test_non_prime_powers_have_no_field():
    assert _field(6) is None
    assert _field(12) is None
