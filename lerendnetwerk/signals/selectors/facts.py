"""What the rules read about each network, loaded for many networks at once.

The rules (rules.py) are pure functions of these facts, so they are easy to test and the daily
run over every network costs a fixed number of queries per batch of networks, not per network.
Nothing here reads a diary or a single Netwerkbarometer answer: only counts of answers in
rounds whose results are shown above the group-size threshold.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, F, Q
from django.utils import timezone

from lerendnetwerk.barometer import services as barometer_services
from lerendnetwerk.barometer.models import BarometerRound, min_answers_for
from lerendnetwerk.barometer.results import dimension_averages, pool, statement_counts
from lerendnetwerk.meetings.models import AgendaItem, Meeting, Rsvp
from lerendnetwerk.networks.models import Membership, Network, PhaseTransition, Prerequisite
from lerendnetwerk.themes.models import (
    DotVote,
    DotVoteSticker,
    Idea,
    LearningGoal,
    LearningQuestion,
    ThemeProposal,
)

from ..models import RegionThresholds
from ..thresholds import for_region

# Rules look back this far at most; older meetings say little about the network now.
RECENT_MEETINGS = 5


@dataclass
class ItemFacts:
    minutes: int
    lead: str  # AgendaItem.Lead
    lead_user_id: int | None
    entry_id: int | None
    entry_kind: str  # "" for a free item
    title: str


@dataclass
class MeetingFacts:
    pk: int
    starts_at: datetime
    ends_at: datetime
    invited: int = 0
    accepted: int = 0
    declined: int = 0
    attended: int = 0
    no_shows: int = 0
    recorded: bool = False
    items: list[ItemFacts] = field(default_factory=list)
    questions_worked_on: int = 0

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def agenda_minutes(self) -> int:
        return sum(item.minutes for item in self.items)


@dataclass
class NetworkFacts:
    network: Network
    today: date
    thresholds: dict[str, dict[str, float]]
    phase: str = ""
    cycle_started: datetime | None = None
    member_ids: set[int] = field(default_factory=set)
    facilitator_ids: set[int] = field(default_factory=set)
    member_names: dict[int, str] = field(default_factory=dict)
    left_recently: int = 0
    # The current cycle's scheduled meetings, oldest first.
    meetings: list[MeetingFacts] = field(default_factory=list)
    # user id -> how many of the recent held meetings they declined (for the facilitator only).
    declines: dict[int, int] = field(default_factory=dict)
    proposers: set[int] = field(default_factory=set)
    idea_authors: set[int] = field(default_factory=set)
    question_authors: set[int] = field(default_factory=set)
    learning_questions: int = 0
    shared_goal: bool = False
    dot_vote_voters: int | None = None  # of the cycle's last closed dot vote
    missing_prerequisites: int = 0
    manager_commitments: int = 0
    barometer_lowest: tuple[str, float] | None = None  # (dimension, average) of the shown round
    # The latest move of the cycle: (from phase, to phase, day, the questions left open).
    last_move: tuple[str, str, date, list[str]] | None = None

    @property
    def members(self) -> int:
        return len(self.member_ids)

    @property
    def held(self) -> list[MeetingFacts]:
        now = timezone.now()
        return [m for m in self.meetings if m.ends_at <= now]

    @property
    def recorded(self) -> list[MeetingFacts]:
        return [m for m in self.held if m.recorded]

    @property
    def upcoming(self) -> list[MeetingFacts]:
        now = timezone.now()
        return [m for m in self.meetings if m.ends_at > now]


def network_facts(*, network_ids: list[int]) -> dict[int, NetworkFacts]:
    """The facts of these networks, in a fixed number of queries."""
    today = timezone.localdate()
    networks = list(
        Network.objects.filter(pk__in=network_ids).select_related(
            "current_cycle", "district__region"
        )
    )
    overrides = dict(
        RegionThresholds.objects.filter(
            region_id__in={n.district.region_id for n in networks}
        ).values_list("region_id", "values")
    )
    facts = {
        n.pk: NetworkFacts(
            network=n,
            today=today,
            thresholds=for_region(overrides.get(n.district.region_id)),
            phase=n.current_cycle.phase if n.current_cycle else "",
            cycle_started=n.current_cycle.started_at if n.current_cycle else None,
        )
        for n in networks
    }
    cycle_ids = [n.current_cycle_id for n in networks if n.current_cycle_id]
    _members(facts, today)
    _meetings(facts, cycle_ids)
    _contributions(facts, cycle_ids)
    _prerequisites(facts)
    _moves(facts, cycle_ids)
    _barometer(facts, networks)
    return facts


def _members(facts: dict[int, NetworkFacts], today: date) -> None:
    longest = max((f.thresholds["drop_outs"]["left_days"] for f in facts.values()), default=90)
    left_since = today - timedelta(days=int(longest))
    rows = (
        Membership.objects.filter(network_id__in=facts)
        .filter(Q(left_at__isnull=True) | Q(left_at__gte=left_since))
        .values_list("network_id", "user_id", "role", "left_at", "user__name")
    )
    for network_id, user_id, role, left_at, name in rows:
        f = facts[network_id]
        if left_at is None:
            f.member_ids.add(user_id)
            f.member_names[user_id] = name
            if role == Membership.Role.FACILITATOR:
                f.facilitator_ids.add(user_id)
        elif left_at >= today - timedelta(days=int(f.thresholds["drop_outs"]["left_days"])):
            f.left_recently += 1


def _meetings(facts: dict[int, NetworkFacts], cycle_ids: list[int]) -> None:
    meetings = (
        Meeting.objects.filter(cycle_id__in=cycle_ids, status=Meeting.Status.SCHEDULED)
        .annotate(
            invited=Count("rsvps", distinct=True),
            accepted=Count("rsvps", filter=Q(rsvps__answer=Rsvp.Answer.ACCEPTED), distinct=True),
            declined=Count("rsvps", filter=Q(rsvps__answer=Rsvp.Answer.DECLINED), distinct=True),
            attended=Count("rsvps", filter=Q(rsvps__attended=True), distinct=True),
            no_shows=Count(
                "rsvps",
                filter=Q(rsvps__answer=Rsvp.Answer.ACCEPTED, rsvps__attended=False),
                distinct=True,
            ),
            questions=Count("learning_questions", distinct=True),
        )
        .order_by("network_id", "starts_at")
        .values_list(
            "pk",
            "network_id",
            "starts_at",
            "ends_at",
            "invited",
            "accepted",
            "declined",
            "attended",
            "no_shows",
            "attendance_recorded_at",
            "questions",
        )
    )
    by_pk: dict[int, MeetingFacts] = {}
    for pk, network_id, starts, ends, inv, acc, dec, att, nos, recorded_at, questions in meetings:
        meeting = MeetingFacts(
            pk=pk,
            starts_at=starts,
            ends_at=ends,
            invited=inv,
            accepted=acc,
            declined=dec,
            attended=att,
            no_shows=nos,
            recorded=recorded_at is not None,
            questions_worked_on=questions,
        )
        facts[network_id].meetings.append(meeting)
        by_pk[pk] = meeting
    # Only the recent ones matter to the rules: keep the last few held and what is planned.
    now = timezone.now()
    recent: set[int] = set()
    for f in facts.values():
        held = [m for m in f.meetings if m.ends_at <= now]
        recent |= {m.pk for m in held[-RECENT_MEETINGS:]}
        recent |= {m.pk for m in f.meetings if m.ends_at > now}
    items = AgendaItem.objects.filter(meeting_id__in=recent).order_by("meeting_id", "order")
    for row in items.values_list(
        "meeting_id", "duration_minutes", "lead", "lead_user_id", "entry_id", "entry__kind", "title"
    ):
        meeting_id, minutes, lead, lead_user_id, entry_id, entry_kind, title = row
        by_pk[meeting_id].items.append(
            ItemFacts(minutes, lead, lead_user_id, entry_id, entry_kind or "", title)
        )
    declines = (
        Rsvp.objects.filter(
            meeting_id__in=recent, answer=Rsvp.Answer.DECLINED, meeting__ends_at__lte=now
        )
        .values_list("meeting__network_id", "user_id")
        .annotate(n=Count("pk"))
    )
    for network_id, user_id, n in declines:
        facts[network_id].declines[user_id] = n


def _contributions(facts: dict[int, NetworkFacts], cycle_ids: list[int]) -> None:
    for network_id, user_id in ThemeProposal.objects.filter(cycle_id__in=cycle_ids).values_list(
        "cycle__network_id", "proposed_by_id"
    ):
        if user_id:
            facts[network_id].proposers.add(user_id)
    started = {f.network.pk: f.cycle_started for f in facts.values()}
    for network_id, user_id, created in Idea.objects.filter(network_id__in=facts).values_list(
        "network_id", "author_id", "created_at"
    ):
        begun = started.get(network_id)
        if user_id and (begun is None or created >= begun):
            facts[network_id].idea_authors.add(user_id)
    for network_id, user_id in LearningQuestion.objects.filter(cycle_id__in=cycle_ids).values_list(
        "cycle__network_id", "proposed_by_id"
    ):
        facts[network_id].learning_questions += 1
        if user_id:
            facts[network_id].question_authors.add(user_id)
    for network_id in LearningGoal.objects.filter(
        cycle_id__in=cycle_ids, kind=LearningGoal.Kind.SHARED
    ).values_list("cycle__network_id", flat=True):
        facts[network_id].shared_goal = True
    closed = (
        DotVote.objects.filter(cycle_id__in=cycle_ids, closed_at__isnull=False)
        .order_by("cycle__network_id", "closed_at")
        .values_list("pk", "cycle__network_id")
    )
    last_vote = {network_id: pk for pk, network_id in closed}
    voters = dict(
        DotVoteSticker.objects.filter(dot_vote_id__in=last_vote.values())
        .values_list("dot_vote_id")
        .annotate(n=Count("member_id", distinct=True))
        .values_list("dot_vote_id", "n")
    )
    for network_id, vote_id in last_vote.items():
        facts[network_id].dot_vote_voters = voters.get(vote_id, 0)


def _prerequisites(facts: dict[int, NetworkFacts]) -> None:
    recorded: dict[int, int] = defaultdict(int)
    for network_id, n in (
        Prerequisite.objects.filter(network_id__in=facts)
        .values_list("network_id")
        .annotate(n=Count("pk"))
        .values_list("network_id", "n")
    ):
        recorded[network_id] = n
    commitments = dict(
        Network.objects.filter(pk__in=facts)
        # The current cycle's: a new cycle copies the earlier ones, which stay as history.
        .annotate(
            n=Count(
                "manager_commitments",
                filter=Q(manager_commitments__cycle_id=F("current_cycle_id")),
            )
        )
        .values_list("pk", "n")
    )
    for network_id, f in facts.items():
        f.missing_prerequisites = len(Prerequisite.Kind.values) - recorded[network_id]
        f.manager_commitments = commitments.get(network_id, 0)


def _moves(facts: dict[int, NetworkFacts], cycle_ids: list[int]) -> None:
    moves = (
        PhaseTransition.objects.filter(cycle_id__in=cycle_ids)
        .order_by("cycle_id", "moved_at", "pk")
        .values_list("cycle__network_id", "from_phase", "to_phase", "moved_at", "open_questions")
    )
    for network_id, from_phase, to_phase, moved_at, open_questions in moves:
        facts[network_id].last_move = (
            from_phase,
            to_phase,
            timezone.localdate(moved_at),
            list(open_questions or []),
        )


def _barometer(facts: dict[int, NetworkFacts], networks: list[Network]) -> None:
    """The lowest dimension of each network's latest round whose results are shown."""
    rounds = (
        BarometerRound.objects.filter(network_id__in=facts)
        .closed()
        .annotate(counted=Count("participations", filter=Q(participations__counts=True)))
        .order_by("network_id", "closes_on", "pk")
        .values_list("pk", "network_id", "counted", "released")
    )
    minimum = {n.pk: min_answers_for(n.district.region) for n in networks}
    latest: dict[int, int] = {}
    sealed: set[int] = set()
    for pk, network_id, counted, released in rounds:
        if counted >= minimum[network_id]:
            latest[network_id] = pk
            if not released:
                sealed.add(pk)
    if not latest:
        return
    # A round closed by date whose answers the daily release has not reached yet.
    for pk in sealed & set(latest.values()):
        barometer_services.round_release(barometer_round=pk)
    tallies = pool(statement_counts(latest.values()))
    for network_id, round_id in latest.items():
        averages = {
            dim: avg
            for dim, avg in dimension_averages(tallies.get(round_id, {})).items()
            if avg is not None
        }
        if averages:
            dimension = min(averages, key=lambda d: averages[d])
            facts[network_id].barometer_lowest = (dimension, averages[dimension])
