"""The k threshold, tested on many cases: results are shown if and only if the round is closed
and at least k members answered (k the region's setting, never below 3), and what is shown is
exactly the mean and the counts of the answers."""

from collections import Counter
from contextlib import contextmanager
from statistics import fmean

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lerendnetwerk.barometer.models import MIN_ANSWERS_FLOOR, min_answers_for, results_visible
from lerendnetwerk.barometer.results import round_results
from lerendnetwerk.core.tests.factories import UserFactory, add_member

from .conftest import answer, close, make_round

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class _Rollback(Exception):
    pass


@contextmanager
def rolled_back():
    """Each generated case runs in a savepoint that is thrown away afterwards."""
    try:
        with transaction.atomic():
            yield
            raise _Rollback
    except _Rollback:
        pass


@pytest.fixture
def pool(network):
    """Twelve members to answer with; each case uses the first few."""
    return [add_member(network, UserFactory.create()) for _ in range(12)]


@given(
    is_closed=st.booleans(),
    answered=st.integers(min_value=0, max_value=20),
    min_answers=st.integers(min_value=-2, max_value=12),
)
def test_the_rule_itself(is_closed, answered, min_answers):
    expected = is_closed and answered >= max(MIN_ANSWERS_FLOOR, min_answers)
    assert results_visible(is_closed=is_closed, answered=answered, min_answers=min_answers) is (
        expected
    )


@EXAMPLES
@given(
    answered=st.integers(min_value=0, max_value=12),
    k=st.integers(min_value=0, max_value=10),
    closed=st.booleans(),
)
def test_results_are_visible_iff_closed_and_at_least_k_answered(network, pool, answered, k, closed):
    with rolled_back():
        region = network.district.region
        region.barometer_min_answers = k
        region.save()
        barometer_round = make_round(network)
        for person in pool[:answered]:
            answer(barometer_round, person, texts={"open_gaat_goed": "tekst"})
        if closed:
            close(barometer_round)
        barometer_round.network.district.region.refresh_from_db()
        results = round_results(barometer_round=barometer_round)
        should_show = closed and answered >= max(3, k)
        assert min_answers_for(region) == max(3, k)
        assert results.answered == answered
        assert results.visible is should_show
        assert bool(results.dimensions) is should_show
        assert bool(results.open_answers) is should_show


@EXAMPLES
@given(values=st.lists(st.integers(min_value=1, max_value=5), min_size=5, max_size=12))
def test_averages_are_the_mean_and_counts_the_distribution(network, pool, values):
    with rolled_back():
        barometer_round = make_round(network)
        for person, value in zip(pool, values, strict=False):
            answer(barometer_round, person, value=3, values={"praktijk_relevant": value})
        results = round_results(barometer_round=close(barometer_round))
        practice = next(d for d in results.dimensions if d.dimension == "practice")
        statement = next(s for s in practice.statements if s.question.key == "praktijk_relevant")
        assert statement.tally.average == pytest.approx(fmean(values))
        counts = Counter(values)
        assert statement.tally.counts == tuple(counts.get(v, 0) for v in range(1, 6))
        rest = [3] * len(values) * (len(practice.statements) - 1)
        assert practice.tally.average == pytest.approx(fmean(values + rest))
