"""Sessions end after half an hour without a request and twelve hours after logging in."""

import pytest
from django.urls import reverse

from lerendnetwerk.accounts import middleware
from lerendnetwerk.core.tests.factories import login

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("pages:dashboard")


class Clock:
    def __init__(self, monkeypatch, start: float) -> None:
        self.now = start
        monkeypatch.setattr(middleware, "now", lambda: self.now)

    def move(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch, 1_800_000_000.0)


def test_the_defaults_are_half_an_hour_idle_and_twelve_hours_in_all(settings):
    assert settings.SESSION_IDLE_TIMEOUT == 30 * 60
    assert settings.SESSION_ABSOLUTE_TIMEOUT == 12 * 3600


def test_half_an_hour_without_a_request_logs_out_with_a_message(clock, participant):
    client = login(participant)
    clock.move(29 * 60)
    assert client.get(DASHBOARD).status_code == 200
    clock.move(29 * 60)  # still active: the last request counts, not the login
    assert client.get(DASHBOARD).status_code == 200
    clock.move(31 * 60)
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={DASHBOARD}"
    page = client.get(response["Location"]).content.decode()
    assert "30 minuten niets hebt gedaan" in page
    # Really logged out: a later request does not come back in.
    assert client.get(DASHBOARD).status_code == 302


def test_twelve_hours_after_login_the_session_ends_however_active(clock, participant):
    client = login(participant)
    for _ in range(12 * 4 + 1):
        clock.move(15 * 60)
        response = client.get(DASHBOARD)
        if response.status_code != 200:
            break
    assert response.status_code == 302
    assert clock.now - 1_800_000_000.0 > 12 * 3600 - 15 * 60
    assert "12 uur" in client.get(response["Location"]).content.decode()


def test_last_activity_is_written_at_most_once_a_minute(clock, participant):
    client = login(participant)
    seen = client.session[middleware.SEEN_AT]
    clock.move(30)
    client.get(DASHBOARD)
    assert client.session[middleware.SEEN_AT] == seen
    clock.move(40)
    client.get(DASHBOARD)
    assert client.session[middleware.SEEN_AT] == clock.now
