"""Phase guidance: each question's state follows what the network really did."""

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry, Phase
from lerendnetwerk.core.tests.factories import add_member
from lerendnetwerk.groups.services import buddies_set
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import AgendaItem, Meeting
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.networks.models import Network
from lerendnetwerk.networks.tests.test_services_phases import record_all_prerequisites
from lerendnetwerk.signals.selectors.guidance import (
    QuestionGuidance,
    State,
    network_guidance,
    open_questions,
    phase_guidance,
)
from lerendnetwerk.themes import services as theme_services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    with translation.override("en"):
        yield


@pytest.fixture
def network(network: Network, facilitator: User, manager: User) -> Network:
    """The network with its prerequisites recorded, not started yet."""
    record_all_prerequisites(network, facilitator, manager)
    return network


def start(network: Network, facilitator: User, phase: Phase = Phase.EXPLORATION) -> None:
    """Move the network up to `phase`."""
    for step in Phase:
        network_services.network_move_phase(network=network, to_phase=step, moved_by=facilitator)
        if step == phase:
            break
    network.refresh_from_db()


def held_meeting(network: Network, facilitator: User, *entries: str) -> Meeting:
    """A meeting that took place yesterday, with the Handbook's `entries` on its agenda."""
    starts = timezone.now() + timedelta(days=2)
    meeting = meeting_services.meeting_schedule(
        network=network,
        title="Bijeenkomst",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        created_by=facilitator,
        address="Wijkcentrum",
    )
    for slug in entries:
        meeting_services.agenda_item_add(
            meeting=meeting,
            entry=Entry.objects.get(slug=slug),
            duration_minutes=30,
            lead=AgendaItem.Lead.FACILITATOR,
        )
    # Moving a meeting into the past is no service: the clock does that.
    yesterday = timezone.now() - timedelta(days=1)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=yesterday, ends_at=yesterday + timedelta(hours=2)
    )
    return meeting


def question(network: Network, phase: Phase, slug: str) -> QuestionGuidance:
    return next(q for q in phase_guidance(network=network, phase=phase) if q.topic.slug == slug)


def test_a_question_with_nothing_done_is_open_with_the_catalogues_work_forms(
    network: Network, facilitator: User
) -> None:
    start(network, facilitator)

    meeting_up = question(network, Phase.EXPLORATION, "kennismaken")

    assert meeting_up.state == State.OPEN
    assert meeting_up.evidence == []
    assert [e.slug for e in meeting_up.suggested] == [
        "kennismakingsoefening",
        "de-teletijdmachine",
        "quiz-ben-ik-een-netwerkleerder",
    ]


def test_a_work_form_used_in_a_held_meeting_starts_a_question_its_instrument_completes(
    network: Network, facilitator: User, participant: User
) -> None:
    start(network, facilitator, Phase.DEVELOPMENT)
    meeting = held_meeting(network, facilitator, "levend-domino")

    safe = question(network, Phase.DEVELOPMENT, "veilige-sfeer-creeren")
    assert safe.state == State.STARTED
    assert [(e.text, e.url) for e in safe.evidence] == [
        ("Levend domino in the meeting “Bijeenkomst”", f"/en/bijeenkomsten/{meeting.pk}/")
    ]
    assert safe.evidence[0].on == timezone.localdate() - timedelta(days=1)
    # The work form used is no longer suggested; the contract still is.
    assert {e.slug for e in safe.suggested} == {"maak-een-contract", "talking-stick"}

    agreement = theme_services.agreement_publish(
        network=network, text="We laten elkaar uitpraten.", published_by=facilitator
    )
    theme_services.agreement_acknowledge(agreement=agreement, member=facilitator)

    safe = question(network, Phase.DEVELOPMENT, "veilige-sfeer-creeren")
    assert safe.state == State.DONE
    assert "Contract version 1 acknowledged by 1 of 2 members" in [e.text for e in safe.evidence]
    assert safe.suggested == []


def test_a_done_instrument_completes_a_question_without_meetings(
    network: Network, facilitator: User, participant: User
) -> None:
    start(network, facilitator, Phase.DEVELOPMENT)
    assert question(network, Phase.DEVELOPMENT, "gezamenlijk-leren-bevorderen").state == "open"

    buddies_set(network=network, pairs=[[facilitator, participant]])

    buddies = question(network, Phase.DEVELOPMENT, "gezamenlijk-leren-bevorderen")
    assert buddies.state == State.DONE
    assert [e.text for e in buddies.evidence] == ["1 buddy pair made"]


def test_personal_challenges_count_k_of_n_and_complete_at_half(
    network: Network, facilitator: User, participant: User
) -> None:
    start(network, facilitator, Phase.DEVELOPMENT)
    add_member(network)
    add_member(network)
    cycle = network.current_cycle
    assert cycle is not None

    theme_services.personal_challenge_save(
        cycle=cycle, member=participant, learning_goal="Doel", question="Hoe?"
    )
    pitfalls = question(network, Phase.DEVELOPMENT, "valkuilen-en-tips-ontwikkeling")
    assert pitfalls.state == State.STARTED
    assert pitfalls.evidence[0].text == "1 of 4 members wrote a personal challenge"

    theme_services.personal_challenge_save(
        cycle=cycle, member=facilitator, learning_goal="Doel", question="Wat?"
    )
    assert question(network, Phase.DEVELOPMENT, "valkuilen-en-tips-ontwikkeling").state == "done"


def test_open_questions_are_the_current_phases_not_done(
    network: Network, facilitator: User
) -> None:
    assert open_questions(network=network) == []  # before the first phase
    start(network, facilitator)
    held_meeting(network, facilitator, "kennismakingsoefening")

    assert open_questions(network=network) == ["Gezamenlijk thema's verkennen", "Give and take"]


def test_guidance_covers_the_current_and_earlier_phases_in_a_fixed_number_of_queries(
    network: Network, facilitator: User, participant: User
) -> None:
    start(network, facilitator, Phase.DEEPENING)
    network.refresh_from_db()
    network_guidance(network=network)  # the catalogue's topics are cached from here on

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            guidance = network_guidance(network=network, member_count=2)
        assert [g.phase for g in guidance] == [
            Phase.EXPLORATION,
            Phase.DEVELOPMENT,
            Phase.DEEPENING,
        ]
        return len(queries)

    before = count()
    for _ in range(3):
        held_meeting(network, facilitator, "worldcafe", "levend-domino", "kennismakingsoefening")
    assert count() == before == 4
