"""A network with six members (k is 5 in Utrecht) and helpers to answer and close rounds."""

from datetime import timedelta

import pytest
from django.utils import timezone

from lerendnetwerk.barometer import services
from lerendnetwerk.barometer.models import BarometerRound, Question
from lerendnetwerk.barometer.selectors import questionnaire_current
from lerendnetwerk.core.tests.factories import UserFactory, add_member


def answer(barometer_round, user, value=4, texts=None, values=None):
    """Answer every statement with `value` (or per key from `values`)."""
    keys = barometer_round.questionnaire.questions.filter(kind=Question.Kind.SCALE).values_list(
        "key", flat=True
    )
    return services.round_answer(
        barometer_round=barometer_round,
        user=user,
        values={key: (values or {}).get(key, value) for key in keys},
        texts=texts or {},
    )


def close(barometer_round):
    """Let the closing date pass (a round closes by its date, no scheduler needed)."""
    BarometerRound.objects.filter(pk=barometer_round.pk).update(
        closes_on=timezone.localdate() - timedelta(days=1)
    )
    barometer_round.refresh_from_db()
    return barometer_round


def make_round(network, closes_in=7):
    """A round made directly, without the member check or e-mail of the service."""
    return BarometerRound.objects.create(
        network=network,
        questionnaire=questionnaire_current(region=network.district.region),
        closes_on=timezone.localdate() + timedelta(days=closes_in),
    )


@pytest.fixture
def members(network, facilitator, participant):
    """Six members: the facilitator, the participant and four more."""
    others = [add_member(network, UserFactory()) for _ in range(4)]
    return [facilitator, participant, *others]


@pytest.fixture
def barometer_round(network, members, facilitator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.round_open(
            network=network,
            closes_on=timezone.localdate() + timedelta(days=14),
            opened_by=facilitator,
        )


def network_with_round(district, answers, value=4, texts=None):
    """A new network in `district` whose round got `answers` answers (each member `value`)
    and is closed. Returns (network, round)."""
    from lerendnetwerk.core.tests.factories import NetworkFactory

    network = NetworkFactory(district=district)
    people = [add_member(network, UserFactory()) for _ in range(answers)]
    barometer_round = make_round(network)
    for person in people:
        answer(barometer_round, person, value=value, texts=texts)
    return network, close(barometer_round)


def count_queries(client, url, cached=False):
    """The queries of one visit; with an empty cache unless `cached`, so that the results are
    computed and not read from a cached fragment."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if not cached:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
