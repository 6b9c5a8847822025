"""Each person's own page shows what to do now. A participant sees their next meeting with their
table and buddy, answers it from the page and follows the open dot vote; a facilitator sees
what needs them: answers still missing, attendance to record and an open Netwerkbarometer
round. Every page is checked with axe, for sideways scrolling and for words broken in headings
and table cells (issue 17)."""

import re

import pytest
from playwright.sync_api import expect

from lerendnetwerk.core.tests.factories import UserFactory, add_member
from lerendnetwerk.groups import services as group_services
from lerendnetwerk.meetings.models import Rsvp
from lerendnetwerk.pages.tests.test_dashboard import _meeting, _round, _start, _table, _vote
from lerendnetwerk.themes import services as theme_services
from tests.browser.helpers import assert_catalogue_loaded, follow, log_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def team(network, facilitator, participant):
    return [
        add_member(network, UserFactory.create(name=name))
        for name in ("Anna Tafelgenoot", "Bram Maatje", "Cees Anderetafel")
    ]


def test_a_participant_answers_and_votes_from_their_page(
    page, network, facilitator, participant, team
):
    assert_catalogue_loaded()
    anna, bram, cees = team
    cycle = _start(network)
    meeting = _meeting(network, facilitator, "Praktijkvragen over de overstap")
    _table(meeting, [participant, anna], [bram, cees, facilitator])
    group_services.buddies_set(network=network, pairs=[[participant, bram], [anna, cees]])
    question = theme_services.learning_question_propose(
        cycle=cycle, text="Hoe vertellen we ouders over de overstap?", proposed_by=anna
    )
    theme_services.learning_questions_mark_worked_on(meeting=meeting, questions=[question])
    vote = _vote(network, facilitator, [anna, bram])
    _round(network)

    log_in(page, participant.email)
    visit(page, "/mijn-pagina/")
    main = page.locator("main")
    waiting = main.locator("section[aria-labelledby=waiting-heading]")
    expect(waiting).to_contain_text("Kom je naar “Praktijkvragen over de overstap”")
    expect(waiting).to_contain_text("kiest een thema met gewichten plakken")
    expect(waiting).to_contain_text("De Netwerkbarometer van LN Overvecht staat open")
    card = main.locator(f"#meeting-{meeting.pk}")
    expect(card).to_contain_text("Je tafel: tafel 1 met Anna Tafelgenoot")
    expect(card).not_to_contain_text("Cees Anderetafel")
    expect(card).to_contain_text("Je maatje: Bram Maatje")
    expect(card).to_contain_text("Hoe vertellen we ouders over de overstap?")

    # The answer from the page itself, and back to it.
    follow(page, card.get_by_role("button", name=re.compile("^Ik kom")))
    expect(page).to_have_url(re.compile(r"/mijn-pagina/$"))
    expect(page.locator("[role=status]")).to_contain_text("je antwoord is opgeslagen")
    card = page.locator(f"#meeting-{meeting.pk}")
    expect(card).to_contain_text("Je antwoord: Aangemeld")
    expect(card.get_by_role("button", name=re.compile("^Ik kom"))).to_have_count(0)
    assert Rsvp.objects.get(meeting=meeting, user=participant).answer == "accepted"
    expect(page.locator("section[aria-labelledby=waiting-heading]")).not_to_contain_text(
        "Kom je naar"
    )

    # The open vote, one click away.
    follow(
        page,
        page.locator(
            f"section[aria-labelledby=waiting-heading] "
            f"a[href='/netwerken/{network.slug}/thema/stemronde/{vote.pk}/']"  # type: ignore[attr-defined]
        ),
    )
    expect(page.locator("main h1")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Buiten spelen")


def test_a_facilitator_sees_what_needs_them(page, network, facilitator, participant, team):
    assert_catalogue_loaded()
    _start(network)
    held = _meeting(network, facilitator, "Kennismaken", in_days=-7)
    _meeting(network, facilitator, "Praktijkvragen over de overstap")
    _round(network)

    log_in(page, facilitator.email)
    visit(page, "/mijn-pagina/")
    section = page.locator("main section[aria-labelledby=facilitator-heading]")
    expect(section.locator("h3")).to_have_text("LN Overvecht")
    expect(section).to_contain_text(
        "5 leden hebben nog niet geantwoord voor “Praktijkvragen over de overstap”"
    )
    expect(section).to_contain_text("Leg vast wie er was bij “Kennismaken”")
    expect(section).to_contain_text("De Netwerkbarometer staat open tot en met")

    follow(page, section.locator(f"a[href='/bijeenkomsten/{held.pk}/aanwezigheid/']"))
    expect(page.locator("main h1")).to_have_text("Aanwezigheid en verslag")
    expect(page.locator("main")).to_contain_text("Kennismaken")
