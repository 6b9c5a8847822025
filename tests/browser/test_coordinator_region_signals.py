"""The coordinator looks at the health of the region's networks, filters them by a signal and
switches the weekly e-mail off; without JavaScript, on a desktop and on a phone."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core.tests.factories import NetworkFactory, UserFactory
from lerendnetwerk.meetings.models import Meeting, Rsvp
from lerendnetwerk.signals.models import DigestPreference, Severity, Signal
from lerendnetwerk.signals.rulebook import RULES
from tests.browser.helpers import assert_catalogue_loaded, follow, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_coordinator_filters_the_region_by_signal(
    fresh_page, coordinator, network, participant, district, utrecht
):
    assert_catalogue_loaded()
    quiet = NetworkFactory.create(name="LN Rustig", district=utrecht.districts.get(slug="zuid"))
    # Meetings first: saving one recomputes the network's signals (after the commit).
    for weeks, attended in ((3, 5), (2, 4), (1, 2)):
        starts = timezone.now() - timedelta(weeks=weeks)
        meeting = Meeting.objects.create(
            network=network,
            cycle=network.cycles.get(),
            title="Bijeenkomst",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            attendance_recorded_at=starts + timedelta(hours=2),
        )
        Rsvp.objects.bulk_create(
            Rsvp(meeting=meeting, user=UserFactory.create(), attended=i < attended)
            for i in range(6)
        )
    Signal.objects.create(
        network=network,
        rule="cancellations",
        entry=Entry.objects.get(slug=RULES["cancellations"].pitfall),
        severity=Severity.ALERT,
        since=timezone.localdate(),
        facts={"n": 3, "declined": 5, "invited": 9, "no_shows": 0, "repeated": 1},
        private={"repeated_declines": [participant.name]},
    )
    Signal.objects.create(
        network=quiet,
        rule="too_little_time",
        entry=Entry.objects.get(slug=RULES["too_little_time"].pitfall),
        severity=Severity.INFO,
        since=timezone.localdate(),
    )

    page = fresh_page(java_script_enabled=False)
    log_in(page, coordinator.email)
    # What waits for the coordinator comes first on their page, with the way to the signals.
    waiting = page.get_by_role("region", name="Wat op je wacht")
    expect(waiting).to_contain_text("1 netwerk in je regio heeft een waarschuwing of alarm")
    follow(page, waiting.locator("a[href='/coordinatie/signalen/']"))
    expect(page.locator("h1")).to_have_text("Signalen in de regio")
    table = page.locator("main table")
    expect(table.locator("tbody tr")).to_have_count(2)
    # Most severe first; the trend is an image named by its title, the numbers in its description.
    expect(table.locator("tbody tr").first).to_contain_text("LN Overvecht")
    trend = table.locator("svg[role=img]")
    expect(trend).to_have_count(1)
    expect(trend.locator("desc")).to_contain_text("33%")
    expect(page.locator("main")).not_to_contain_text(participant.name)

    # Filter by the signal "deelnemers zeggen af": only the network with it stays.
    page.locator("select[name=signaal]").select_option(value="cancellations")
    follow(page, page.locator("main form[method=get] button[type=submit]"))
    expect(page).to_have_url(re.compile(r"signaal=cancellations"))
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(table.locator("tbody tr")).to_contain_text("LN Overvecht")

    # Sorting by name keeps the filter.
    follow(page, table.locator("thead a", has_text="Netwerk"))
    expect(page).to_have_url(re.compile(r"signaal=cancellations.*sort=name|sort=name.*signaal"))
    expect(table.locator("th[aria-sort=ascending]")).to_have_text("Netwerk")
    expect(table.locator("tbody tr")).to_have_count(1)

    # The weekly e-mail: switched off.
    follow(page, page.locator("main a[href='/mijn-pagina/signalen-overzicht/']"))
    page.locator("input[name=weekly]").uncheck()
    follow(page, page.locator("main form[method=post] button[type=submit]"))
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
    assert DigestPreference.objects.get(user=coordinator).weekly is False
