import datetime
import re
from typing import Any

import pytest
from django.urls import reverse

from lerendnetwerk.core.tests.factories import PASSWORD, UserFactory, login

pytestmark = pytest.mark.django_db


def _link(message: Any) -> str:
    found = re.search(r"http://localhost:8000(\S+)", message.body)
    assert found is not None
    return found.group(1)


def test_the_profile_shows_the_person_and_their_networks(participant, network):
    response = login(participant).get(reverse("accounts:profile"))
    html = response.content.decode()
    assert response.status_code == 200
    assert participant.email in html
    assert network.name in html
    assert reverse("networks:leave", args=[network.slug]) in html
    assert reverse("privacy:export") in html


def test_saving_name_language_and_public_address():
    person = UserFactory.create(language="nl")
    response = login(person).post(
        reverse("accounts:profile"),
        {"name": "Fatima Nieuw", "language": "en", "show_email_publicly": "on"},
    )
    # Onwards in the chosen language: English pages carry the /en/ prefix.
    assert response.status_code == 302
    assert response["Location"] == "/en" + reverse("accounts:profile")
    person.refresh_from_db()
    assert (person.name, person.language, person.show_email_publicly) == (
        "Fatima Nieuw",
        "en",
        True,
    )


def test_an_empty_name_is_refused_and_the_input_kept():
    person = UserFactory.create(name="Oud")
    response = login(person).post(reverse("accounts:profile"), {"name": " ", "language": "nl"})
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.name == "Oud"


def test_a_new_address_changes_only_when_confirmed(
    mailoutbox, client, django_capture_on_commit_callbacks
):
    person = UserFactory.create(email="oud@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = login(person).post(
            reverse("accounts:email_change"), {"email": "Nieuw@Example.org"}
        )
    assert response.status_code == 302
    [message] = mailoutbox
    assert message.to == ["nieuw@example.org"]
    person.refresh_from_db()
    assert person.email == "oud@example.org"

    path = _link(message)
    assert client.get(path).status_code == 200  # a mail scanner opening it changes nothing
    person.refresh_from_db()
    assert person.email == "oud@example.org"

    with django_capture_on_commit_callbacks(execute=True):
        client.post(path)
    person.refresh_from_db()
    assert person.email == "nieuw@example.org"
    notice = mailoutbox[-1]
    assert notice.to == ["oud@example.org"]
    assert "nieuw@example.org" in notice.body

    # The link works once.
    response = client.post(path, follow=True)
    assert "werkt niet (meer)" in response.content.decode()


def test_an_expired_link_is_refused(mailoutbox, client, django_capture_on_commit_callbacks):
    person = UserFactory.create(email="oud@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        login(person).post(reverse("accounts:email_change"), {"email": "nieuw@example.org"})
    path = _link(mailoutbox[0])
    from unittest import mock

    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=3, minutes=1)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        response = client.post(path, follow=True)
    assert "werkt niet (meer)" in response.content.decode()
    person.refresh_from_db()
    assert person.email == "oud@example.org"


def test_an_address_in_use_is_refused():
    UserFactory.create(email="bezet@example.org")
    person = UserFactory.create()
    response = login(person).post(reverse("accounts:email_change"), {"email": "bezet@example.org"})
    assert response.status_code == 200
    assert "Een ander account gebruikt dit e-mailadres al" in response.content.decode()


def test_changing_the_password():
    person = UserFactory.create()
    http = login(person)
    assert http.get(reverse("accounts:password_change")).status_code == 200
    response = http.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "nog-een-beter-wachtwoord-7",
            "new_password2": "nog-een-beter-wachtwoord-7",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password("nog-een-beter-wachtwoord-7")
