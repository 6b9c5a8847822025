"""Password reset: links on the site's own address, short-lived, and for invited people too."""

import re
from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from lerendnetwerk.accounts import services
from lerendnetwerk.accounts.models import Invitation, User
from lerendnetwerk.core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def ask_for_reset(client, captured, email: str, **headers: str):
    with captured(execute=True):
        return client.post(reverse("accounts:password_reset"), {"email": email}, **headers)


def test_the_link_is_on_the_site_address_not_the_host_the_request_named(
    client, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://lerendnetwerk.example.nl"
    settings.ALLOWED_HOSTS = ["*"]
    UserFactory.create(email="lid@example.org")
    ask_for_reset(
        client, django_capture_on_commit_callbacks, "lid@example.org", HTTP_HOST="evil.example"
    )
    [message] = mail.outbox
    assert "evil.example" not in message.body
    assert "https://lerendnetwerk.example.nl/account/wachtwoord-instellen/" in message.body


def test_a_reset_link_stops_working_after_three_days(client):
    user = UserFactory.create()
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    four_days_ago = datetime.now() - timedelta(days=4)
    with mock.patch.object(default_token_generator, "_now", return_value=four_days_ago):
        old_token = default_token_generator.make_token(user)
    link = reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": old_token})
    page = client.get(link, follow=True).content.decode()
    assert "no longer works" in page or "werkt niet meer" in page


def test_an_invitation_link_still_works_after_ten_days(client, coordinator):
    user = services.user_invite(email="nieuw@example.org", name="Nina", invited_by=coordinator)
    ten_days_later = datetime.now() + timedelta(days=10)
    link = services.invitation_link(user).removeprefix("http://localhost:8000")
    with mock.patch("django.contrib.auth.tokens.PasswordResetTokenGenerator._now") as now:
        now.return_value = ten_days_later
        page = client.get(link, follow=True).content.decode()
    assert 'name="new_password1"' in page


def test_someone_invited_who_never_chose_a_password_gets_a_link(
    client, coordinator, django_capture_on_commit_callbacks
):
    user = services.user_invite(email="nieuw@example.org", name="Nina", invited_by=coordinator)
    response = ask_for_reset(client, django_capture_on_commit_callbacks, "Nieuw@Example.org")
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    [message] = mail.outbox
    assert message.to == ["nieuw@example.org"]
    found = re.search(r"http://localhost:8000(\S+)", str(message.body))
    assert found is not None

    form_url = client.get(found.group(1), follow=True).redirect_chain[-1][0]
    client.post(
        form_url, {"new_password1": "Lerend-Netwerk-2026", "new_password2": "Lerend-Netwerk-2026"}
    )
    user.refresh_from_db()
    assert user.check_password("Lerend-Netwerk-2026")
    assert Invitation.objects.get(user=user).accepted_at is not None


def test_an_inactive_account_gets_no_link_and_the_answer_looks_the_same(
    client, django_capture_on_commit_callbacks
):
    User.objects.create_user(email="weg@example.org", password=None, name="Weg", is_active=False)
    UserFactory.create(email="oud@example.org", is_active=False)
    answers = [
        ask_for_reset(client, django_capture_on_commit_callbacks, address)
        for address in ["weg@example.org", "oud@example.org", "niemand@example.org"]
    ]
    assert mail.outbox == []
    assert {(answer.status_code, answer.url) for answer in answers} == {
        (302, reverse("accounts:password_reset_done"))
    }


def test_reset_mail_is_limited_per_address_and_per_client_without_telling(
    client, django_capture_on_commit_callbacks
):
    UserFactory.create(email="lid@example.org")
    answers = [
        ask_for_reset(client, django_capture_on_commit_callbacks, "lid@example.org")
        for _ in range(20)
    ]
    assert len(mail.outbox) == 3
    done = reverse("accounts:password_reset_done")
    assert {(answer.status_code, answer.url) for answer in answers} == {(302, done)}


def test_a_client_asking_for_many_addresses_is_stopped_but_others_are_not(
    client, django_capture_on_commit_callbacks
):
    for n in range(12):
        UserFactory.create(email=f"lid{n}@example.org")
    for n in range(12):
        ask_for_reset(
            client,
            django_capture_on_commit_callbacks,
            f"lid{n}@example.org",
            REMOTE_ADDR="198.51.100.7",
        )
    assert len(mail.outbox) == 10
    # Someone else asks for their own link: the first client's flood did not use it up.
    ask_for_reset(
        client, django_capture_on_commit_callbacks, "lid11@example.org", REMOTE_ADDR="203.0.113.20"
    )
    assert len(mail.outbox) == 11
