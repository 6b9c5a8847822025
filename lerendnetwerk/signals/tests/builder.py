"""Build a network from a short description, through the services, for the rule tests and the
scenario set in bench/signals/.

People are numbered: 0 is the facilitator, 1 and up are participants. Meetings are planned
next week (planning refuses the past), answered, then moved back to when they were held and
their attendance recorded, as a facilitator would have done at the time.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.barometer import services as barometer_services
from lerendnetwerk.barometer.models import BarometerRound, Question
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.core.tests.factories import UserFactory
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks import phases
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.networks.models import ManagerCommitment, Membership, Network, Prerequisite
from lerendnetwerk.regions.models import District, Region
from lerendnetwerk.themes import services as theme_services
from lerendnetwerk.themes.models import LearningQuestion

FACILITATOR = 0


@dataclass(frozen=True)
class Item:
    minutes: int
    lead: str = "member"  # "facilitator", "member" or "expert"
    work_form: bool = True  # a work form from the Handreiking, or a free item ("Mededelingen")
    who: int | None = None  # the member who leads; by default the network's leaders take turns


@dataclass(frozen=True)
class Held:
    """A meeting `weeks_ago` weeks back; everyone not declining, silent or a no-show came."""

    weeks_ago: float
    items: tuple[Item, ...] = ()
    declined: int = 0
    silent: int = 0  # did not answer and did not come
    no_shows: int = 0  # said yes, did not come
    hours: float = 2
    recorded: bool = True
    worked_on: bool = True  # a learning question was worked on


# A healthy agenda: two work forms led by members, a short round by the facilitator.
GOOD_AGENDA = (Item(30), Item(30), Item(20, lead="facilitator", work_form=False))


@dataclass
class Scenario:
    name: str
    description: str = ""
    # The pitfalls (rule keys) the network shows; empty for a healthy one.
    expected: frozenset[str] = frozenset()
    phase: str = Phase.DEEPENING
    participants: int = 10
    held: tuple[Held, ...] = tuple(Held(w, GOOD_AGENDA, declined=1) for w in (12, 9, 6, 3))
    upcoming: tuple[float, ...] = (3,)  # weeks ahead
    upcoming_items: tuple[Item, ...] = GOOD_AGENDA
    leaders: int = 6  # participants 1..leaders take turns leading the member items
    proposals: tuple[int, ...] = (1, 4, 7)
    ideas: tuple[int, ...] = (2, 3, 5, 8)
    questions: tuple[int, ...] = (6, 9, 10)
    shared_goal: bool = True
    voters: int | None = 9  # people who took part in the cycle's closed dot vote
    barometer: tuple[int, ...] | None = (4,)  # each member's answer, repeated over the members
    answered: int | None = None  # how many members answer the barometer (all, by default)
    left: int = 0  # participants who stopped this month
    missing_prerequisite: str = ""  # a prerequisite that went missing after the start
    manager_left: bool = False  # the committed manager is no longer committed
    # The phase's questions still open when the network moved on to its current phase.
    open_questions: tuple[str, ...] = ()
    region_thresholds: dict[str, dict[str, float]] = field(default_factory=dict)


def _next_week() -> datetime:
    return timezone.now().replace(microsecond=0, second=0) + timedelta(days=7)


def _start(
    network: Network, facilitator: User, manager: User, phase: str, open_questions: tuple[str, ...]
) -> None:
    network_services.manager_commitment_record(
        network=network, manager=manager, role=ManagerCommitment.Role.SOUNDING_BOARD
    )
    kinds = Prerequisite.Kind
    evidence = {
        kinds.MANAGEMENT_COMMITMENT: {},
        kinds.PARTICIPANT_MOTIVATION: {},
        kinds.TIME: {"hours_per_month": Decimal(4)},
        kinds.BUDGET_AND_EXPERT: {"budget_euros": 2500, "expert_name": "Eva Expert"},
    }
    for kind, extra in evidence.items():
        network_services.prerequisite_record(
            network=network,
            kind=kind,
            evidence="Afgesproken met de directies.",
            recorded_by=facilitator,
            **extra,  # type: ignore[arg-type]
        )
    if not phase:
        return
    for step in phases.ORDER[1 : phases.ORDER.index(phase) + 1]:
        last = step == phase and bool(open_questions)
        network_services.network_move_phase(
            network=network,
            to_phase=step,
            moved_by=facilitator,
            open_questions=open_questions if last else (),
            reason="Deze vragen nemen we mee." if last else "",
        )
    network.refresh_from_db()


def _plan(
    network: Network,
    facilitator: User,
    items: tuple[Item, ...],
    people: list[User],
    scenario: Scenario,
    hours: float,
    turn: list[int],
) -> Meeting:
    starts = _next_week()
    meeting = meeting_services.meeting_schedule(
        network=network,
        title="Bijeenkomst",
        starts_at=starts,
        ends_at=starts + timedelta(minutes=int(hours * 60)),
        address="Wijkcentrum De Dreef",
        created_by=facilitator,
    )
    work_form = Entry.objects.filter(kind=Entry.Kind.ACTIVITY).order_by("pk").first()
    for item in items:
        lead_user, lead_name = None, ""
        if item.lead == "member":
            who = item.who
            if who is None:
                who = 1 + turn[0] % max(scenario.leaders, 1)
                turn[0] += 1
            lead_user = people[who]
        elif item.lead == "expert":
            lead_name = "Eva Expert"
        meeting_services.agenda_item_add(
            meeting=meeting,
            duration_minutes=item.minutes,
            lead=item.lead,
            entry=work_form if item.work_form else None,
            title="" if item.work_form else "Mededelingen en lezing",
            lead_user=lead_user,
            lead_name=lead_name,
        )
    return meeting


def _hold(
    meeting: Meeting, held: Held, people: list[User], questions: list[LearningQuestion]
) -> None:
    # The facilitator always comes; the others answer from the back of the list.
    others = people[1:][::-1]
    declined = others[: held.declined]
    silent = others[held.declined : held.declined + held.silent]
    accepted = [p for p in people if p not in declined and p not in silent]
    for person in declined:
        meeting_services.rsvp_answer(meeting=meeting, user=person, answer="declined")
    for person in accepted:
        meeting_services.rsvp_answer(meeting=meeting, user=person, answer="accepted")
    starts = timezone.now().replace(microsecond=0) - timedelta(weeks=held.weeks_ago)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=starts, ends_at=starts + timedelta(minutes=int(held.hours * 60))
    )
    meeting.refresh_from_db()
    if held.recorded:
        present = accepted[: len(accepted) - held.no_shows]
        meeting_services.attendance_record(meeting=meeting, present=present)
    if held.worked_on and questions:
        theme_services.learning_questions_mark_worked_on(meeting=meeting, questions=questions[:1])


def _dot_vote(network: Network, people: list[User], voters: int) -> None:
    cycle = network.current_cycle
    assert cycle is not None
    proposals = list(cycle.theme_proposals.all())
    while len(proposals) < 2:  # the facilitator puts the known themes on the ballot
        proposals.append(
            theme_services.theme_proposal_create(
                cycle=cycle,
                title=f"Thema {len(proposals) + 1}",
                why="Uit de intake.",
                proposed_by=people[FACILITATOR],
            )
        )
    vote = theme_services.dot_vote_open(
        cycle=cycle, opened_by=people[FACILITATOR], proposals=proposals
    )
    for person in people[:voters]:
        theme_services.dot_vote_place(dot_vote=vote, member=person, stickers={proposals[0].pk: 2})
    theme_services.dot_vote_close(dot_vote=vote)


def _barometer(
    network: Network, people: list[User], values: tuple[int, ...], answered: int
) -> None:
    barometer_round = barometer_services.round_open(
        network=network, closes_on=timezone.localdate() + timedelta(days=7), opened_by=people[0]
    )
    keys = list(
        barometer_round.questionnaire.questions.filter(kind=Question.Kind.SCALE).values_list(
            "key", flat=True
        )
    )
    for i, person in enumerate(people[:answered]):
        value = values[i % len(values)]
        barometer_services.round_answer(
            barometer_round=barometer_round, user=person, values=dict.fromkeys(keys, value)
        )
    BarometerRound.objects.filter(pk=barometer_round.pk).update(
        closes_on=timezone.localdate() - timedelta(days=1)
    )
    # As the daily command does; the facts would otherwise release the answers themselves.
    barometer_services.round_release(barometer_round=barometer_round)


def build(scenario: Scenario, district: District | None = None) -> Network:
    """The scenario's network, built through the services."""
    district = district or Region.objects.get(slug="utrecht").districts.order_by("pk")[0]
    facilitator = UserFactory.create(name=f"Kartrekker {scenario.name}")
    network = network_services.network_create(
        name=f"LN {scenario.name}", district=district, created_by=None, facilitators=[facilitator]
    )
    people = [facilitator]
    for _i in range(scenario.participants):
        person = UserFactory.create()
        network_services.membership_add(network=network, user=person, role="participant")
        people.append(person)
    manager = UserFactory.create(is_manager=True)
    _start(network, facilitator, manager, scenario.phase, scenario.open_questions)
    cycle = network.current_cycle
    assert cycle is not None
    for who in scenario.proposals:
        theme_services.theme_proposal_create(
            cycle=cycle,
            title=f"Thema van {people[who].name}",
            why="Dit zien we elke dag.",
            proposed_by=people[who],
        )
    for who in scenario.ideas:
        theme_services.idea_post(network=network, author=people[who], text="Bij elkaar kijken.")
    questions = [
        theme_services.learning_question_propose(
            cycle=cycle, text=f"Vraag {n}", proposed_by=people[who]
        )
        for n, who in enumerate(scenario.questions)
    ]
    if scenario.shared_goal:
        theme_services.shared_goal_save(
            cycle=cycle, text="Samen één aanpak.", edited_by=facilitator
        )
    if scenario.voters is not None:
        _dot_vote(network, people, scenario.voters)
    turn = [0]
    for held in sorted(scenario.held, key=lambda h: -h.weeks_ago):
        meeting = _plan(network, facilitator, held.items, people, scenario, held.hours, turn)
        _hold(meeting, held, people, questions)
    for weeks in scenario.upcoming:
        meeting = _plan(network, facilitator, scenario.upcoming_items, people, scenario, 2, turn)
        starts = timezone.now().replace(microsecond=0) + timedelta(weeks=weeks)
        Meeting.objects.filter(pk=meeting.pk).update(
            starts_at=starts, ends_at=starts + timedelta(hours=2)
        )
    if scenario.barometer is not None:
        _barometer(network, people, scenario.barometer, scenario.answered or len(people))
    for person in people[len(people) - scenario.left :] if scenario.left else []:
        network_services.membership_end(
            membership=Membership.objects.active().get(network=network, user=person)
        )
    # No service takes these back; a manager who stops, a prerequisite found no longer true.
    if scenario.manager_left:
        ManagerCommitment.objects.filter(network=network).delete()
    if scenario.missing_prerequisite:
        Prerequisite.objects.filter(network=network, kind=scenario.missing_prerequisite).delete()
    network.refresh_from_db()
    return network
