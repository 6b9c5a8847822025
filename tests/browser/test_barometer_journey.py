"""The facilitator opens a round, six members answer (one without JavaScript, one forgetting a
statement), the round closes, and the facilitator, a member and the coordinator see the charts.
Every page is checked with axe and for sideways scrolling, on a desktop and on a 360 px phone."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from lerendnetwerk.barometer.models import BarometerRound, Participation, Response, SealedResponse
from lerendnetwerk.core.tests.factories import PASSWORD, UserFactory, add_member
from tests.browser.helpers import (
    assert_catalogue_loaded,
    follow,
    give_code,
    log_in,
    prepare_second_factor,
    visit,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def quick_log_in(page: Page, email: str) -> None:
    """Log in without checking the login page again (the first person did)."""
    user = prepare_second_factor(email)
    page.goto("/account/inloggen/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main form:has(input[name=password]) button[type=submit]").click()
    if user is not None:
        give_code(page, user, check=False)


def answer_everything(page: Page, value: str = "4", skip: int | None = None) -> None:
    fieldsets = page.locator("main form fieldset")
    for index in range(fieldsets.count()):
        if index != skip:
            fieldsets.nth(index).locator(f"input[type=radio][value='{value}']").check()


def test_a_round_from_opening_to_the_charts(
    page, fresh_page, live_server, settings, network, facilitator, participant, coordinator
):
    assert_catalogue_loaded()
    settings.SITE_URL = live_server.url
    others = [add_member(network, UserFactory.create()) for _ in range(4)]
    base = f"/netwerken/{network.slug}/netwerkbarometer/"

    # The facilitator opens a round.
    log_in(page, facilitator.email)
    visit(page, base)
    follow(page, page.locator(f"main a[href='{base}nieuw/']"))
    closes_on = timezone.localdate() + timedelta(days=7)
    page.locator("input[name=closes_on]").fill(closes_on.isoformat())
    follow(page, page.locator("main form button[type=submit]"))
    expect(page).to_have_url(re.compile(re.escape(base) + "$"))
    barometer_round = BarometerRound.objects.get()
    answer_url = f"{base}{barometer_round.pk}/invullen/"

    # The participant forgets one statement: the page says which, and keeps the rest.
    member_page = fresh_page()
    quick_log_in(member_page, participant.email)
    visit(member_page, answer_url)
    answer_everything(member_page, skip=2)
    member_page.locator("main textarea").first.fill("We leren echt van elkaar.")
    follow(member_page, member_page.locator("main form button[type=submit]"))
    expect(member_page.locator("main fieldset[aria-describedby]")).to_have_count(1)
    expect(member_page.locator("main input[type=radio]:checked")).to_have_count(
        member_page.locator("main fieldset").count() - 1
    )
    expect(member_page.locator("main textarea").first).to_have_value("We leren echt van elkaar.")
    answer_everything(member_page)
    follow(member_page, member_page.locator("main form button[type=submit]"))
    expect(member_page).to_have_url(re.compile(re.escape(base) + "$"))

    # One member answers without JavaScript; the others and the facilitator answer too.
    no_js = fresh_page(java_script_enabled=False)
    quick_log_in(no_js, others[0].email)
    no_js.goto(answer_url)
    answer_everything(no_js, value="2")
    with no_js.expect_navigation():
        no_js.locator("main form button[type=submit]").click()
    for person in [*others[1:], facilitator]:
        other_page = page if person == facilitator else fresh_page()
        if person != facilitator:
            quick_log_in(other_page, person.email)
        other_page.goto(answer_url)
        answer_everything(other_page, value="5")
        with other_page.expect_navigation():
            other_page.locator("main form button[type=submit]").click()
    # Sealed until the round closes: nothing readable yet.
    assert Participation.objects.filter(round=barometer_round).count() == 6
    assert SealedResponse.objects.filter(round=barometer_round).count() == 6
    assert not Response.objects.filter(round=barometer_round).exists()

    # Before closing nothing is shown; then the facilitator closes the round.
    results_url = f"{base}{barometer_round.pk}/uitslag/"
    visit(page, results_url)
    expect(page.locator("#not-shown")).to_be_visible()
    expect(page.locator("main svg[role=img]")).to_have_count(0)
    visit(page, base)
    follow(page, page.locator(f"main a[href='{base}{barometer_round.pk}/sluiten/']"))
    follow(page, page.locator("main form button[type=submit]"))
    assert Response.objects.filter(round=barometer_round).count() == 6
    assert not SealedResponse.objects.filter(round=barometer_round).exists()

    # The charts, for the facilitator, the print view, a member and the coordinator.
    visit(page, results_url)
    expect(page.locator("main svg[role=img]")).to_have_count(5)  # the overview, 4 dimensions
    expect(page.locator("main .ln-open-answers li")).to_contain_text(["We leren echt van elkaar."])
    visit(page, f"{results_url}afdrukken/")
    visit(member_page, results_url)
    visit(member_page, "/mijn-netwerkbarometer/")
    coordinator_page = fresh_page()
    quick_log_in(coordinator_page, coordinator.email)
    visit(coordinator_page, "/coordinatie/netwerkbarometer/")
    expect(coordinator_page.locator("main table").first).to_contain_text(network.name)
