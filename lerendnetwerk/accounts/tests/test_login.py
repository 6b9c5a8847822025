import pytest
from django.urls import reverse

from lerendnetwerk.core.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_logging_in_with_email_and_password_leads_to_my_page(client):
    UserFactory.create(email="lid@example.org")
    response = client.post(
        reverse("accounts:login"), {"username": "lid@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("pages:dashboard")


def test_a_wrong_password_keeps_the_address_and_explains(client):
    UserFactory.create(email="lid@example.org")
    response = client.post(
        reverse("accounts:login"), {"username": "lid@example.org", "password": "fout"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="lid@example.org"' in page
    assert "utrecht-alert--error" in page


def test_guessing_is_locked_out_after_five_attempts(client, settings):
    UserFactory.create(email="lid@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "lid@example.org", "password": "x"})
    response = client.post(
        reverse("accounts:login"), {"username": "lid@example.org", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert reverse("accounts:password_reset") in response.content.decode()


def test_logout_is_a_post(client):
    user = UserFactory.create()
    client.force_login(user)
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("pages:dashboard")).status_code == 302


def test_the_email_address_is_not_case_sensitive_at_login(client):
    UserFactory.create(email="fatima@example.org")
    response = client.post(
        reverse("accounts:login"), {"username": " Fatima@Example.ORG ", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("pages:dashboard")


def test_guessing_in_other_capitals_counts_towards_the_same_lockout(client, settings):
    UserFactory.create(email="lid@example.org")
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        address = "lid@example.org" if attempt % 2 else "LID@Example.org"
        client.post(reverse("accounts:login"), {"username": address, "password": "x"})
    response = client.post(
        reverse("accounts:login"), {"username": "lid@example.org", "password": PASSWORD}
    )
    assert response.status_code == 429
