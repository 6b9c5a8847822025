"""Long lists come a page at a time: a participant pages through a searched diary and a
facilitator through the network's earlier meetings, by plain links that keep the search
(issue 7). Every page is checked with axe and at the screen's width."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from lerendnetwerk.journal import services as journal_services
from lerendnetwerk.meetings.models import Meeting
from tests.browser.helpers import follow, log_in, path_of, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_participant_pages_through_a_searched_diary(page, participant):
    for day in range(25):
        journal_services.journal_entry_write(
            author=participant,
            text=f"Over taal in de kring, notitie {day:02}",
            written_on=date(2026, 10, 1) + timedelta(days=day),
        )
    log_in(page, participant.email)
    visit(page, "/mijn-leerdagboek/?q=taal")
    entries = page.locator("main article")
    expect(entries).to_have_count(20)
    pages = page.get_by_role("navigation", name="Pagina's van mijn leerdagboek")
    expect(pages.locator("[aria-current=page]")).to_contain_text("1")

    follow(page, pages.get_by_role("link", name="Volgende"))
    assert path_of(page) == "/mijn-leerdagboek/"
    assert "q=taal" in page.url and "pagina=2" in page.url
    expect(entries).to_have_count(5)
    expect(page.locator("main")).to_contain_text("notitie 00")

    follow(page, pages.get_by_role("link", name="Vorige"))
    expect(entries).to_have_count(20)
    expect(page.locator("main")).to_contain_text("notitie 24")


def test_a_facilitator_pages_through_earlier_meetings(page, network, facilitator):
    held = timezone.now().replace(microsecond=0) - timedelta(days=200)
    for week in range(12):
        Meeting.objects.create(
            network=network,
            cycle=network.current_cycle,
            title=f"Bijeenkomst week {week:02}",
            starts_at=held + timedelta(weeks=week),
            ends_at=held + timedelta(weeks=week, hours=2),
        )
    log_in(page, facilitator.email)
    visit(page, f"/netwerken/{network.slug}/bijeenkomsten/")
    rows = page.locator("main section[aria-labelledby=earlier-heading] tbody tr")
    expect(rows).to_have_count(10)
    expect(rows.first).to_contain_text("Bijeenkomst week 11")

    pages = page.get_by_role("navigation", name="Pagina's met eerdere bijeenkomsten")
    follow(page, pages.get_by_role("link", name="Pagina 2"))
    expect(rows).to_have_count(2)
    expect(rows.last).to_contain_text("Bijeenkomst week 00")
