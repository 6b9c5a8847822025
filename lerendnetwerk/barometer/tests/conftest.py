"""A network with six members (k is 5 in Utrecht) and helpers to answer and close rounds."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from lerendnetwerk.accounts.models import User
from lerendnetwerk.barometer import services
from lerendnetwerk.barometer.models import BarometerRound, Participation, Question
from lerendnetwerk.barometer.selectors import questionnaire_current
from lerendnetwerk.core.tests.factories import UserFactory, add_member
from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import District


def answer(
    barometer_round: BarometerRound,
    user: User,
    value: int = 4,
    texts: dict[str, str] | None = None,
    values: dict[str, int] | None = None,
) -> Participation:
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


def close(barometer_round: BarometerRound, release: bool = True) -> BarometerRound:
    """Let the closing date pass (a round closes by its date) and, unless `release` is False,
    release its answers as the daily command does (else the pages release them lazily)."""
    BarometerRound.objects.filter(pk=barometer_round.pk).update(
        closes_on=timezone.localdate() - timedelta(days=1)
    )
    if release:
        services.round_release(barometer_round=barometer_round)
    barometer_round.refresh_from_db()
    return barometer_round


def make_round(network: Network, closes_in: int = 7) -> BarometerRound:
    """A round made directly, without the member check or e-mail of the service."""
    questionnaire = questionnaire_current(region=network.district.region)
    assert questionnaire is not None
    return BarometerRound.objects.create(
        network=network,
        questionnaire=questionnaire,
        closes_on=timezone.localdate() + timedelta(days=closes_in),
    )


@pytest.fixture
def members(network: Network, facilitator: User, participant: User) -> list[User]:
    """Six members: the facilitator, the participant and four more."""
    others = [add_member(network, UserFactory.create()) for _ in range(4)]
    return [facilitator, participant, *others]


@pytest.fixture
def barometer_round(
    network: Network,
    members: list[User],
    facilitator: User,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> BarometerRound:
    with django_capture_on_commit_callbacks(execute=True):
        return services.round_open(
            network=network,
            closes_on=timezone.localdate() + timedelta(days=14),
            opened_by=facilitator,
        )


def network_with_round(
    district: District,
    answers: int,
    value: int = 4,
    texts: dict[str, str] | None = None,
    release: bool = True,
) -> tuple[Network, BarometerRound]:
    """A new network in `district` whose round got `answers` answers (each member `value`)
    and is closed (its answers released unless `release` is False). Returns (network, round)."""
    from lerendnetwerk.core.tests.factories import NetworkFactory

    network = NetworkFactory.create(district=district)
    people = [add_member(network, UserFactory.create()) for _ in range(answers)]
    barometer_round = make_round(network)
    for person in people:
        answer(barometer_round, person, value=value, texts=texts)
    return network, close(barometer_round, release=release)


def count_queries(client: Client, url: str, cached: bool = False) -> int:
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
