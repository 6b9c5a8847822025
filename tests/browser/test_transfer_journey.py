"""The facilitator writes the presentation plan for a member organisation (with work forms from
the catalogue; a presentation marked as held before its date is refused and keeps what was
typed) and proposes an anchoring agreement; the organisation's manager gets an e-mail, logs in,
follows its link and confirms the agreement; the state shows on the network's tab. Every page is
checked with axe and for sideways scrolling, on a desktop and on a 360 px phone."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from lerendnetwerk.transfer.models import AnchoringAgreement, TransferPlan
from tests.browser.helpers import assert_catalogue_loaded, follow, log_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def submit(page: Page) -> None:
    follow(page, page.locator("main form[method=post][novalidate] button[type=submit]").first)


def test_a_plan_and_an_agreement_confirmed_by_the_manager(
    page, fresh_page, live_server, settings, network, facilitator, manager
):
    assert_catalogue_loaded()
    settings.SITE_URL = live_server.url
    school = manager.organisation
    network.organisations.add(school)
    base = f"/netwerken/{network.slug}/doorgeven-en-borgen/"
    today = timezone.localdate()

    # The facilitator opens the tab and the organisation's page.
    log_in(page, facilitator.email)
    visit(page, base)
    follow(page, page.locator(f"main a[href='{base}{school.pk}/']"))
    follow(page, page.locator(f"main a[href='{base}{school.pk}/plan/']"))

    # Held in the future: refused, and what was typed stays.
    page.locator("input[name=presentation_on]").fill((today + timedelta(days=7)).isoformat())
    page.locator("select[name=work_forms]").select_option(label="Leerestafette")
    page.locator("textarea[name=expected_resistance]").fill("Weer iets erbij")
    page.locator("input[name=presentation_held]").check()
    submit(page)
    expect(page.locator("main")).to_contain_text("De presentatie moet nog komen")
    expect(page.locator("textarea[name=expected_resistance]")).to_have_value("Weer iets erbij")
    page.locator("input[name=presentation_held]").uncheck()
    submit(page)
    expect(page).to_have_url(re.compile(re.escape(f"{base}{school.pk}/") + "$"))
    expect(page.locator("main")).to_contain_text("Presentatie in het team gepland op")
    plan = TransferPlan.objects.get()
    assert [e.slug for e in plan.work_forms.all()] == ["leerestafette"]

    # The facilitator proposes an agreement; the manager gets an e-mail.
    follow(page, page.locator(f"main a[href='{base}{school.pk}/borging/nieuw/']"))
    page.locator("textarea[name=practice]").fill("De kijkwijzer bij elke overdracht")
    page.locator("input[name=owner]").fill("Intern begeleider")
    page.locator("input[name=due_on]").fill((today + timedelta(days=60)).isoformat())
    page.locator("input[name=in_professionalisation_plan][value=planned]").check()
    submit(page)
    expect(page.locator("main")).to_contain_text("Voorgesteld")
    assert [m.to for m in mail.outbox] == [[manager.email]]
    link = re.search(r"http\S+", str(mail.outbox[0].body))
    assert link is not None

    # The manager logs in, follows the link and confirms.
    boss = fresh_page()
    log_in(boss, manager.email)
    visit(boss, link.group(0))
    expect(boss.locator("main")).not_to_contain_text("Weer iets erbij")
    follow(boss, boss.locator("main button[name=decision][value=confirm]"))
    expect(boss.locator("main")).to_contain_text("Je hebt de afspraak bevestigd.")
    expect(boss.locator("main .ln-state--done")).to_have_text("Bevestigd")
    assert AnchoringAgreement.objects.get().state == AnchoringAgreement.State.CONFIRMED

    # The facilitator sees the state on the tab.
    visit(page, base)
    expect(page.locator("main .ln-state--done")).to_have_text("Bevestigd")
