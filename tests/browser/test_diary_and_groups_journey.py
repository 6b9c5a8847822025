"""The facilitator makes two participants buddies; one writes a private diary entry and one shared
with the buddy, who reads only the shared one. Then the facilitator plans rotating groups for four
meetings and prints the group cards (issue 5)."""

import re

import pytest
from playwright.sync_api import Page, expect

from lerendnetwerk.core.tests.factories import OrganisationFactory, UserFactory, add_member
from lerendnetwerk.groups.models import Buddy, GroupRotation, RotationGroup
from lerendnetwerk.journal.models import JournalEntry
from tests.browser.helpers import (
    assert_accessible,
    assert_catalogue_loaded,
    assert_fits_width,
    follow,
    log_in,
    main_menu,
    visit,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PRIVATE_TEXT = "Ik twijfel of ik het gesprek met de ouders goed heb aangepakt."
SHARED_TEXT = "Vandaag zag ik hoe de juf van groep 1 de kinderen in de kring ontvangt."
KINDS = ["preschool", "primary_school", "daycare", "primary_school", "preschool", "primary_school"]


def submit(page: Page) -> None:
    follow(page, page.locator("main form[method=post] button[type=submit]"))


def check_not_found(page: Page, path: str) -> None:
    """The site's own 404 page (check_page would take its title for an error, rightly)."""
    response = page.goto(path)
    assert response is not None
    assert response.status == 404, f"{path} answered {response.status}"
    expect(page).to_have_title(re.compile(r"not found|niet gevonden", re.IGNORECASE))
    expect(page.locator("main h1")).to_be_visible()
    assert_accessible(page)
    viewport = page.viewport_size
    assert viewport is not None
    assert_fits_width(page, viewport["width"])


def test_buddies_share_a_diary_entry_and_the_facilitator_plans_groups(
    page, fresh_page, network, facilitator, participant, district
):
    assert_catalogue_loaded()
    buddy = add_member(
        network,
        UserFactory.create(
            name="Bram Peuterwerk",
            organisation=OrganisationFactory.create(district=district, kind="preschool"),
        ),
    )
    for n, kind in enumerate(KINDS, start=1):
        add_member(
            network,
            UserFactory.create(
                name=f"Lid {n}",
                organisation=OrganisationFactory.create(district=district, kind=kind),
            ),
        )
    members = 9  # the facilitator, Daan, Bram and six more
    base = f"/netwerken/{network.slug}/"

    # The facilitator makes Daan and Bram buddies: the same pair number.
    log_in(page, facilitator.email)
    visit(page, base)
    follow(page, page.locator(f"main nav a[href='{base}groepen/']"))
    expect(page).to_have_url(re.compile(re.escape(base) + "groepen/$"))
    follow(page, page.locator(f"main a[href='{base}groepen/maatjes/']"))
    expect(page.locator("main select[name^=member_]")).to_have_count(members)
    page.locator(f"main select[name=member_{participant.pk}]").select_option(value="1")
    page.locator(f"main select[name=member_{buddy.pk}]").select_option(value="1")
    submit(page)
    expect(page).to_have_url(re.compile(re.escape(base) + "groepen/$"))
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
    pairs = page.locator("main section[aria-labelledby=buddies-heading] ul > li")
    expect(pairs).to_have_count(1)
    expect(pairs).to_contain_text(participant.name)
    expect(pairs).to_contain_text(buddy.name)
    [pair] = Buddy.objects.filter(network=network, ended_at__isnull=True)
    assert set(pair.members.values_list("pk", flat=True)) == {participant.pk, buddy.pk}

    # Daan writes a private entry, from his diary.
    daan = fresh_page()
    log_in(daan, participant.email)
    follow(daan, main_menu(daan).locator("a[href='/mijn-leerdagboek/']"))
    follow(daan, daan.locator("main a[href='/mijn-leerdagboek/nieuw/']"))
    expect(daan.locator("main input[name=visibility][value=private]")).to_be_checked()
    daan.locator("main textarea[name=text]").fill(PRIVATE_TEXT)
    daan.locator("main textarea[name=feel]").fill("Onzeker, maar ook nieuwsgierig.")
    submit(daan)
    expect(daan).to_have_url(re.compile(r"/leerdagboek/\d+/$"))
    expect(daan.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
    expect(daan.locator("main")).to_contain_text(PRIVATE_TEXT)
    private = JournalEntry.objects.get(author=participant, text=PRIVATE_TEXT)
    assert private.visibility == "private"

    # And one for his buddy: without a network it is refused, and the text stays.
    follow(daan, daan.locator("main a[href='/mijn-leerdagboek/']"))
    follow(daan, daan.locator("main a[href='/mijn-leerdagboek/nieuw/']"))
    daan.locator("main textarea[name=text]").fill(SHARED_TEXT)
    daan.locator("main input[name=visibility][value=buddy]").check()
    daan.locator("main select[name=network]").select_option(value="")
    submit(daan)
    expect(daan).to_have_url(re.compile(r"/mijn-leerdagboek/nieuw/$"))
    network_select = daan.locator("main select[name=network]")
    expect(network_select).to_have_attribute("aria-invalid", "true")
    expect(daan.locator(f"#{network_select.get_attribute('id')}_error")).to_contain_text(
        re.compile(r"network|netwerk", re.IGNORECASE)
    )
    expect(daan.locator("main textarea[name=text]")).to_have_value(SHARED_TEXT)
    expect(daan.locator("main input[name=visibility][value=buddy]")).to_be_checked()
    assert JournalEntry.objects.filter(author=participant).count() == 1
    network_select.select_option(value=str(network.pk))
    submit(daan)
    expect(daan).to_have_url(re.compile(r"/leerdagboek/\d+/$"))
    shared = JournalEntry.objects.get(author=participant, text=SHARED_TEXT)
    assert (shared.visibility, shared.network) == ("buddy", network)

    # His diary lists both.
    visit(daan, "/mijn-leerdagboek/")
    expect(daan.locator("main article.ln-card")).to_have_count(2)

    # Bram logs in: one entry is shared with him, the buddy entry; the private one is not there.
    bram = fresh_page()
    log_in(bram, buddy.email)
    follow(bram, main_menu(bram).locator("a[href='/mijn-leerdagboek/']"))
    follow(bram, bram.locator("main a[href='/leerdagboek/gedeeld/']"))
    expect(bram).to_have_url(re.compile(r"/leerdagboek/gedeeld/$"))
    cards = bram.locator("main article.ln-card")
    expect(cards).to_have_count(1)
    expect(cards).to_contain_text(SHARED_TEXT)
    expect(cards).to_contain_text(participant.name)
    expect(bram.locator("main")).not_to_contain_text(PRIVATE_TEXT)
    follow(bram, cards.locator(f"a[href='/leerdagboek/{shared.pk}/']"))
    expect(bram.locator("main")).to_contain_text(SHARED_TEXT)

    # The private entry's address gives the 404 page, without a word of the entry.
    check_not_found(bram, f"/leerdagboek/{private.pk}/")
    expect(bram.locator("main")).not_to_contain_text(PRIVATE_TEXT)

    # The facilitator plans groups of three for four meetings.
    visit(page, f"{base}groepen/")
    follow(page, page.locator(f"main a[href='{base}groepen/nieuw/']"))
    page.locator("main input[name=name]").fill("Tafelgroepen")
    page.locator("main input[name=group_size]").fill("3")
    page.locator("main input[name=rounds]").fill("4")
    submit(page)
    expect(page).to_have_url(re.compile(re.escape(base) + r"groepen/\d+/$"))
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
    expect(page.locator("main h1")).to_have_text("Tafelgroepen")
    rotation = GroupRotation.objects.get(network=network)
    assert rotation.group_size == 3
    assert rotation.rounds.count() == 4

    # Four rounds of three tables, everyone at one table each round.
    rounds = page.locator("main section[aria-labelledby^=round-]")
    expect(rounds).to_have_count(4)
    for number in range(4):
        tables = rounds.nth(number).locator(".ln-card")
        expect(tables).to_have_count(3)
        expect(tables.locator("li")).to_have_count(members)
    tables_in_plan = RotationGroup.objects.filter(round__rotation=rotation).count()
    assert tables_in_plan == 4 * 3

    # The group cards: one card per table, and the site's header is not printed.
    follow(page, page.locator(f"main a[href='{base}groepen/{rotation.pk}/kaarten/']"))
    expect(page).to_have_url(re.compile(re.escape(base) + rf"groepen/{rotation.pk}/kaarten/$"))
    expect(page.locator("main .ln-cards__card")).to_have_count(tables_in_plan)
    expect(page.locator("main section.ln-cards__round")).to_have_count(4)
    for number in range(4):
        expect(
            page.locator("main section.ln-cards__round").nth(number).locator(".ln-cards__card")
        ).to_have_count(3)
    expect(page.locator("header.ln-header")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("header.ln-header")).to_be_hidden()
    expect(page.locator("main .ln-noprint")).to_be_hidden()
    expect(page.locator("main .ln-cards__card").first).to_be_visible()
    assert_accessible(page)
    page.emulate_media(media="screen")
    expect(page.locator("header.ln-header")).to_be_visible()
