"""The facilitator must not get around k: with a second address they add to the network and
answer with, and with their own answer, they would know all but one member's answers, and
could read that member's answers and open text off the results."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.barometer import services
from lerendnetwerk.barometer.models import BarometerRound
from lerendnetwerk.barometer.results import round_results
from lerendnetwerk.core.tests.factories import UserFactory, add_member, login
from lerendnetwerk.networks.models import Membership, Network
from lerendnetwerk.regions.models import Region

from .conftest import answer, close

pytestmark = pytest.mark.django_db

SECRET = "Ik durf hier niets over te zeggen"


@pytest.fixture
def small_network(network: Network, utrecht: Region, facilitator: User) -> Network:
    """A network at the lowest threshold: k = 3, the facilitator and three members."""
    utrecht.barometer_min_answers = 3
    utrecht.save(update_fields=["barometer_min_answers"])
    return network


def _open(network: Network, facilitator: User) -> BarometerRound:
    return services.round_open(
        network=network, closes_on=timezone.localdate() + timedelta(days=7), opened_by=facilitator
    )


def _results_page(user: User, barometer_round: BarometerRound) -> str:
    url = reverse("barometer:results", args=[barometer_round.network.slug, barometer_round.pk])
    page = login(user).get(url)
    assert page.status_code == 200
    return page.content.decode()


def test_a_second_address_added_during_the_round_cannot_answer(small_network, facilitator):
    members = [add_member(small_network, UserFactory.create()) for _ in range(3)]
    barometer_round = _open(small_network, facilitator)
    # The attack: the facilitator adds an address they control once the round is open.
    second = add_member(small_network, UserFactory.create(email="ook.fatima@example.org"))
    answer(barometer_round, facilitator, value=1)
    with pytest.raises(ValidationError) as refused:
        answer(barometer_round, second, value=1)
    assert refused.value.code == "joined_after_opening"
    # The real member answers; the facilitator cannot see it alone.
    answer(barometer_round, members[0], value=5, texts={"open_gaat_goed": SECRET})
    results = round_results(barometer_round=close(barometer_round))
    assert not results.visible
    assert results.dimensions == [] and results.open_answers == []
    html = _results_page(facilitator, barometer_round)
    assert SECRET not in html


def test_the_facilitators_answers_do_not_count_towards_k(small_network, facilitator):
    """The attack with an address added before the round: facilitator, second address and one
    real member give three answers, k = 3; the results must stay hidden all the same."""
    real = add_member(small_network, UserFactory.create())
    second = add_member(small_network, UserFactory.create(email="ook.fatima@example.org"))
    add_member(small_network, UserFactory.create())  # a member who does not answer
    barometer_round = _open(small_network, facilitator)
    answer(barometer_round, facilitator, value=1)
    answer(barometer_round, second, value=1)
    answer(barometer_round, real, value=5, texts={"open_gaat_goed": SECRET})
    services.round_close(barometer_round=barometer_round)
    barometer_round.refresh_from_db()
    results = round_results(barometer_round=barometer_round)
    assert results.answered == 3 and results.counted == 2
    assert not results.visible and results.open_answers == []
    html = _results_page(facilitator, barometer_round)
    assert SECRET not in html
    # The page says why, in Dutch.
    assert "kartrekkers tellen niet mee" in html


def test_results_show_once_k_members_besides_the_facilitator_answered(small_network, facilitator):
    others = [add_member(small_network, UserFactory.create()) for _ in range(3)]
    barometer_round = _open(small_network, facilitator)
    answer(barometer_round, facilitator, value=1)
    for person in others:
        answer(barometer_round, person, value=5, texts={"open_gaat_goed": "Fijn"})
    results = round_results(barometer_round=close(barometer_round))
    assert results.visible and results.counted == 3 and results.answered == 4
    # The facilitator's answer is in the totals.
    tally = results.dimensions[0].statements[0].tally
    assert tally.n == 4 and tally.counts[0] == 1


def test_a_co_facilitator_does_not_count_either(small_network, facilitator):
    co = add_member(small_network, UserFactory.create(), role=Membership.Role.FACILITATOR)
    others = [add_member(small_network, UserFactory.create()) for _ in range(3)]
    barometer_round = _open(small_network, facilitator)
    for person in [co, *others[:2]]:
        answer(barometer_round, person)
    results = round_results(barometer_round=close(barometer_round))
    assert results.answered == 3 and results.counted == 2 and not results.visible


def test_stepping_down_after_answering_does_not_make_the_answer_count(small_network, facilitator):
    others = [add_member(small_network, UserFactory.create()) for _ in range(3)]
    barometer_round = _open(small_network, facilitator)
    for person in [facilitator, *others[:2]]:
        answer(barometer_round, person)
    membership = Membership.objects.get(network=small_network, user=facilitator)
    membership.role = Membership.Role.PARTICIPANT
    membership.save(update_fields=["role"])
    assert not round_results(barometer_round=close(barometer_round)).visible


def test_a_round_needs_k_members_besides_the_facilitators(small_network, facilitator):
    add_member(small_network, UserFactory.create())
    add_member(small_network, UserFactory.create())
    # Three members with the facilitator, but only two of them count.
    with pytest.raises(ValidationError) as refused:
        _open(small_network, facilitator)
    assert refused.value.code == "too_few_members"
