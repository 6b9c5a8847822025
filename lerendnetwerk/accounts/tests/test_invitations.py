import re

import pytest
from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.urls import reverse

from lerendnetwerk.accounts import services
from lerendnetwerk.accounts.models import Invitation, RoleInvitation, User
from lerendnetwerk.core.tests.factories import UserFactory, login

pytestmark = pytest.mark.django_db


def link_in(message: EmailMessage) -> str:
    found = re.search(r"http://\S+", str(message.body))
    assert found is not None
    return found.group(0).removeprefix("http://localhost:8000")


def test_an_invitation_mails_a_one_time_link_that_sets_the_password(
    client, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        user = services.user_invite(
            email="Nieuw@Example.org",
            name="Nina Nieuw",
            invited_by=coordinator,
            context="LN Overvecht",
            message="Welkom!",
        )
    assert user.email == "nieuw@example.org"
    assert not user.has_usable_password()
    [message] = mail.outbox
    assert message.to == ["nieuw@example.org"]
    assert "LN Overvecht" in message.subject
    assert "Welkom!" in message.body
    assert isinstance(message, EmailMultiAlternatives)
    html = str(message.alternatives[0][0])
    assert "<a href=" in html
    link = link_in(message)

    page = client.get(link, follow=True)
    assert page.status_code == 200
    form_url = page.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "Lerend-Netwerk-2026", "new_password2": "Lerend-Netwerk-2026"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Lerend-Netwerk-2026")
    assert Invitation.objects.get(user=user).accepted_at is not None
    assert client.get(reverse("pages:dashboard")).status_code == 200

    # The link works once.
    client.logout()
    again = client.get(link, follow=True)
    assert (
        "no longer works" in again.content.decode() or "werkt niet meer" in again.content.decode()
    )


def test_someone_with_an_account_is_asked_not_given_a_role_or_a_password_link(
    coordinator, django_capture_on_commit_callbacks
):
    existing = UserFactory.create(email="bekend@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        user = services.user_invite(
            email="bekend@example.org", name="Ander", invited_by=coordinator, is_manager=True
        )
    assert user == existing
    user.refresh_from_db()
    assert user.name != "Ander"
    assert not user.is_manager
    assert RoleInvitation.objects.get(user=user).role == "manager"
    [message] = mail.outbox
    assert "/mijn-pagina/uitnodigingen/" in message.body
    assert "/account/uitnodiging/" not in message.body
    assert not Invitation.objects.filter(user=user).exists()


def test_a_coordinator_invites_a_coordinator_who_may_edit_the_catalogue(coordinator, utrecht):
    client = login(coordinator)
    response = client.post(
        reverse("accounts:invite"),
        {
            "name": "Carla",
            "email": "carla@example.org",
            "role": "coordinator",
            "region": utrecht.pk,
        },
    )
    assert response.status_code == 302
    carla = User.objects.get(email="carla@example.org")
    assert list(carla.coordinator_of.all()) == [utrecht]
    assert carla.is_staff


def test_a_bad_invitation_form_keeps_what_was_typed(coordinator, utrecht):
    client = login(coordinator)
    response = client.post(
        reverse("accounts:invite"),
        {"name": "Carla Jansen", "email": "geen-adres", "role": "manager", "region": utrecht.pk},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Carla Jansen"' in page
    assert 'value="geen-adres"' in page
    assert 'aria-invalid="true"' in page
    assert not User.objects.filter(name="Carla Jansen").exists()
    assert mail.outbox == []


def test_password_reset_mails_a_link_in_the_persons_language(
    client, django_capture_on_commit_callbacks
):
    user = UserFactory.create(email="vergeten@example.org", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:password_reset"), {"email": "vergeten@example.org"}
        )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [user.email]
    assert "/account/wachtwoord-instellen/" in message.body
    assert "Choose a new password" in message.subject


def test_password_reset_for_an_unknown_address_says_nothing_and_sends_nothing(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:password_reset"), {"email": "niemand@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_inviting_an_address_in_other_capitals_finds_the_existing_account(
    coordinator, django_capture_on_commit_callbacks
):
    existing = UserFactory.create(email="bekend@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        user = services.user_invite(
            email=" Bekend@EXAMPLE.org", name="Ander", invited_by=coordinator, is_expert=True
        )
    assert user == existing
    assert User.objects.filter(email__iexact="bekend@example.org").count() == 1
    [message] = mail.outbox
    assert message.to == ["bekend@example.org"]
    assert "/account/uitnodiging/" not in message.body


def test_password_reset_finds_the_account_whatever_the_capitals(
    client, django_capture_on_commit_callbacks
):
    UserFactory.create(email="fatima@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": "Fatima@Example.ORG"})
    [message] = mail.outbox
    assert message.to == ["fatima@example.org"]
    assert "/account/wachtwoord-instellen/" in message.body
