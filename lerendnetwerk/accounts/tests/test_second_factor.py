"""Coordinators and staff log in with a code from a TOTP app after their password."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from lerendnetwerk.core.tests.factories import PASSWORD, UserFactory, login, totp_device

pytestmark = pytest.mark.django_db

VERIFY = reverse("accounts:otp_verify")
SETUP = reverse("accounts:otp_setup")


def password_login(user) -> Client:
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    return f"{totp(device.bin_key, t0=device.t0, step=device.step, digits=6, drift=offset):06d}"


def test_a_coordinator_without_an_app_sets_it_up_first(coordinator):
    client = password_login(coordinator)
    response = client.get(reverse("pages:dashboard"))
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    response = client.get(response["Location"])
    assert response.status_code == 302 and response["Location"].startswith(SETUP)

    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page and 'role="img"' in page
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    secret = re.search(r'id="otp-secret">([A-Z2-7 ]+)<', page)
    assert secret is not None and len(secret.group(1).replace(" ", "")) == 32

    wrong = client.post(SETUP, {"code": "000000" if code_for(device) != "000000" else "111111"})
    assert wrong.status_code == 200
    assert "niet goed" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    device.throttling_failure_count = 0  # the wrong code above made the device wait
    device.throttling_failure_timestamp = None
    device.save()
    done = client.post(SETUP, {"code": code_for(device), "next": reverse("networks:coordination")})
    assert done.status_code == 302 and done["Location"] == reverse("networks:coordination")
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("networks:coordination")).status_code == 200


def test_a_coordinator_with_an_app_types_the_code(coordinator):
    device = totp_device(coordinator)
    client = password_login(coordinator)
    wanted = reverse("networks:coordination")
    response = client.get(wanted)
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next={wanted}"
    # Setting up a second app is not possible with the password alone.
    assert client.get(SETUP)["Location"].startswith(VERIFY)

    page = client.get(response["Location"]).content.decode()
    assert 'autocomplete="one-time-code"' in page

    bad = client.post(VERIFY, {"code": "12345", "next": wanted})
    assert "zes cijfers" in bad.content.decode()
    assert client.get(wanted).status_code == 302

    good = client.post(VERIFY, {"code": code_for(device), "next": wanted})
    assert good.status_code == 302 and good["Location"] == wanted
    assert client.get(wanted).status_code == 200


def test_wrong_codes_make_the_next_attempt_wait(coordinator):
    device = totp_device(coordinator)
    client = password_login(coordinator)
    right = code_for(device)
    wrong = "000000" if right != "000000" else "111111"
    client.post(VERIFY, {"code": wrong})
    # Even the right code is refused while the device waits after a wrong one.
    response = client.post(VERIFY, {"code": right})
    assert response.status_code == 200
    assert "Wacht even" in response.content.decode()
    assert client.get(reverse("pages:dashboard")).status_code == 302


@pytest.mark.parametrize(
    "name",
    [
        "pages:dashboard",
        "networks:coordination",
        "accounts:invite",
        "networks:create",
        "admin:index",
    ],
)
def test_every_page_waits_for_the_code(coordinator, name):
    totp_device(coordinator)
    client = password_login(coordinator)
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    # Logging out stays possible.
    assert client.post(reverse("accounts:logout")).status_code == 302


def test_staff_without_a_region_need_the_code_too_also_for_the_admin_site():
    admin = UserFactory.create(is_staff=True, is_superuser=True)
    device = totp_device(admin)
    client = password_login(admin)
    users = reverse("admin:accounts_user_changelist")
    assert client.get(users)["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": code_for(device), "next": users})
    assert client.get(users).status_code == 200


def test_the_admin_login_page_is_the_platforms_login_page(client):
    response = client.get(reverse("admin:login") + "?next=/beheer/")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login") + "?next=/beheer/"
    member = UserFactory.create()
    assert login(member).get(reverse("admin:login")).status_code == 403


def test_participants_never_see_the_second_step(participant):
    client = password_login(participant)
    assert client.get(reverse("pages:dashboard")).status_code == 200
    assert client.get(VERIFY).status_code == 302
    assert not TOTPDevice.objects.filter(user=participant).exists()


def test_the_demo_code_command_prints_the_current_code(coordinator, settings, capsys):
    from django.core.management import call_command

    settings.DEBUG = True
    device = totp_device(coordinator)
    call_command("otp_code", coordinator.email)
    assert code_for(device) in capsys.readouterr().out


def test_deleting_the_device_ends_the_sessions_it_verified(coordinator):
    """The device a session was verified with is kept in the cache (middleware.OTPMiddleware);
    deleting it is heard all the same."""
    device = totp_device(coordinator)
    client = password_login(coordinator)
    wanted = reverse("networks:coordination")
    client.post(VERIFY, {"code": code_for(device), "next": wanted})
    assert client.get(wanted).status_code == 200
    assert client.get(wanted).status_code == 200  # the device from the cache now
    device.delete()
    response = client.get(wanted)
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP) or response["Location"].startswith(VERIFY)
