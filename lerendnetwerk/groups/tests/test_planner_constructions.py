"""The algebraic schedules and the stored designs really have no repeated pair."""

from itertools import combinations

import pytest

from lerendnetwerk.groups.planning.constructions import _field, best_construction, circle_method
from lerendnetwerk.groups.planning.designs import DESIGNS, stored_design


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


@pytest.mark.parametrize("shape", sorted(DESIGNS))
def test_stored_designs_have_no_repeats(shape):
    groups, size = shape
    assert_without_repeats(groups * size, size, stored_design(groups * size, size))


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
