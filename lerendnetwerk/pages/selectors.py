"""Reads that compose several feature apps for one page, each app through its own selectors.

`pages` sits above every feature app (docs/architecture.md), so only here can one page show a
network's phase, its meetings, its Netwerkbarometer round and the phase guidance together. (The
adopted theme's title is kept on the cycle by the theme services, so it needs no read of its
own.)
"""

from dataclasses import dataclass

from django.utils import timezone

from lerendnetwerk.accounts import selectors as account_selectors
from lerendnetwerk.accounts.models import RoleInvitation, User
from lerendnetwerk.barometer import selectors as barometer_selectors
from lerendnetwerk.barometer.models import BarometerRound
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.groups import selectors as group_selectors
from lerendnetwerk.meetings import selectors as meeting_selectors
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks import phases
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import (
    ManagerCommitment,
    MembershipInvitation,
    Network,
    PhaseTransition,
    Prerequisite,
)
from lerendnetwerk.signals import selectors as signal_selectors
from lerendnetwerk.signals.selectors import NetworkHealth, ShownSignal
from lerendnetwerk.signals.selectors import guidance as guidance_selectors
from lerendnetwerk.signals.selectors.guidance import PhaseGuidance

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


@dataclass
class DashboardNetwork:
    network: Network
    # The health of a network the person facilitates; None for the others.
    health: NetworkHealth | None


def dashboard_networks(*, user: User) -> list[DashboardNetwork]:
    """The person's networks, with the health of the learning networks they facilitate (three
    queries)."""
    health = signal_selectors.signals_health(user=user)
    return [
        DashboardNetwork(network=n, health=None if n.is_facilitators_network else health.get(n.pk))
        for n in network_selectors.networks_for_user(user=user)
    ]


@dataclass
class DashboardMentoring:
    """The person's mentor or mentees, and whether mentoring and peer consultation are for
    them (they facilitate, are in the facilitators' network, or in a pairing)."""

    mine: group_selectors.MyMentoring
    for_me: bool


def dashboard_mentoring(*, user: User, networks: list[DashboardNetwork]) -> DashboardMentoring:
    """One query; whether the person facilitates is known from their networks' rows."""
    mine = group_selectors.my_mentoring(user=user)
    facilitates = any(
        row.health is not None or row.network.is_facilitators_network for row in networks
    )
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
