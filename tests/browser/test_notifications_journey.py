"""A participant chooses to hear of new dot votes in the daily overview; the facilitator opens a
round; the participant gets no e-mail now but finds it under "Meldingen" in the header, follows
it to the vote and marks everything read. Every page is checked with axe and for reflow."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from lerendnetwerk.networks.models import Cycle
from lerendnetwerk.notifications.models import Notification
from lerendnetwerk.themes import services as theme_services
from lerendnetwerk.themes.notifications import DOT_VOTE_OPENED
from tests.browser.helpers import check_page, follow, log_in, main_menu, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_dot_vote_in_the_daily_overview_shows_in_the_list(
    fresh_page, page, network, facilitator, participant
):
    cycle = Cycle.objects.get(pk=network.current_cycle_id)
    for title in ("Woordenschat", "Warme overdracht"):
        theme_services.theme_proposal_create(
            cycle=cycle, title=title, why="Dit zien we elke dag.", proposed_by=facilitator
        )
    daan = page
    log_in(daan, participant.email)

    # From the profile to the preferences: the dot vote in the daily overview.
    visit(daan, "/account/profiel/")
    follow(daan, daan.locator("main a", has_text="Kies hoe je je meldingen krijgt"))
    choice = daan.locator(f"input[name='{DOT_VOTE_OPENED}'][value=daily]")
    choice.check()
    follow(daan, daan.locator("main form[method=post] button[type=submit]"))
    expect(daan.locator(".utrecht-alert")).to_contain_text("opgeslagen")
    expect(daan.locator(f"input[name='{DOT_VOTE_OPENED}'][value=daily]")).to_be_checked()

    # The facilitator opens a round with both proposals.
    lead = fresh_page()
    log_in(lead, facilitator.email)
    base = f"/netwerken/{network.slug}/thema/"
    visit(lead, f"{base}stemronde/nieuw/")
    follow(lead, lead.locator("main form[method=post] button[type=submit]").first)
    expect(lead).to_have_url(re.compile(r"/stemronde/\d+/$"))
    assert participant.email not in {m.to[0] for m in mail.outbox}
    assert Notification.objects.get(user=participant).emailed_at is None  # waits for the digest

    # The participant finds it through the header and follows it to the vote.
    visit(daan, "/")
    follow(daan, main_menu(daan).locator("a", has_text="Meldingen (1"))
    item = daan.locator("main li", has_text="Er is een stemronde geopend in LN Overvecht")
    expect(item).to_contain_text("Nieuw:")
    follow(daan, daan.locator("main form button", has_text="Alles als gelezen markeren"))
    expect(daan.locator("main li", has_text="Nieuw:")).to_have_count(0)
    follow(daan, daan.locator("main a", has_text="Er is een stemronde geopend"))
    expect(daan).to_have_url(re.compile(r"/stemronde/\d+/$"))
    check_page(daan)
