"""Reads that compose several feature apps for one page, each app through its own selectors.

`pages` sits above every feature app (docs/architecture.md), so only here can one page show a
network's phase, its meetings, its Netwerkbarometer round and the phase guidance together. (The
adopted theme's title is kept on the cycle by the theme services, so it needs no read of its
own.)
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from lerendnetwerk.accounts import selectors as account_selectors
from lerendnetwerk.accounts.models import RoleInvitation, User
from lerendnetwerk.barometer import selectors as barometer_selectors
from lerendnetwerk.barometer.models import BarometerRound
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.groups import selectors as group_selectors
from lerendnetwerk.meetings import selectors as meeting_selectors
from lerendnetwerk.meetings.models import Meeting, Rsvp
from lerendnetwerk.networks import phases
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import (
    ManagerCommitment,
    Membership,
    MembershipInvitation,
    Network,
    PhaseTransition,
    Prerequisite,
)
from lerendnetwerk.showcases import selectors as showcase_selectors
from lerendnetwerk.signals import selectors as signal_selectors
from lerendnetwerk.signals.selectors import NetworkHealth, ShownSignal
from lerendnetwerk.signals.selectors import guidance as guidance_selectors
from lerendnetwerk.signals.selectors.guidance import PhaseGuidance
from lerendnetwerk.themes import selectors as theme_selectors
from lerendnetwerk.themes.models import Agreement, DotVote, LearningQuestion, PersonalChallenge

# How many held meetings the home page shows the attendance of.
RECENT_MEETINGS = 3


@dataclass
class Attendance:
    meeting: Meeting
    attended: int
    invited: int

    @property
    def percentage(self) -> int:
        return round(100 * self.attended / self.invited) if self.invited else 0


@dataclass
class NetworkHome:
    network: Network
    tracker: list[tuple[Phase, str]]
    current_phase: Phase | None
    next_phase: Phase | None
    previous_phase: Phase | None
    missing_prerequisites: list[Prerequisite.Kind]
    transitions: list[PhaseTransition]
    member_count: int
    next_meeting: Meeting | None
    meetings_held: int
    meetings_planned: int
    recent_attendance: list[Attendance]
    open_round: BarometerRound | None
    # The current phase's questions with what the network did, and the earlier phases'.
    guidance: PhaseGuidance | None
    earlier_guidance: list[PhaseGuidance]
    # The health panel: the top current signals, or None for those who may not see them.
    signals: list[ShownSignal] | None = None


def _phase(value: str | None) -> Phase | None:
    return Phase(value) if value else None


def missing_prerequisites(*, network: Network) -> list[Prerequisite.Kind]:
    """The prerequisites still to record before the network may enter its first phase."""
    return [
        Prerequisite.Kind(kind)
        for kind in network_selectors.network_missing_prerequisites(network=network)
    ]


def network_home(*, network: Network, with_signals: bool = False) -> NetworkHome:
    """What a member sees first: where the network stands and what comes next; with the
    health panel (one query more) for those who may see the network's signals."""
    cycle = network.current_cycle
    current = cycle.phase if cycle else ""
    # One query for the cycle's meetings with their counts serves the next meeting, the
    # number held and the recent attendance.
    meetings = meeting_selectors.meetings_of_cycle(network=network) if cycle else []
    now = timezone.now()
    held = [m for m in meetings if m.ends_at <= now]
    recorded = [m for m in held if m.attendance_recorded_at]
    upcoming = [m for m in meetings if m.ends_at > now]
    # The prerequisites only matter before the first phase; afterwards they are history.
    member_count = network_selectors.member_count(network=network)
    # A facilitators' network has no phases: no guidance, prerequisites, moves or signals.
    learning = not network.is_facilitators_network
    guidance = (
        guidance_selectors.network_guidance(network=network, member_count=member_count)
        if learning
        else []
    )
    return NetworkHome(
        network=network,
        tracker=phases.tracker(current),
        current_phase=_phase(current),
        next_phase=_phase(phases.next_phase(current)),
        previous_phase=_phase(phases.previous_phase(current)),
        missing_prerequisites=(
            missing_prerequisites(network=network) if learning and not current else []
        ),
        transitions=network_selectors.phase_history(cycle=cycle) if cycle and learning else [],
        member_count=member_count,
        next_meeting=upcoming[0] if upcoming else None,
        meetings_held=len(held),
        meetings_planned=len(upcoming),
        recent_attendance=[
            Attendance(meeting=m, attended=m.attended_count, invited=m.invited_count)
            for m in recorded[-RECENT_MEETINGS:]
        ],
        open_round=barometer_selectors.round_open(network=network) if current else None,
        guidance=guidance[-1] if guidance else None,
        earlier_guidance=guidance[-2::-1],
        signals=(
            signal_selectors.signals_top(network=network) if with_signals and learning else None
        ),
    )


# --- A person's own page: what waits for them, whatever their roles ---------------------------
# Every kind of thing is read once for all the person's networks (one query each, through the
# app that owns it), so the page costs the same for one network or five.

# How far back the recent activity reaches, and how many lines it shows.
ACTIVITY_DAYS = 30
ACTIVITY_LINES = 8


@dataclass
class DashboardNetwork:
    network: Network
    role: str
    # The health of a learning network the person facilitates; None for the others.
    health: NetworkHealth | None = None
    buddies: list[User] = field(default_factory=list)
    # The person's personal challenge in the current cycle (participants of a learning network
    # that has started; None when they have not written one yet).
    challenge: PersonalChallenge | None = None

    @property
    def facilitates(self) -> bool:
        return self.role == Membership.Role.FACILITATOR

    @property
    def asks_challenge(self) -> bool:
        """A participant of a learning network in a phase writes a personal challenge."""
        cycle = self.network.current_cycle
        return (
            self.role == Membership.Role.PARTICIPANT
            and not self.network.is_facilitators_network
            and cycle is not None
            and bool(cycle.phase)
        )


@dataclass
class NextMeeting:
    """A network's next meeting as the person sees it: their answer (`meeting.my_answer`), their
    table, their buddies in that network and the learning questions to prepare."""

    meeting: Meeting
    table: group_selectors.Table | None
    buddies: list[User]
    questions: list[LearningQuestion]

    @property
    def unanswered(self) -> bool:
        return self.answer == Rsvp.Answer.PENDING

    @property
    def answer(self) -> str:
        """The person's answer (a `Rsvp.Answer` value; "" without an invitation)."""
        return str(getattr(self.meeting, "my_answer", ""))

    @property
    def answer_label(self) -> str:
        answer = self.answer
        return str(Rsvp.Answer(answer).label) if answer in Rsvp.Answer.values else ""


@dataclass
class FacilitatorNetwork:
    """What needs the facilitator in one network they lead."""

    network: Network
    health: NetworkHealth | None
    next_meeting: Meeting | None  # with `pending_count`
    to_record: list[Meeting]
    open_round: BarometerRound | None

    @property
    def phase(self) -> Phase | None:
        cycle = self.network.current_cycle
        return _phase(cycle.phase if cycle else None)

    @property
    def pending(self) -> int:
        return int(getattr(self.next_meeting, "pending_count", 0)) if self.next_meeting else 0

    @property
    def needs_you(self) -> bool:
        return bool(
            self.pending or self.to_record or (self.health and self.health.worst) or self.open_round
        )


@dataclass
class Activity:
    """One line of recent activity: what happened (`kind`), when, in which network, to what."""

    kind: str  # "meeting", "phase", "result", "agreement"
    when: datetime
    network: Network
    subject: Any


@dataclass
class PersonalPage:
    networks: list[DashboardNetwork]
    next_meetings: list[NextMeeting]
    votes: list[DotVote]
    rounds: list[BarometerRound]
    agreements: list[Agreement]
    facilitated: list[FacilitatorNetwork]
    activity: list[Activity]

    @property
    def waiting(self) -> int:
        """How many things wait for the person's own answer."""
        return (
            sum(1 for m in self.next_meetings if m.unanswered)
            + sum(1 for v in self.votes if not getattr(v, "voted", False))
            + sum(1 for r in self.rounds if not getattr(r, "answered_by_me", False))
            + len(self.agreements)
        )


def personal_page(*, user: User) -> PersonalPage:
    """Everything the person's page shows about their networks, in a fixed number of queries
    whatever the number of networks: one per kind of thing."""
    memberships = list(
        network_selectors.memberships_active(user=user)
        .select_related("network__district", "network__current_cycle")
        .order_by("network__name", "pk")
    )
    if not memberships:
        return PersonalPage([], [], [], [], [], [], [])
    rows = [DashboardNetwork(network=m.network, role=m.role) for m in memberships]
    ids = [row.network.pk for row in rows]
    led = [
        row.network.pk
        for row in rows
        if row.facilitates and not row.network.is_facilitators_network
    ]
    health = signal_selectors.health_of(network_ids=led)
    buddies = group_selectors.buddies_for(user=user, network_ids=ids)
    # Every current cycle (not only those that ask for a challenge): the same one query
    # whatever the person's networks are doing.
    cycles = [r.network.current_cycle_id for r in rows if r.network.current_cycle_id is not None]
    challenges = theme_selectors.challenges_of(user=user, cycle_ids=cycles) if cycles else {}
    for row in rows:
        row.health = health.get(row.network.pk)
        row.buddies = buddies.get(row.network.pk, [])
        if row.network.current_cycle_id is not None:
            row.challenge = challenges.get(row.network.current_cycle_id)

    meetings = meeting_selectors.meetings_next_for(user=user, network_ids=ids)
    meeting_ids = [m.pk for m in meetings]
    tables = group_selectors.tables_for(user=user, meeting_ids=meeting_ids) if meetings else {}
    questions = theme_selectors.questions_for_meetings(meeting_ids=meeting_ids) if meetings else {}
    rounds = barometer_selectors.rounds_open_for(user=user, network_ids=ids)
    return PersonalPage(
        networks=rows,
        next_meetings=[
            NextMeeting(
                meeting=m,
                table=tables.get(m.pk),
                buddies=buddies.get(m.network_id, []),
                questions=questions.get(m.pk, []),
            )
            for m in meetings
        ],
        votes=theme_selectors.open_votes_for(user=user, network_ids=ids),
        rounds=rounds,
        agreements=theme_selectors.agreements_to_acknowledge(user=user, network_ids=ids),
        facilitated=_facilitated(rows, meetings, rounds),
        activity=_activity(ids),
    )


def _facilitated(
    rows: list[DashboardNetwork], meetings: list[Meeting], rounds: list[BarometerRound]
) -> list[FacilitatorNetwork]:
    """Per network the person facilitates: its next meeting's missing answers, the held
    meetings without attendance, its signals and its open Netwerkbarometer round (one query
    more than the page reads anyway: the attendance to record)."""
    led = [row for row in rows if row.facilitates]
    if not led:
        return []
    to_record: dict[int, list[Meeting]] = {}
    for m in meeting_selectors.attendance_to_record(network_ids=[r.network.pk for r in led]):
        to_record.setdefault(m.network_id, []).append(m)
    next_of = {m.network_id: m for m in meetings}
    round_of = {r.network_id: r for r in reversed(rounds)}
    found = [
        FacilitatorNetwork(
            network=row.network,
            health=row.health,
            next_meeting=next_of.get(row.network.pk),
            to_record=to_record.get(row.network.pk, []),
            open_round=round_of.get(row.network.pk),
        )
        for row in led
    ]
    # The networks that need the facilitator first.
    return sorted(found, key=lambda f: not f.needs_you)


def _activity(network_ids: list[int]) -> list[Activity]:
    """What happened lately in the person's networks, newest first: meetings planned, phase
    moves, published results and new contract versions (one query each)."""
    since = timezone.now() - timedelta(days=ACTIVITY_DAYS)
    found = [
        Activity("meeting", m.created_at, m.network, m)
        for m in meeting_selectors.meetings_planned_since(
            network_ids=network_ids, since=since, limit=ACTIVITY_LINES
        )
    ]
    found += [
        Activity("phase", t.moved_at, t.cycle.network, t)
        for t in network_selectors.phase_moves_since(
            network_ids=network_ids, since=since, limit=ACTIVITY_LINES
        )
    ]
    found += [
        Activity("result", s.published_at or s.created_at, s.network, s)
        for s in showcase_selectors.published_since(
            network_ids=network_ids, since=since, limit=ACTIVITY_LINES
        )
    ]
    found += [
        Activity("agreement", a.published_at, a.network, a)
        for a in theme_selectors.agreements_published_since(
            network_ids=network_ids, since=since, limit=ACTIVITY_LINES
        )
    ]
    return sorted(found, key=lambda a: a.when, reverse=True)[:ACTIVITY_LINES]


@dataclass
class DashboardMentoring:
    """The person's mentor or mentees, and whether mentoring and peer consultation are for
    them (they facilitate, are in the facilitators' network, or in a pairing)."""

    mine: group_selectors.MyMentoring
    for_me: bool


def dashboard_mentoring(*, user: User, networks: list[DashboardNetwork]) -> DashboardMentoring:
    """One query; whether the person facilitates is known from their networks' rows."""
    mine = group_selectors.my_mentoring(user=user)
    facilitates = any(row.facilitates or row.network.is_facilitators_network for row in networks)
    return DashboardMentoring(mine=mine, for_me=bool(mine) or facilitates)


@dataclass
class OpenInvitations:
    """What the person is asked and can still answer: networks to join, roles to take on."""

    networks: list[MembershipInvitation]
    roles: list[RoleInvitation]

    def __bool__(self) -> bool:
        return bool(self.networks or self.roles)


def open_invitations(*, user: User) -> OpenInvitations:
    return OpenInvitations(
        networks=list(network_selectors.membership_invitations_open(user=user)),
        roles=list(account_selectors.role_invitations_open(user=user)),
    )


def open_invitation_count(*, user: User) -> int:
    """Both kinds in one query, for the dashboard's notice."""
    networks = network_selectors.membership_invitations_open(user=user)
    roles = account_selectors.role_invitations_open(user=user)
    return (
        networks.order_by()
        .values_list("pk")
        .union(roles.order_by().values_list("pk"), all=True)
        .count()
    )


@dataclass
class ManagerNetwork:
    """One network on the manager's page: its stage, next meeting, how many of the manager's
    people take part, their attendance as totals, and the manager's commitment."""

    network: Network
    phase: Phase | None
    next_meeting: Meeting | None
    staff: int
    attendance: meeting_selectors.OrganisationAttendance
    commitment: ManagerCommitment | None


def manager_networks(*, manager: User) -> list[ManagerNetwork]:
    """The networks the manager's organisation takes part in, in a fixed number of queries."""
    networks = network_selectors.networks_of_organisation(manager=manager)
    if not networks or manager.organisation_id is None:
        return []
    ids = [n.pk for n in networks]
    staff = network_selectors.staff_counts(organisation_id=manager.organisation_id, network_ids=ids)
    commitments = network_selectors.manager_commitments_current(manager=manager, network_ids=ids)
    attendance = meeting_selectors.organisation_attendance(
        organisation_id=manager.organisation_id, networks=networks
    )
    upcoming = meeting_selectors.meetings_next_of(networks=networks)
    return [
        ManagerNetwork(
            network=n,
            phase=_phase(n.current_cycle.phase if n.current_cycle else None),
            next_meeting=upcoming.get(n.pk),
            staff=staff.get(n.pk, 0),
            attendance=attendance[n.pk],
            commitment=commitments.get(n.pk),
        )
        for n in networks
    ]
