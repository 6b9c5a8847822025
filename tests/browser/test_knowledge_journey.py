"""A visitor finds an organisation's knowledge offer and an expert and writes to both, without
seeing their addresses; a facilitator asks the expert for an agenda item, the expert accepts on
her own page and the meeting's agenda then names her (issue 15)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from lerendnetwerk.knowledge import services
from lerendnetwerk.knowledge.models import ExpertRequest
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.themes.models import FocusArea
from tests.browser.helpers import assert_catalogue_loaded, follow, log_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OFFER = "Interactief voorlezen met peuters"
CONTACT = "petra.peuter@example.org"


def submit(page: Page) -> None:
    follow(page, page.locator("main form[method=post] button[type=submit]"))


def write(page: Page, message: str) -> None:
    form = page.locator("main form[method=post]")
    form.locator("input[name=name]").fill("Kim Leerkracht")
    form.locator("input[name=email]").fill("kim@example.org")
    form.locator("textarea[name=message]").fill(message)
    submit(page)
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()


def test_a_visitor_finds_offer_and_expert_and_the_expert_accepts_an_agenda_item(
    page, fresh_page, network, facilitator, participant, manager, expert, utrecht
):
    assert_catalogue_loaded()
    language = FocusArea.objects.get(
        title="Taalontwikkeling en woordenschat", chapter__framework__region__isnull=True
    )
    services.offer_create(
        organisation=manager.organisation,
        created_by=manager,
        title=OFFER,
        description="Kom een ochtend meekijken hoe wij voorlezen in kleine groepjes.",
        focus_areas=[language],
        contact_name="Petra Peuter",
        contact_role="Pedagogisch coach",
        contact_email=CONTACT,
        show_contact_email=False,
        status="published",
    )
    profile = services.expert_profile_save(
        user=expert,
        expertise="Taalontwikkeling jonge kind en interactief voorlezen",
        institute="Hogeschool Utrecht",
        focus_areas=[language],
        regions=[utrecht],
        availability="Dinsdagmiddag",
        how_to_ask="Vier weken vooraf",
        is_public=True,
    )
    starts = timezone.now().replace(microsecond=0) + timedelta(days=14)
    meeting = meeting_services.meeting_schedule(
        network=network,
        title="Voorlezen in de doorgaande lijn",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Wijkcentrum De Dreef, Utrecht",
        created_by=facilitator,
    )
    item = meeting_services.agenda_item_add(
        meeting=meeting, title="Input over voorlezen", duration_minutes=30, lead="facilitator"
    )
    mail.outbox.clear()

    # The visitor: from the district overview to the offer on language, and a message.
    visitor = fresh_page()
    visit(visitor, "/wijkoverzicht/utrecht/")
    follow(visitor, visitor.locator("main a[href='/kennisaanbod/utrecht/']"))
    visitor.locator("select[name=thema]").select_option(str(language.pk))
    follow(visitor, visitor.locator("main form[method=get] button[type=submit]"))
    follow(visitor, visitor.get_by_role("link", name=OFFER))
    expect(visitor.locator("main")).to_contain_text("Petra Peuter")
    expect(visitor.locator("main")).not_to_contain_text(CONTACT)
    follow(visitor, visitor.get_by_role("link", name="Stuur Petra Peuter een bericht"))
    write(visitor, "Mogen wij een ochtend komen kijken?")
    assert [m.to for m in mail.outbox] == [[CONTACT]]

    # ... and an expert on the same focus area.
    follow(visitor, visitor.get_by_role("link", name="Terug naar het kennisaanbod"))
    follow(visitor, visitor.locator("main nav a[href='/experts/utrecht/']"))
    follow(visitor, visitor.get_by_role("link", name="Eva Expert"))
    expect(visitor.locator("main")).not_to_contain_text(expert.email)
    follow(visitor, visitor.locator(f"main a[href='/experts/utrecht/{profile.pk}/contact/']"))
    write(visitor, "Geeft u ook lezingen voor ouders?")
    assert mail.outbox[-1].to == [expert.email]

    # The facilitator asks her for an item of the meeting's agenda.
    log_in(page, facilitator.email)
    visit(page, f"/bijeenkomsten/{meeting.pk}/")
    ask = f"/bijeenkomsten/{meeting.pk}/agenda/{item.pk}/expert/"
    follow(page, page.locator(f"main a[href='{ask}']"))
    expect(page.locator("main [role=note]")).to_contain_text("Toolkit Netwerkleren")
    page.locator(f"input[name=expert][value='{expert.pk}']").check()
    page.locator("textarea[name=message]").fill("Wil je ons laten oefenen met open vragen?")
    submit(page)
    expect(page).to_have_url(re.compile(rf"/bijeenkomsten/{meeting.pk}/$"))
    asked = ExpertRequest.objects.get()
    assert mail.outbox[-1].to == [expert.email]

    # She finds the request on her page and accepts.
    own = fresh_page()
    log_in(own, expert.email)
    follow(own, own.locator("main a[href='/mijn-expertise/']"))
    follow(own, own.locator(f"main a[href='/mijn-expertise/verzoeken/{asked.pk}/']"))
    own.locator("input[name=answer][value=accept]").check()
    own.locator("textarea[name=note]").fill("Ik neem twee prentenboeken mee.")
    submit(own)
    expect(own.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
    assert mail.outbox[-1].to == [facilitator.email]

    # The agenda names her.
    visit(page, f"/bijeenkomsten/{meeting.pk}/")
    expect(page.locator("#agenda-heading + ol")).to_contain_text("Eva Expert (expert)")
