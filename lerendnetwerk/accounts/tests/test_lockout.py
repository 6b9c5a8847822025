"""Guessing passwords locks the guesser's address, never the account's owner elsewhere."""

import pytest
from django.urls import reverse

from lerendnetwerk.core.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

A, B = "198.51.100.7", "203.0.113.20"
PROXY = "10.0.0.2"


def attempt(client, email: str, password: str, **meta: str):
    return client.post(reverse("accounts:login"), {"username": email, "password": password}, **meta)


def test_a_stranger_guessing_from_another_address_does_not_lock_the_owner_out(client):
    UserFactory.create(email="x@example.org")
    for _ in range(10):
        attempt(client, "x@example.org", "geraden", REMOTE_ADDR=A)
    assert attempt(client, "x@example.org", PASSWORD, REMOTE_ADDR=A).status_code == 429

    response = attempt(client, "x@example.org", PASSWORD, REMOTE_ADDR=B)
    assert response.status_code == 302
    assert response.url == reverse("pages:dashboard")


def test_behind_the_proxy_the_forwarded_address_decides(client, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    UserFactory.create(email="x@example.org")
    for _ in range(10):
        attempt(client, "x@example.org", "geraden", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=A)
    locked = attempt(client, "x@example.org", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=A)
    assert locked.status_code == 429

    # Everyone reaches the site through the same proxy; the owner comes from elsewhere.
    owner = attempt(
        client, "x@example.org", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{A}, {B}"
    )
    assert owner.status_code == 302
    assert owner.url == reverse("pages:dashboard")


def test_a_forged_forwarded_header_from_an_untrusted_source_is_ignored(client, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    UserFactory.create(email="x@example.org")
    for n in range(10):
        attempt(
            client, "x@example.org", "geraden", REMOTE_ADDR=A, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}"
        )
    forged = attempt(client, "x@example.org", PASSWORD, REMOTE_ADDR=A, HTTP_X_FORWARDED_FOR=B)
    assert forged.status_code == 429


def test_many_failures_from_one_address_lock_that_address_for_every_account(client, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 8
    UserFactory.create(email="x@example.org")
    for n in range(8):
        attempt(client, f"iemand{n}@example.org", "geraden", REMOTE_ADDR=A)
    assert attempt(client, "x@example.org", PASSWORD, REMOTE_ADDR=A).status_code == 429
    assert attempt(client, "x@example.org", PASSWORD, REMOTE_ADDR=B).status_code == 302


def test_the_client_address_reads_the_chain_from_the_right(rf, settings):
    from lerendnetwerk.core.clientaddress import client_address

    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    chain = "6.6.6.6, 198.51.100.7, 10.1.1.1"
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=chain)
    assert client_address(request) == "198.51.100.7"
    assert client_address(rf.get("/", REMOTE_ADDR="10.0.0.2")) == "10.0.0.2"
    assert client_address(rf.get("/", REMOTE_ADDR=A, HTTP_X_FORWARDED_FOR=B)) == A
    settings.TRUSTED_PROXIES = []
    assert client_address(rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=B)) == PROXY
