import pytest
from django.urls import reverse

from lerendnetwerk.core.tests.factories import add_member, login
from lerendnetwerk.networks import selectors

pytestmark = pytest.mark.django_db


def test_a_member_leaves_after_confirming(network, participant):
    http = login(participant)
    url = reverse("networks:leave", args=[network.slug])
    assert http.get(url).status_code == 200
    assert selectors.is_member(network=network, user=participant)  # GET changes nothing
    response = http.post(url)
    assert response.status_code == 302
    assert not selectors.is_member(network=network, user=participant)


def test_the_last_facilitator_is_refused(network, facilitator):
    response = login(facilitator).post(reverse("networks:leave", args=[network.slug]), follow=True)
    assert "Je bent de laatste kartrekker" in response.content.decode()
    assert selectors.is_member(network=network, user=facilitator)


def test_a_facilitator_with_a_colleague_may_leave(network, facilitator):
    add_member(network, role="facilitator")
    login(facilitator).post(reverse("networks:leave", args=[network.slug]))
    assert not selectors.is_member(network=network, user=facilitator)


def test_someone_outside_the_network_cannot_leave_it(network, outsider):
    assert login(outsider).post(reverse("networks:leave", args=[network.slug])).status_code == 403
