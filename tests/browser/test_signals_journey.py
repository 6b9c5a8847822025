"""The facilitator sees a signal on the network page, reads the Handbook's tip, puts a suggested
work form on the next meeting's agenda, and once that meeting is held and recorded the signal
clears (issue 12). Without JavaScript: every step is a link or a form."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core import pagecache
from lerendnetwerk.meetings.models import AgendaItem, Meeting
from lerendnetwerk.networks.tests.test_services_phases import record_all_prerequisites
from lerendnetwerk.signals.models import Signal
from lerendnetwerk.signals.services import signals_compute
from lerendnetwerk.signals.tests.scenarios import meeting
from tests.browser.helpers import assert_catalogue_loaded, follow, log_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PITFALL = "Te veel vergadersfeer?"
NEXT = "Samen aan de slag"


def test_facilitator_acts_on_a_signal_and_it_clears(
    fresh_page, network, facilitator, participant, manager
):
    assert_catalogue_loaded()
    record_all_prerequisites(network, facilitator, manager)
    network.current_cycle.phase = "exploration"
    network.current_cycle.save()
    # Three meetings that mostly talked: 20 of 140 agenda minutes went to a work form. The rule
    # reads the last three held meetings with an agenda, so one more meeting with a 30-minute
    # work form brings the share to 50 of 110 minutes, above the threshold of 40%.
    meeting(network, facilitator, days=-42, items=((60, ""),), member=participant)
    meeting(network, facilitator, days=-28, items=((30, ""),), member=participant)
    meeting(
        network, facilitator, days=-14, items=((20, "levend-domino"), (30, "")), member=participant
    )
    upcoming = meeting(network, facilitator, days=1, title=NEXT)
    signals_compute(network_ids=[network.pk])
    assert list(Signal.objects.current().values_list("rule", flat=True)) == ["meeting_atmosphere"]
    tip = Entry.objects.get(slug="te-veel-vergadersfeer").summary
    base = f"/netwerken/{network.slug}/"

    page = fresh_page(java_script_enabled=False)
    log_in(page, facilitator.email)
    visit(page, base)
    panel = page.locator("main section[aria-labelledby=health-heading]")
    expect(panel).to_contain_text(PITFALL)
    expect(panel).to_contain_text("Alarm")
    expect(panel).to_contain_text(re.compile(r"140\D+3\D+20"))

    # The signal's page: the tip in the Handbook's words and the work forms that help.
    follow(page, panel.locator(f"a[href='{base}signalen/']"))
    signal = page.locator("main article.ln-signal").filter(has_text=PITFALL)
    expect(signal).to_contain_text(tip)
    expect(signal.locator("a", has_text="Worldcafé")).to_have_attribute(
        "href", re.compile(r"/handreiking/[^/]+/worldcafe/$")
    )
    expect(page.locator("main nav a[aria-current=page]")).to_have_text("Signalen")

    # Acknowledging needs a note: refused, and the page says what to do. (In a page with
    # JavaScript: the axe check of a page without it reloads the URL, and this one is a POST.)
    other = fresh_page()
    log_in(other, facilitator.email)
    visit(other, f"{base}signalen/")
    follow(other, other.locator("main form[action$='/gezien/'] button[type=submit]"))
    note = other.locator("main textarea[name$='-note']")
    expect(note).to_have_attribute("aria-invalid", "true")
    expect(other.locator("main")).to_contain_text("Zeg in een paar woorden wat je eraan doet.")
    assert not Signal.objects.get().is_acknowledged

    # Worldcafé goes on the agenda of the next meeting.
    signal = page.locator("main article.ln-signal").filter(has_text=PITFALL)
    follow(page, signal.get_by_role("button", name=re.compile(r"Zet “Worldcafé” op de agenda")))
    expect(page).to_have_url(re.compile(rf"/bijeenkomsten/{upcoming.pk}/agenda/$"))
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_contain_text("Worldcafé")
    expect(page.locator("main ol.utrecht-ordered-list > li")).to_contain_text(["Worldcafé"])
    item = AgendaItem.objects.get(meeting=upcoming)
    assert (item.entry.slug if item.entry else "", item.duration_minutes) == ("worldcafe", 30)

    # Until the meeting is held the signal stays, and its page shows what was planned.
    visit(page, f"{base}signalen/")
    expect(page.locator("main article.ln-signal")).to_contain_text(f"Op de agenda van “{NEXT}”.")

    # The meeting takes place; the facilitator records it.
    now = timezone.now()
    Meeting.objects.filter(pk=upcoming.pk).update(
        starts_at=now - timedelta(hours=3), ends_at=now - timedelta(hours=1)
    )
    pagecache.changed(upcoming)  # a bulk update sends no signal (core/pagecache.py)
    visit(page, f"/bijeenkomsten/{upcoming.pk}/aanwezigheid/")
    page.locator(f"main input[name=present][value='{participant.pk}']").check()
    follow(page, page.locator("main form[method=post] button[type=submit]"))
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()

    # The signal has cleared: the network is healthy again.
    visit(page, base)
    panel = page.locator("main section[aria-labelledby=health-heading]")
    expect(panel).not_to_contain_text(PITFALL)
    expect(panel).to_contain_text("Geen signalen")
    assert Signal.objects.current().count() == 0
    assert Signal.objects.get().cleared_at is not None
