"""Members propose three themes, post and rate ideas and vote with stickers; the facilitator
closes the round and adopts the winner; members write their personal challenge and agree to the
contract. Every page is checked with axe (WCAG 2.1 AA) and for reflow at the screen's width."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from lerendnetwerk.core.tests.factories import UserFactory, add_member
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.networks.models import Cycle
from lerendnetwerk.themes.models import AgreementAcknowledgement, PersonalChallenge
from tests.browser.helpers import assert_catalogue_loaded, check_page, follow, log_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def submit(page: Page, form: str = "main form[method=post]") -> None:
    follow(page, page.locator(f"{form} button[type=submit]").first)


def in_place(page: Page, button: Locator, changed: Locator) -> None:
    """Press a button that htmx handles: the page stays, part of it changes, checks still hold."""
    url = page.url
    button.click()
    expect(changed).to_be_visible()
    assert page.url == url
    check_page(page)


def propose(page: Page, base: str, title: str, why: str) -> None:
    visit(page, f"{base}voorstellen/nieuw/")
    page.locator("input[name=title]").fill(title)
    page.locator("textarea[name=why]").fill(why)
    page.locator("select[name=focus_area]").select_option(index=1)
    submit(page)
    expect(page).to_have_url(re.compile(re.escape(base) + "$"))


def test_choosing_a_theme_together(
    fresh_page, page, live_server, network, facilitator, participant
):
    assert_catalogue_loaded()
    colleague = add_member(network, UserFactory.create(name="Carla Collega"))
    base = f"/netwerken/{network.slug}/thema/"
    lead = page
    log_in(lead, facilitator.email)
    daan = fresh_page()
    log_in(daan, participant.email)
    # Carla's browser runs no JavaScript: every step works with plain forms.
    carla = fresh_page(java_script_enabled=False)
    log_in(carla, colleague.email)

    # Proposals: a bad one keeps what was typed, then three good ones.
    visit(daan, f"{base}voorstellen/nieuw/")
    daan.locator("input[name=title]").fill("Woordenschat")
    submit(daan)
    expect(daan.locator("#id_why_error")).to_be_visible()
    expect(daan.locator("input[name=title]")).to_have_value("Woordenschat")
    daan.locator("textarea[name=why]").fill("Veel peuters missen woorden bij de overstap.")
    submit(daan)
    propose(carla, base, "Warme overdracht", "Scholen weten te weinig van de peuters.")
    propose(daan, base, "Ouders bij de overgang", "Ouders zijn onzeker over de basisschool.")

    # The idea wall: post, rate (in place, with htmx) and comment; the facilitator groups it.
    visit(carla, f"{base}ideeenmuur/")
    carla.locator("textarea[name=text]").fill("Samen voorlezen met ouders op de groep")
    submit(carla, "main form[method=post]:has(textarea[name=text]):not([action])")
    visit(daan, f"{base}ideeenmuur/")
    feasible = daan.locator("article.ln-card button[value=yes]").first
    in_place(daan, feasible, daan.locator("article.ln-card .ln-actions span").first)
    expect(daan.locator("article.ln-card button[value=yes]").first).to_be_focused()
    expect(daan.locator("#wall-status")).not_to_be_empty()
    visit(carla, f"{base}ideeenmuur/")
    card = carla.locator("article.ln-card").first
    card.locator("textarea").fill("Goed plan, dat kan bij ons ook.")
    follow(carla, card.locator("form[action$='/reactie/'] button[type=submit]"))
    visit(lead, f"{base}ideeenmuur/")
    start = lead.locator("main details.ln-wall__new")
    start.locator("summary").click()
    start.locator("input[name$='-label']").fill("Ouders")
    follow(lead, start.locator("button[type=submit]"))
    expect(lead.locator("main h3", has_text="Ouders")).to_have_count(1)
    propose(lead, base, "Spel en ontwikkeling", "Spel verbindt opvang en school.")

    # The facilitator opens a round with every proposal ticked.
    visit(lead, base)
    follow(lead, lead.locator(f"main a[href='{base}stemronde/nieuw/']"))
    expect(lead.locator("input[name=proposals]:checked")).to_have_count(4)
    submit(lead)
    vote_url = re.sub(r"^https?://[^/]+", "", lead.url)

    # Members place stickers; too many is refused and the numbers stay. With JavaScript the
    # stickers change in place; without, through the plain form.
    visit(daan, vote_url)
    numbers = daan.locator("main input[type=number]")
    expect(numbers).to_have_count(4)
    numbers.nth(0).fill("3")
    numbers.nth(1).fill("2")
    save = daan.locator("#stickers-save")
    in_place(daan, save, daan.locator("#stickers [role=alert]"))
    expect(daan.locator("main input[type=number]").nth(1)).to_have_value("2")
    daan.locator("main input[type=number]").nth(1).fill("0")
    in_place(daan, daan.locator("#stickers-save"), daan.locator("#stickers .ln-actions span"))
    expect(daan.locator("#stickers [role=alert]")).to_have_count(0)
    expect(daan.locator("main table")).to_have_count(0)  # results hidden while open
    visit(carla, vote_url)
    carla.locator("main input[type=number]").nth(0).fill("1")
    carla.locator("main input[type=number]").nth(1).fill("2")
    submit(carla, "main form[action$='/stickers/']")
    expect(carla.locator("main .utrecht-alert--ok")).to_have_count(1)

    # The facilitator closes the round, sees the ranking and adopts the winner.
    visit(lead, vote_url)
    submit(lead, "main form[action$='/sluiten/']")
    rows = lead.locator("main table tbody tr")
    expect(rows.first).to_contain_text("Woordenschat")
    follow(lead, rows.first.locator("button[type=submit]"))
    assert Cycle.objects.get(pk=network.current_cycle_id).theme == "Woordenschat"
    expect(lead.locator("main")).to_contain_text("Woordenschat")

    # A member writes a personal challenge, private unless shared.
    visit(daan, f"{base}mijn-uitdaging/")
    daan.locator("textarea[name=learning_goal]").fill("Meer nieuwe woorden in het kringgesprek")
    daan.locator("textarea[name=question]").fill("Hoe herhaal ik nieuwe woorden vaker?")
    submit(daan)
    expect(daan).to_have_url(re.compile(re.escape(base) + "leerdoelen/$"))
    assert PersonalChallenge.objects.get(member=participant).is_shared is False

    # The contract: the facilitator publishes, members agree, the facilitator sees who has not.
    visit(lead, f"{base}contract/nieuwe-versie/")
    lead.locator("textarea[name=text]").fill(
        "We laten elkaar uitpraten.\nWat hier gezegd wordt, blijft hier."
    )
    submit(lead)
    visit(daan, f"{base}contract/")
    submit(daan, "main form[action$='/akkoord/']")
    assert AgreementAcknowledgement.objects.filter(member=participant).exists()
    visit(lead, f"{base}contract/")
    expect(lead.locator("main section[aria-labelledby=pending-heading]")).to_contain_text(
        "Carla Collega"
    )

    # The remaining pages pass the same checks.
    visit(daan, f"{base}leeragenda/")
    daan.locator("input[name=text]").fill("Hoe betrekken we ouders bij voorlezen?")
    submit(daan, "main form[method=post]:not([action])")
    starts = timezone.now() + timedelta(days=7)
    meeting = meeting_services.meeting_schedule(
        network=network,
        title="Woorden in de kring",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Utrecht",
        created_by=facilitator,
    )
    visit(lead, f"{base}leeragenda/")
    follow(lead, lead.locator(f"main a[href='{base}leeragenda/bijeenkomsten/{meeting.pk}/']"))
    lead.locator("input[name=questions]").first.check()
    submit(lead)
    expect(lead.locator("main")).to_contain_text("Woorden in de kring")
    visit(lead, f"{base}leerdoelen/")
    follow(lead, lead.locator("main table a").first)  # the member's challenge, for the facilitator
    visit(lead, f"{base}leerdoelen/gezamenlijk/")
    visit(lead, f"{base}ideeenmuur/")
    follow(lead, lead.locator("main a[href$='/voorstel/']").first)
