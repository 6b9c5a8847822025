"""Three attendees evaluate a meeting (one without their name), the facilitator sees the results;
a member writes a learning gain and shares it with their manager; members look
ahead and, after the new cycle starts, the facilitator turns their wishes into theme proposals.
Every page is checked with axe and for sideways scrolling, on a desktop and on a 360 px phone."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from lerendnetwerk.core.tests.factories import PASSWORD, UserFactory, add_member
from lerendnetwerk.evaluation.models import LearningGain
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Cycle
from lerendnetwerk.themes.models import DotVote, ThemeProposal
from tests.browser.helpers import assert_catalogue_loaded, follow, log_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def quick_log_in(page: Page, email: str) -> None:
    page.goto("/account/inloggen/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main form:has(input[name=password]) button[type=submit]").click()


def held_meeting(network, facilitator, present) -> Meeting:
    starts = timezone.now() + timedelta(days=3)
    meeting = meeting_services.meeting_schedule(
        network=network,
        title="Samen kijken in groep 1",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Utrecht",
        created_by=facilitator,
    )
    ended = timezone.now() - timedelta(days=1)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=ended - timedelta(hours=2), ends_at=ended
    )
    meeting.refresh_from_db()
    meeting_services.attendance_record(meeting=meeting, present=present)
    return meeting


def evaluate(page: Page, meeting: Meeting, rating: str, worked: str, anonymous: bool) -> None:
    visit(page, f"/bijeenkomsten/{meeting.pk}/")
    follow(page, page.locator(f"main a[href='/bijeenkomsten/{meeting.pk}/evaluatie/']"))
    follow(page, page.locator(f"main a[href='/bijeenkomsten/{meeting.pk}/evaluatie/invullen/']"))
    page.locator(f"input[name=rating][value='{rating}']").check()
    page.locator("textarea[name=what_worked]").fill(worked)
    if anonymous:
        page.locator("input[name=is_anonymous]").check()
    follow(page, page.locator("main form button[type=submit]"))


def test_evaluate_a_meeting_write_a_learning_gain_and_look_ahead(
    page, fresh_page, network, facilitator, participant, manager
):
    assert_catalogue_loaded()
    colleague = add_member(
        network, UserFactory.create(name="Collega Cora", organisation=manager.organisation)
    )
    third = add_member(network, UserFactory.create(name="Derde Dirk"))
    meeting = held_meeting(network, facilitator, [participant, colleague, third])

    # Two attendees evaluate: not enough answers to show anything yet.
    log_in(page, participant.email)
    evaluate(page, meeting, "5", "Het kijkje in de klas", anonymous=True)
    expect(page.locator("main")).to_contain_text("Nog niet genoeg antwoorden")
    dirk = fresh_page()
    quick_log_in(dirk, third.email)
    evaluate(dirk, meeting, "3", "Goede vragen", anonymous=False)

    # The third: the colleague, through "my learning gain" (the member's own list).
    cora = fresh_page()
    quick_log_in(cora, colleague.email)
    visit(cora, "/mijn-leerwinst/")
    follow(cora, cora.locator(f"main a[href='/bijeenkomsten/{meeting.pk}/evaluatie/invullen/']"))
    cora.locator("input[name=rating][value='4']").check()
    follow(cora, cora.locator("main form button[type=submit]"))

    # The facilitator sees the results: average, distribution, quotes with or without a name.
    log_in(facilitator_page := fresh_page(), facilitator.email)
    visit(facilitator_page, f"/bijeenkomsten/{meeting.pk}/evaluatie/")
    main = facilitator_page.locator("main")
    expect(main).to_contain_text("4,0 / 5")
    expect(main).to_contain_text("Het kijkje in de klas")
    expect(main.locator("li", has_text="Het kijkje in de klas")).to_contain_text("zonder naam")
    expect(main.locator("li", has_text="Goede vragen")).to_contain_text("Derde Dirk")
    visit(facilitator_page, f"/netwerken/{network.slug}/evaluatie/")

    # Cora writes a learning gain and shares it with her manager (a bad try first).
    visit(cora, f"/netwerken/{network.slug}/evaluatie/")
    follow(
        cora, cora.locator(f"main a[href='/netwerken/{network.slug}/evaluatie/leerwinst/nieuw/']")
    )
    cora.locator("input[name=level][value='team']").check()
    follow(cora, cora.locator("main form button[type=submit]"))
    expect(cora.locator("main [aria-invalid=true]")).to_have_count(1)
    cora.locator("textarea[name=text]").fill("Ons team leest nu samen voor met de peutergroep.")
    cora.locator("input[name=share_with_manager]").check()
    follow(cora, cora.locator("main form button[type=submit]"))
    expect(cora.locator("main")).to_contain_text("Gedeeld met je leidinggevende(n).")
    gain = LearningGain.objects.get()
    assert gain.share_with_manager and not gain.share_for_reporting

    # Members look ahead.
    for person_page, subject in ((cora, "Ouderbetrokkenheid"), (page, "Rekenen")):
        visit(person_page, f"/netwerken/{network.slug}/evaluatie/")
        follow(
            person_page,
            person_page.locator(
                f"main a[href='/netwerken/{network.slug}/evaluatie/kijk-vooruit/']"
            ),
        )
        person_page.locator("input[name=go_on][value='yes']").check()
        person_page.locator("input[name=composition][value='same']").check()
        person_page.locator("input[name=subject]").fill(subject)
        follow(person_page, person_page.locator("main form button[type=submit]"))
    visit(facilitator_page, f"/netwerken/{network.slug}/evaluatie/")
    expect(facilitator_page.locator("main")).to_contain_text("Ouderbetrokkenheid")

    # The doorstart, through its page: every prerequisite reconfirmed (a first try without is
    # refused and keeps what was typed), Derde Dirk does not continue.
    Cycle.objects.filter(pk=network.current_cycle_id).update(phase="anchoring")
    visit(facilitator_page, f"/netwerken/{network.slug}/doorstart/")
    doorstart = facilitator_page.locator("main form[method=post]")
    doorstart.locator("input[name=theme]").fill("")
    doorstart.get_by_label("Derde Dirk").check()
    follow(facilitator_page, doorstart.locator("button[type=submit]"))
    expect(facilitator_page.locator("main [role=alert]")).to_contain_text("randvoorwaarde")
    expect(facilitator_page.locator("main").get_by_label("Derde Dirk")).to_be_checked()
    for box in facilitator_page.locator("main input[type=checkbox][name^=still_]").all():
        box.check()
    follow(facilitator_page, facilitator_page.locator("main form[method=post] button[type=submit]"))
    network.refresh_from_db()
    assert network.current_cycle is not None and network.current_cycle.number == 2
    assert not network_selectors.is_member(network=network, user=third)

    # The facilitator turns the wishes into theme proposals, and the members vote on them.
    visit(facilitator_page, f"/netwerken/{network.slug}/evaluatie/")
    follow(
        facilitator_page,
        facilitator_page.locator(
            f"main form[action='/netwerken/{network.slug}/evaluatie/kijk-vooruit/voorstellen/'] "
            "button"
        ),
    )
    assert sorted(ThemeProposal.objects.values_list("title", flat=True)) == [
        "Ouderbetrokkenheid",
        "Rekenen",
    ]
    expect(facilitator_page.locator("main")).to_contain_text("Ouderbetrokkenheid")
    visit(facilitator_page, f"/netwerken/{network.slug}/thema/stemronde/nieuw/")
    expect(facilitator_page.locator("input[name=proposals]:checked")).to_have_count(2)
    follow(facilitator_page, facilitator_page.locator("main form[method=post] button[type=submit]"))
    expect(facilitator_page.locator("main")).to_contain_text("Rekenen")
    assert DotVote.objects.get().cycle_id == network.current_cycle_id
