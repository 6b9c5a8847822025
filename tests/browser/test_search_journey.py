"""A visitor searches the region from the public district overview: "netwerken" finds a work
form of the Handbook and an organisation's knowledge offer (Dutch stemming), she narrows the
results to the knowledge offer and opens it (issue 15)."""

import re

import pytest
from playwright.sync_api import Page, expect

from lerendnetwerk.search.tests.conftest import offer
from tests.browser.helpers import assert_catalogue_loaded, follow, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OFFER = "Een netwerk van voorleescoaches"


def search_from_the_overview(page: Page, words: str) -> None:
    visit(page, "/wijkoverzicht/utrecht/")
    form = page.locator("main search form")
    form.get_by_label(re.compile("Zoek in werkvormen")).fill(words)
    follow(page, form.locator("button[type=submit]"))


def test_a_visitor_searches_filters_to_one_kind_and_opens_an_offer(page, manager):
    assert_catalogue_loaded()
    offer(manager, OFFER, "Wij delen hoe we ouders betrekken bij het voorlezen.")
    offer(manager, "Concept voor later", "Nog een netwerk.", published=False)

    search_from_the_overview(page, "netwerken")
    expect(page.get_by_label("Zoeken naar")).to_have_value("netwerken")
    handbook = page.locator("section[aria-labelledby=handreiking]")
    expect(handbook.locator("h2")).to_have_text(re.compile(r"^De Handreiking \(\d+\)$"))
    expect(handbook.get_by_role("link", name="Filmpjes van andere netwerken tonen")).to_be_visible()
    offers = page.locator("section[aria-labelledby=kennisaanbod]")
    expect(offers.locator("h2")).to_have_text("Kennisaanbod (1)")
    expect(page.get_by_text("Concept voor later")).to_have_count(0)

    # Only the knowledge offer, then the offer itself.
    follow(page, page.get_by_role("link", name="Kennisaanbod (1)"))
    expect(page).to_have_url(re.compile(r"soort=kennisaanbod"))
    expect(page.locator("main h2")).to_have_text("Kennisaanbod: 1 gevonden")
    expect(page.get_by_role("link", name="Kennisaanbod (1)")).to_have_attribute(
        "aria-current", "page"
    )
    follow(page, page.get_by_role("link", name=OFFER))
    expect(page.locator("h1")).to_have_text(OFFER)

    # A word too short is refused in words, and kept.
    visit(page, "/zoeken/utrecht/?q=a")
    expect(
        page.locator(".utrecht-alert--error, .utrecht-form-field-error-message").first
    ).to_be_visible()
    expect(page.get_by_label("Zoeken naar")).to_have_value("a")
