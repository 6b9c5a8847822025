"""A visitor explores the public site: filters the district overview by theme, opens a district
on the map, reads a network's page with its good practice and browses the themes; and the same
without JavaScript. Every page is checked with axe and for reflow at the screen's width."""

import re

import pytest
from playwright.sync_api import Page, expect

from lerendnetwerk.public.tests.world import PLAY, SECRET, build_world
from lerendnetwerk.themes.models import FocusArea
from tests.browser.helpers import assert_catalogue_loaded, follow, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def filter_by_theme(page: Page, focus_area: FocusArea) -> None:
    visit(page, "/wijkoverzicht/")
    expect(page).to_have_url(re.compile(r"/wijkoverzicht/utrecht/$"))
    form = page.locator("main form.ln-filters")
    form.locator("select[name=thema]").select_option(str(focus_area.pk))
    follow(page, form.locator("button[type=submit]"))
    expect(page).to_have_url(re.compile(rf"[?&]thema={focus_area.pk}\b"))


def open_west_on_the_map(page: Page) -> None:
    west = page.locator("svg a[aria-label^='West:']")
    expect(west).to_have_attribute("aria-label", re.compile(r"^West: 1 netwerk$"))
    follow(page, west)
    expect(page).to_have_url(re.compile(r"wijk=west.*#netwerken$"))
    expect(page.locator("#netwerken")).to_have_text(re.compile(r"1 netwerk in West"))


def test_visitor_filters_uses_the_map_and_reads_good_practice_and_themes(
    page, fresh_page, utrecht, network, facilitator, participant
):
    assert_catalogue_loaded()
    world = build_world(utrecht, network, facilitator, participant)
    play = FocusArea.objects.get(title=PLAY)

    # The overview, filtered by theme: one network is left, in West; the map counts it there.
    filter_by_theme(page, play)
    cards = page.locator("#netwerken ~ section article")
    expect(cards).to_have_count(1)
    expect(cards.first.locator("h4")).to_have_text(world.play.name)
    expect(page.locator("svg a[aria-label^='Overvecht:']")).to_have_attribute(
        "aria-label", "Overvecht: 0 netwerken"
    )

    # The map opens the district, keeping the theme; the district is marked on the map.
    open_west_on_the_map(page)
    expect(page).to_have_url(re.compile(rf"thema={play.pk}"))
    expect(page.locator("svg a[aria-current=true]")).to_have_attribute(
        "aria-label", re.compile("^West:")
    )

    # The network's page with its published good practice, and nothing unpublished.
    follow(page, page.locator(f"main article a:text-is('{world.play.name}')"))
    expect(page.locator("h1")).to_have_text(world.play.name)
    good_practice = page.locator("section[aria-labelledby=goede-praktijk]")
    expect(good_practice).to_contain_text(world.play_published.title)
    expect(page.locator("main")).not_to_contain_text(SECRET)

    # From its focus area to the themes page, where the theme lists the network and its result.
    follow(page, page.locator(f"main a[href$='#thema-{play.pk}']"))
    theme = page.locator(f"section[aria-labelledby=thema-{play.pk}]")
    expect(theme).to_contain_text(world.play.name)
    expect(theme).to_contain_text(world.play_published.title)
    expect(page.locator("main")).to_contain_text(world.own.name)
    expect(page.locator("main")).not_to_contain_text(SECRET)

    # The good practice of the whole region, from the site's own menu.
    follow(page, page.locator("main nav a[href='/goede-praktijk/utrecht/']"))
    expect(page.locator("main")).to_contain_text(world.published.title)
    expect(page.locator("main")).not_to_contain_text(SECRET)

    # Without JavaScript: the filters and the map are plain forms and links.
    plain = fresh_page(java_script_enabled=False)
    filter_by_theme(plain, play)
    open_west_on_the_map(plain)
    expect(plain.locator("#netwerken ~ section article")).to_have_count(1)
