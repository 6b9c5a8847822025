"""A participant logs in with e-mail address and password, mistypes once, and logs out."""

import re

import pytest
from playwright.sync_api import expect

from lerendnetwerk.core.tests.factories import PASSWORD
from tests.browser.helpers import assert_catalogue_loaded, follow, main_menu, path_of, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LOGIN_PATH = "/account/inloggen/"


def test_participant_logs_in_and_out(page, network, participant):
    assert_catalogue_loaded()

    visit(page, "/")
    # The theme's typefaces come with the platform: headings in Noto Serif, text in Noto Sans,
    # not whatever serif or sans-serif the device falls back to.
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded')"
        ".map(f => f.family.replaceAll('\"', ''))"
    )
    assert {"Noto Serif", "Noto Sans"} <= set(loaded), loaded
    follow(page, main_menu(page).locator(f"a[href='{LOGIN_PATH}']"))
    expect(page).to_have_url(re.compile(re.escape(LOGIN_PATH) + "$"))
    email = page.locator("input[name=username]")
    password = page.locator("input[name=password]")
    submit = page.locator("main form button[type=submit]")
    # The e-mail field is labelled and the browser may fill it in.
    expect(page.locator(f"label[for='{email.get_attribute('id')}']")).to_be_visible()
    expect(email).to_have_attribute("autocomplete", "email")

    # A wrong password: a message that says what to do, and the e-mail address stays.
    email.fill(participant.email)
    password.fill("niet-het-goede-wachtwoord")
    follow(page, submit)
    expect(page).to_have_url(re.compile(re.escape(LOGIN_PATH)))
    error = page.locator("main [role=alert]")
    expect(error).to_be_visible()
    expect(error).to_contain_text(re.compile(r"e-mail|wachtwoord|password", re.IGNORECASE))
    expect(email).to_have_value(participant.email)
    expect(password).to_have_value("")

    # The right password: to my page, which shows my network.
    password.fill(PASSWORD)
    follow(page, submit)
    expect(page).to_have_url(re.compile(r"/mijn-pagina/$"))
    expect(page.locator("h1")).to_contain_text(participant.name.split()[0])
    my_network = page.locator(f"main a[href='/netwerken/{network.slug}/']")
    expect(my_network).to_have_text(network.name)
    expect(page.locator(f"header a[href='{LOGIN_PATH}']")).to_have_count(0)

    # The network itself opens for a member.
    follow(page, my_network)
    expect(page).to_have_url(re.compile(rf"/netwerken/{network.slug}/$"))
    expect(page.locator("h1")).to_have_text(network.name)

    # Log out with the button in the header.
    follow(page, main_menu(page).locator("form[action='/account/uitloggen/'] button[type=submit]"))
    expect(page).to_have_url(re.compile(r"://[^/]+/$"))
    expect(main_menu(page).locator(f"a[href='{LOGIN_PATH}']")).to_be_visible()

    # My page asks to log in again, and comes back there afterwards.
    visit(page, "/mijn-pagina/")
    expect(page).to_have_url(re.compile(re.escape(LOGIN_PATH) + r"\?next="))
    page.locator("input[name=username]").fill(participant.email)
    page.locator("input[name=password]").fill(PASSWORD)
    follow(page, page.locator("main form button[type=submit]"))
    expect(page).to_have_url(re.compile(r"/mijn-pagina/$"))
    assert path_of(page) == "/mijn-pagina/"
