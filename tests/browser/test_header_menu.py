"""The header's main menu: on a phone it folds away behind the "Menu" button, which opens it with
and without JavaScript and from the keyboard; on a wide screen the menu is always there."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import check_page, follow, log_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _menu_opens_and_leads_on(page: Page, screen: str, link: str, *, keyboard: bool) -> None:
    nav = page.locator("header nav.ln-nav")
    button = page.locator("header details.ln-menu > summary")
    # The site's name is a link home, with the mark beside it hidden from screen readers.
    expect(page.locator("header a.ln-brand")).to_have_text("Lerend Netwerk")
    expect(page.locator("header a.ln-brand svg")).to_have_attribute("aria-hidden", "true")
    if screen == "desktop":
        expect(button).to_be_hidden()
        expect(nav).to_be_visible()
    else:
        expect(nav).to_be_hidden()
        expect(button).to_be_visible()
        expect(button).to_have_text(re.compile("Menu"))
        box = button.bounding_box()
        assert box is not None and box["height"] >= 24 and box["width"] >= 24
        if keyboard:
            button.focus()
            page.keyboard.press("Enter")
        else:
            button.click()
        expect(page.locator("header details.ln-menu[open]")).to_have_count(1)
        expect(nav).to_be_visible()
        check_page(page)
    follow(page, nav.locator(f"a[href='{link}']"))
    expect(page).to_have_url(re.compile(re.escape(link) + "$"))


def test_the_menu_opens_on_a_phone_without_javascript(fresh_page, screen):
    page = fresh_page(java_script_enabled=False)
    visit(page, "/")
    _menu_opens_and_leads_on(page, screen, "/handreiking/", keyboard=False)


def test_the_menu_opens_from_the_keyboard_for_a_member(page, screen, participant):
    log_in(page, participant.email)
    _menu_opens_and_leads_on(page, screen, "/mijn-leerdagboek/", keyboard=True)
    # The menu is closed again on the next page, and the log-out button is in it.
    if screen == "phone":
        expect(page.locator("header nav.ln-nav")).to_be_hidden()
        page.locator("header details.ln-menu > summary").click()
    expect(page.locator("header nav.ln-nav form button[type=submit]")).to_be_visible()
