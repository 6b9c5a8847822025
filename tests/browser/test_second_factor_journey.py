"""A coordinator sets up the second step on first login (QR code and the key as text), gives a
wrong code and then the right one, logs out, and logs in again with a code. Every page is
checked with axe and for sideways scrolling, on a desktop and on a 360 px phone."""

import base64
import re

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from lerendnetwerk.core.tests.factories import PASSWORD
from tests.browser.helpers import (
    assert_catalogue_loaded,
    follow,
    main_menu,
    path_of,
    unused_code,
    visit,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def password_step(page, email: str) -> None:
    visit(page, "/account/inloggen/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    follow(page, page.locator("main form:has(input[name=password]) button[type=submit]"))


def test_a_coordinator_sets_up_and_uses_the_second_step(page, coordinator):
    assert_catalogue_loaded()
    password_step(page, coordinator.email)

    # First time: the set-up page, before anything else.
    assert path_of(page) == "/account/tweede-stap/instellen/"
    expect(page.locator("h1")).to_have_text("Stel je tweede stap in")
    expect(page.locator(".ln-qr svg[role=img]")).to_be_visible()
    secret = page.locator("#otp-secret").inner_text().replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    visit(page, "/coordinatie/")
    assert path_of(page) == "/account/tweede-stap/instellen/"

    # A wrong code: a message that says what to do.
    right = f"{totp(key):06d}"
    page.locator("input[name=code]").fill("000000" if right != "000000" else "111111")
    follow(page, page.locator("main form:has(input[name=code]) button[type=submit]"))
    expect(page.locator("main")).to_contain_text("Die code is niet goed")
    code = page.locator("input[name=code]")
    expect(code).to_have_attribute("autocomplete", "one-time-code")

    # The right code, after the short wait a wrong code costs.
    page.wait_for_timeout(1200)
    code.fill(f"{totp(key):06d}")
    follow(page, page.locator("main form:has(input[name=code]) button[type=submit]"))
    expect(page.locator("main")).to_contain_text("Je app is ingesteld")
    visit(page, "/coordinatie/")
    assert path_of(page) == "/coordinatie/"

    # Logging in again asks for a code only.
    follow(page, main_menu(page).locator("form[action='/account/uitloggen/'] button[type=submit]"))
    password_step(page, coordinator.email)
    assert path_of(page) == "/account/tweede-stap/"
    expect(page.locator("h1")).to_have_text("Code uit je app")
    page.locator("input[name=code]").fill(unused_code(coordinator))
    follow(page, page.locator("main form:has(input[name=code]) button[type=submit]"))
    expect(page).to_have_url(re.compile(r"/mijn-pagina/$"))
