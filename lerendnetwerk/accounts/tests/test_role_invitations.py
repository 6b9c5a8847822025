"""A coordinator who invited an existing account as manager made it a manager on the spot,
and read its owner's name in the confirmation. Now the person is asked and decides."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.accounts.models import RoleInvitation, User
from lerendnetwerk.core.tests.factories import UserFactory, login

pytestmark = pytest.mark.django_db


@pytest.fixture
def existing() -> User:
    return UserFactory.create(name="Geheime Naam", email="geheim@example.org")


def invite(client: Client, email: str, role: str, region_pk: int) -> list[str]:
    response = client.post(
        reverse("accounts:invite"),
        {"name": "Wat ik typte", "email": email, "role": role, "region": region_pk},
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Geheime Naam" not in page
    return [str(m) for m in get_messages(response.wsgi_request)]


def answer(client: Client, invitation: RoleInvitation, what: str, **kwargs):
    return client.post(
        reverse("accounts:role_invitation_answer", kwargs={"pk": invitation.pk}),
        {"answer": what},
        **kwargs,
    )


def test_the_confirmation_is_the_same_for_an_existing_and_a_new_address(
    coordinator, utrecht, existing, django_capture_on_commit_callbacks
):
    client = login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        known = invite(client, "geheim@example.org", "manager", utrecht.pk)
        new = invite(client, "nieuw@example.org", "manager", utrecht.pk)
    assert known == ["We hebben een uitnodiging gestuurd naar geheim@example.org."]
    assert new == ["We hebben een uitnodiging gestuurd naar nieuw@example.org."]
    assert [m.to for m in mail.outbox] == [["geheim@example.org"], ["nieuw@example.org"]]


def test_an_existing_account_is_no_manager_until_it_accepts(coordinator, utrecht, existing):
    invite(login(coordinator), "geheim@example.org", "manager", utrecht.pk)
    existing.refresh_from_db()
    assert not existing.is_manager

    client = login(existing)
    assert "Cor Coördinator" in client.get(reverse("pages:invitations")).content.decode()
    invitation = RoleInvitation.objects.get()
    assert answer(client, invitation, "accept").status_code == 302
    existing.refresh_from_db()
    assert existing.is_manager
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_a_coordinator_role_waits_for_acceptance_too(coordinator, utrecht, existing):
    invite(login(coordinator), "geheim@example.org", "coordinator", utrecht.pk)
    existing.refresh_from_db()
    assert not existing.coordinator_of.exists() and not existing.is_staff
    answer(login(existing), RoleInvitation.objects.get(), "accept")
    existing.refresh_from_db()
    assert list(existing.coordinator_of.all()) == [utrecht] and existing.is_staff


def test_declining_leaves_the_account_as_it_was(coordinator, utrecht, existing):
    invite(login(coordinator), "geheim@example.org", "expert", utrecht.pk)
    invitation = RoleInvitation.objects.get()
    client = login(existing)
    answer(client, invitation, "decline")
    answer(client, invitation, "accept")
    existing.refresh_from_db()
    assert not existing.is_expert
    invitation.refresh_from_db()
    assert invitation.declined_at is not None and invitation.accepted_at is None


def test_an_expired_role_invitation_cannot_be_accepted(coordinator, utrecht, existing):
    invite(login(coordinator), "geheim@example.org", "manager", utrecht.pk)
    RoleInvitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = answer(login(existing), RoleInvitation.objects.get(), "accept", follow=True)
    assert "verlopen" in response.content.decode()
    existing.refresh_from_db()
    assert not existing.is_manager


def test_nobody_else_can_answer_a_role_invitation(coordinator, utrecht, existing, outsider):
    invite(login(coordinator), "geheim@example.org", "manager", utrecht.pk)
    invitation = RoleInvitation.objects.get()
    superuser = UserFactory.create(is_superuser=True, is_staff=True)
    for person in (outsider, coordinator, superuser):
        assert answer(login(person), invitation, "accept").status_code == 404
    existing.refresh_from_db()
    assert not existing.is_manager
