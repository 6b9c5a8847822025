"""Inviting someone who already has an account: they decide, and the inviter learns nothing.

A facilitator could type any address and read the account's name in the confirmation, and the
person became a member of a network (maybe of another region) without being asked.
"""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import (
    DistrictFactory,
    NetworkFactory,
    RegionFactory,
    UserFactory,
    add_member,
    login,
)
from lerendnetwerk.networks import selectors
from lerendnetwerk.networks.models import MembershipInvitation, Network

pytestmark = pytest.mark.django_db


@pytest.fixture
def elsewhere() -> User:
    """Someone with an account, a member of a network in another region."""
    region = RegionFactory.create(name="Amersfoort")
    network = NetworkFactory.create(
        name="LN Vathorst", district=DistrictFactory.create(region=region)
    )
    return add_member(network, UserFactory.create(name="Geheime Naam", email="geheim@example.org"))


def invite(client: Client, network: Network, email: str, role: str = "participant") -> list[str]:
    response = client.post(
        reverse("networks:invite", kwargs={"slug": network.slug}),
        {"name": "Wat ik typte", "email": email, "role": role},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    members_url = reverse("networks:members", kwargs={"slug": network.slug})
    assert response["Location"] == members_url
    page = client.get(members_url).content.decode()
    assert "Geheime Naam" not in page
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_confirmation_is_the_same_for_an_existing_and_a_new_address(
    network, facilitator, elsewhere, django_capture_on_commit_callbacks
):
    client = login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        existing = invite(client, network, "Geheim@Example.org")
        new = invite(client, network, "nieuw@example.org")

    assert existing == ["We hebben een uitnodiging gestuurd naar Geheim@Example.org."]
    assert new == ["We hebben een uitnodiging gestuurd naar nieuw@example.org."]
    assert not any("Geheime Naam" in text for text in existing)


def test_an_existing_account_is_no_member_until_it_accepts(
    network: Network,
    facilitator: User,
    elsewhere: User,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        invite(login(facilitator), network, "geheim@example.org", role="participant")

    assert not selectors.is_member(network=network, user=elsewhere)
    invitation = MembershipInvitation.objects.get(network=network)
    assert invitation.email == "geheim@example.org"
    assert invitation.expires_at > timezone.now() + timedelta(days=13)
    [message] = mail.outbox
    assert message.to == ["geheim@example.org"]
    assert "LN Overvecht" in message.subject
    assert "/mijn-pagina/uitnodigingen/" in str(message.body)
    assert "/account/uitnodiging/" not in str(message.body)  # no password link


def test_the_invited_person_accepts_and_becomes_a_member(
    network, facilitator, elsewhere, django_capture_on_commit_callbacks
):
    invite(login(facilitator), network, "geheim@example.org")
    client = login(elsewhere)
    page = client.get(reverse("pages:invitations")).content.decode()
    assert "LN Overvecht" in page
    assert "Fatima Kartrekker" in page
    dashboard = client.get(reverse("pages:dashboard")).content.decode()
    assert reverse("pages:invitations") in dashboard

    invitation = MembershipInvitation.objects.get()
    response = client.post(
        reverse("networks:invitation_answer", kwargs={"pk": invitation.pk}), {"answer": "accept"}
    )
    assert response.status_code == 302
    assert selectors.is_member(network=network, user=elsewhere)
    assert selectors.member_roles(network=network, user=elsewhere) == frozenset({"participant"})
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    answer_url = reverse("networks:invitation_answer", kwargs={"pk": invitation.pk})
    assert answer_url not in client.get(reverse("pages:invitations")).content.decode()


def test_the_invited_person_declines_and_stays_out(network, facilitator, elsewhere):
    invite(login(facilitator), network, "geheim@example.org")
    invitation = MembershipInvitation.objects.get()
    client = login(elsewhere)
    client.post(
        reverse("networks:invitation_answer", kwargs={"pk": invitation.pk}), {"answer": "decline"}
    )
    assert not selectors.is_member(network=network, user=elsewhere)
    invitation.refresh_from_db()
    assert invitation.declined_at is not None and invitation.accepted_at is None
    # Accepting after declining does not work either.
    client.post(
        reverse("networks:invitation_answer", kwargs={"pk": invitation.pk}), {"answer": "accept"}
    )
    assert not selectors.is_member(network=network, user=elsewhere)


def test_an_expired_invitation_cannot_be_accepted(network, facilitator, elsewhere):
    invite(login(facilitator), network, "geheim@example.org")
    invitation = MembershipInvitation.objects.get()
    MembershipInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    client = login(elsewhere)
    answer_url = reverse("networks:invitation_answer", kwargs={"pk": invitation.pk})
    assert answer_url not in client.get(reverse("pages:invitations")).content.decode()
    response = client.post(
        reverse("networks:invitation_answer", kwargs={"pk": invitation.pk}),
        {"answer": "accept"},
        follow=True,
    )
    assert "verlopen" in response.content.decode()
    assert not selectors.is_member(network=network, user=elsewhere)


def test_nobody_else_can_answer_an_invitation(network, facilitator, elsewhere, outsider):
    invite(login(facilitator), network, "geheim@example.org")
    invitation = MembershipInvitation.objects.get()
    for person in (outsider, facilitator):
        response = login(person).post(
            reverse("networks:invitation_answer", kwargs={"pk": invitation.pk}),
            {"answer": "accept"},
        )
        assert response.status_code == 404
    assert not selectors.is_member(network=network, user=elsewhere)
    assert not MembershipInvitation.objects.filter(accepted_at__isnull=False).exists()


def test_a_coordinator_cannot_make_someone_of_another_region_facilitator_silently(
    network, coordinator, elsewhere
):
    invite(login(coordinator), network, "geheim@example.org", role="facilitator")
    assert not selectors.is_member(network=network, user=elsewhere)
    assert MembershipInvitation.objects.get().role == "facilitator"


def test_inviting_a_current_member_says_so_as_the_inviter_sees_them_anyway(
    network, facilitator, participant
):
    response = login(facilitator).post(
        reverse("networks:invite", kwargs={"slug": network.slug}),
        {"name": "Iemand", "email": participant.email, "role": "participant"},
    )
    assert response.status_code == 200
    assert "al lid" in response.content.decode()
    assert not MembershipInvitation.objects.exists()


def test_a_second_invitation_renews_the_open_one(network, facilitator, elsewhere):
    client = login(facilitator)
    invite(client, network, "geheim@example.org")
    invite(client, network, "geheim@example.org")
    assert MembershipInvitation.objects.count() == 1
