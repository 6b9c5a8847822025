"""Reads for evaluating, each in a fixed number of queries.

What leaves a person's own pages is decided here: a meeting's evaluations are shown only when
at least `min_answers` attendees evaluated; a manager reads only learning gains their authors
shared with their own manager; reports read only gains shared for reporting, without names.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.models import User
from lerendnetwerk.barometer.models import BarometerRound, Dimension
from lerendnetwerk.barometer.results import round_results
from lerendnetwerk.meetings import selectors as meeting_selectors
from lerendnetwerk.meetings.models import Meeting, Rsvp
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Cycle, Network
from lerendnetwerk.regions.models import Region
from lerendnetwerk.themes import selectors as theme_selectors
from lerendnetwerk.themes.models import LearningGoal, PersonalChallenge
from lerendnetwerk.themes.selectors import MemberPlan

from .models import (
    CriticalReflection,
    CycleEvaluation,
    EvaluationRequest,
    GoalOutcome,
    LearningGain,
    LookAhead,
    MeetingEvaluation,
)
from .reflection import QUESTIONS

# How long after a meeting its attendees can give or change their evaluation.
EDITABLE_DAYS = 14


# k: how many attendees must evaluate a meeting before its results are shown, so that no one's
# answer can be singled out. A fixed 3 rather than the region's Netwerkbarometer minimum (5 by
# default): a meeting has fewer attendees than a network has members.
MIN_EVALUATIONS = 3


def min_answers(region: Region) -> int:
    return MIN_EVALUATIONS


# --- One meeting


def evaluation_closes_at(*, meeting: Meeting) -> datetime:
    return meeting.ends_at + timedelta(days=EDITABLE_DAYS)


def evaluation_open(*, meeting: Meeting) -> bool:
    now = timezone.now()
    return meeting.ends_at <= now < evaluation_closes_at(meeting=meeting)


def attended(*, meeting: Meeting, user: User) -> bool:
    return (meeting.pk, user.pk) in meeting_selectors.attendance_present(meeting_ids=[meeting.pk])


def evaluation_refusal(*, meeting: Meeting, user: User) -> str | None:
    """Why this person cannot (now) evaluate this meeting, or None when they can."""
    if meeting.is_cancelled:
        return _("This meeting has been cancelled.")
    if not meeting.is_past:
        return _("You can evaluate a meeting once it has ended.")
    if not evaluation_open(meeting=meeting):
        return _("The time to evaluate this meeting has passed (%(days)d days).") % {
            "days": EDITABLE_DAYS
        }
    if not network_selectors.is_member(network=meeting.network_id, user=user):
        return _("Only members of the network can do this.")
    if not attended(meeting=meeting, user=user):
        return _("Only those who attended the meeting evaluate it.")
    return None


def my_evaluation(*, meeting: Meeting, user: User) -> MeetingEvaluation | None:
    return MeetingEvaluation.objects.filter(meeting=meeting, author=user).first()


def evaluation_request(*, meeting: Meeting) -> EvaluationRequest | None:
    return EvaluationRequest.objects.filter(meeting=meeting).first()


def attendees_to_tell(*, meeting: Meeting) -> list[User]:
    """Attendees who are still active members and have not evaluated yet, by name."""
    present = {
        user_id
        for _meeting, user_id in meeting_selectors.attendance_present(meeting_ids=[meeting.pk])
    }
    return list(
        network_selectors.members(network=meeting.network_id)
        .filter(pk__in=present, is_active=True)
        .exclude(meeting_evaluations__meeting=meeting)
        .order_by("name")
    )


@dataclass(frozen=True)
class Quote:
    name: str | None  # None: the author chose to be shown without their name
    what_worked: str
    what_to_change: str


@dataclass
class MeetingResults:
    meeting: Meeting
    count: int
    attendees: int
    min_answers: int
    average: float | None = None
    distribution: list[tuple[int, int, int]] = field(default_factory=list)  # rating, n, %
    quotes: list[Quote] = field(default_factory=list)

    @property
    def visible(self) -> bool:
        return self.count >= self.min_answers


def meeting_results(*, meeting: Meeting) -> MeetingResults:
    """How many attendees evaluated; the rest only when at least k did (three queries)."""
    evaluations = list(
        MeetingEvaluation.objects.filter(meeting=meeting)
        .select_related("author")
        .order_by("created_at", "pk")
    )
    results = MeetingResults(
        meeting=meeting,
        count=len(evaluations),
        attendees=Rsvp.objects.filter(meeting=meeting, attended=True).count(),
        min_answers=min_answers(meeting.network.district.region),
    )
    if not results.visible:
        return results
    ratings = Counter(e.rating for e in evaluations)
    results.average = round(sum(e.rating for e in evaluations) / len(evaluations), 1)
    results.distribution = [
        (value, ratings[value], round(100 * ratings[value] / len(evaluations)))
        for value in range(5, 0, -1)
    ]
    results.quotes = [
        Quote(
            name=None if e.is_anonymous else e.author.name,
            what_worked=e.what_worked,
            what_to_change=e.what_to_change,
        )
        for e in evaluations
        if e.what_worked or e.what_to_change
    ]
    return results


@dataclass(frozen=True)
class RatedMeeting:
    meeting: Meeting
    count: int
    average: float | None  # None below k


def _rated(meetings: QuerySet[Meeting], k: int) -> list[RatedMeeting]:
    rows = meetings.annotate(n=Count("evaluations"), avg=Avg("evaluations__rating")).order_by(
        "starts_at", "pk"
    )
    return [
        RatedMeeting(m, m.n, round(m.avg, 1) if m.n >= k and m.avg is not None else None)
        for m in rows
    ]


def _held(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    return meetings.filter(status=Meeting.Status.SCHEDULED, ends_at__lte=timezone.now())


def meeting_ratings(*, cycle: Cycle, region: Region) -> list[RatedMeeting]:
    """The cycle's held meetings, oldest first, with their number of evaluations and, from k
    evaluations on, the average rating (one query)."""
    return _rated(_held(Meeting.objects.filter(cycle=cycle)), min_answers(region))


@dataclass(frozen=True)
class ToEvaluate:
    meeting: Meeting
    closes_on: date
    done: bool


def meetings_to_evaluate(*, user: User, network: Network | None = None) -> list[ToEvaluate]:
    """Meetings the person attended that they can still evaluate (done or not), newest first."""
    since = timezone.now() - timedelta(days=EDITABLE_DAYS)
    meetings = Meeting.objects.filter(
        rsvps__user=user,
        rsvps__attended=True,
        status=Meeting.Status.SCHEDULED,
        ends_at__gt=since,
        ends_at__lte=timezone.now(),
        network_id__in=network_selectors.network_ids_of(user=user),
    )
    if network is not None:
        meetings = meetings.filter(network=network)
    rows = (
        meetings.select_related("network")
        .annotate(done=Count("evaluations", filter=Q(evaluations__author=user)))
        .order_by("-starts_at", "pk")
    )
    return [
        ToEvaluate(
            m,
            timezone.localdate(evaluation_closes_at(meeting=m)),
            bool(m.done),
        )
        for m in rows
    ]


# --- Critical reflection


def reflection_get(*, network: Network, pk: int) -> CriticalReflection:
    """A reflection of this network; raises CriticalReflection.DoesNotExist for another's."""
    return CriticalReflection.objects.select_related(
        "network", "meeting", "cycle", "updated_by"
    ).get(pk=pk, network=network)


def reflection_answers(*, reflection: CriticalReflection) -> list[tuple[str, str, str]]:
    """Each question (key, text) with the group's recorded answer ("" when none yet)."""
    answers = dict(reflection.answers.values_list("question", "text"))
    return [(key, str(text), answers.get(key, "")) for key, text in QUESTIONS]


def reflections_of(*, cycle: Cycle) -> list[CriticalReflection]:
    return list(
        CriticalReflection.objects.filter(cycle=cycle)
        .select_related("meeting")
        .order_by("-opened_at", "-pk")
    )


def reflection_for_meeting(*, meeting: Meeting) -> CriticalReflection | None:
    return CriticalReflection.objects.filter(meeting=meeting).first()


def meeting_choices(*, network: Network) -> list[Meeting]:
    """The current cycle's meetings that were not cancelled, for choosing a reflection's."""
    return list(
        Meeting.objects.filter(
            network=network,
            cycle=network.current_cycle,
            status=Meeting.Status.SCHEDULED,
        ).order_by("starts_at")
    )


# --- The cycle


def next_cycle(*, cycle: Cycle) -> Cycle | None:
    return Cycle.objects.filter(network_id=cycle.network_id, number=cycle.number + 1).first()


def previous_cycle(*, cycle: Cycle) -> Cycle | None:
    return Cycle.objects.filter(network_id=cycle.network_id, number=cycle.number - 1).first()


def my_plan(*, cycle: Cycle, member: User) -> MemberPlan:
    return theme_selectors.member_plan(cycle=cycle, member=member)


def shared_plans(*, cycle: Cycle) -> list[MemberPlan]:
    """Each member's learning goal and personal challenge with its outcome, only those the
    member shared with the network (two queries and one for the names)."""
    goals = {
        g.owner_id: g
        for g in LearningGoal.objects.filter(
            cycle=cycle, kind=LearningGoal.Kind.INDIVIDUAL, is_shared=True
        )
        if g.owner_id is not None
    }
    challenges = {
        c.member_id: c for c in PersonalChallenge.objects.filter(cycle=cycle, is_shared=True)
    }
    people = User.objects.filter(pk__in=set(goals) | set(challenges)).order_by("name")
    return [MemberPlan(p, goals.get(p.pk), challenges.get(p.pk)) for p in people]


@dataclass(frozen=True)
class BarometerPoint:
    closed_on: date
    averages: list[float | None]


@dataclass
class BarometerTrend:
    dimensions: list[str]
    points: list[BarometerPoint]
    left_out: int = 0


def barometer_trend(*, cycle: Cycle) -> BarometerTrend | None:
    """The Netwerkbarometer's averages per dimension in the cycle's closed rounds that have
    enough answers to be shown (the barometer's own rule); None when there is none."""
    rounds = BarometerRound.objects.filter(
        network_id=cycle.network_id, opened_at__gte=cycle.started_at
    )
    if cycle.ended_at is not None:
        rounds = rounds.filter(opened_at__lt=cycle.ended_at)
    latest = (
        rounds.closed()
        .select_related("network__district__region", "questionnaire")
        .with_answered()
        .order_by("-closes_on", "-pk")
        .first()
    )
    if latest is None:
        return None
    results = round_results(barometer_round=latest)
    if not results.visible or results.trend is None:
        return BarometerTrend(dimensions=[], points=[], left_out=1)
    window = [
        p
        for p in results.trend.points
        if p.barometer_round.opened_at >= cycle.started_at
        and (cycle.ended_at is None or p.barometer_round.opened_at < cycle.ended_at)
    ]
    return BarometerTrend(
        dimensions=[str(d.label) for d in Dimension],
        points=[
            BarometerPoint(
                p.barometer_round.closed_on,
                [round(v, 1) if v is not None else None for v in p.in_order],
            )
            for p in window
        ],
        left_out=results.trend.left_out,
    )


@dataclass
class LookAheadSummary:
    answered: int
    go_on: list[tuple[str, int]]
    composition: list[tuple[str, int]]
    wishes: list[LookAhead]  # with their member, for the facilitator

    @property
    def open_wishes(self) -> int:
        return sum(1 for w in self.wishes if w.proposed_at is None)


def _summary(rows: Sequence[LookAhead]) -> LookAheadSummary:
    go_on = Counter(r.go_on for r in rows)
    composition = Counter(r.composition for r in rows)
    return LookAheadSummary(
        answered=len(rows),
        go_on=[(str(label), go_on[value]) for value, label in LookAhead.Continue.choices],
        composition=[
            (str(label), composition[value]) for value, label in LookAhead.Composition.choices
        ],
        wishes=[r for r in rows if r.subject],
    )


def look_ahead_summary(*, cycle: Cycle) -> LookAheadSummary:
    return _summary(
        list(LookAhead.objects.filter(cycle=cycle).select_related("member").order_by("pk"))
    )


def my_look_ahead(*, cycle: Cycle, member: User) -> LookAhead | None:
    return LookAhead.objects.filter(cycle=cycle, member=member).first()


def cycle_page_goal(*, cycle: Cycle) -> LearningGoal | None:
    return theme_selectors.shared_goal(cycle=cycle)


def networks_to_write_in(*, user: User) -> list[Network]:
    """The person's networks now, where they can write a learning gain for the current cycle."""
    return list(network_selectors.networks_for_user(user=user).filter(current_cycle__isnull=False))


def cycle_evaluation(*, cycle: Cycle) -> CycleEvaluation | None:
    return CycleEvaluation.objects.filter(cycle=cycle).select_related("updated_by").first()


@dataclass
class CyclePage:
    cycle: Cycle
    shared_goal: LearningGoal | None
    evaluation: CycleEvaluation | None
    plans: list[MemberPlan]
    barometer: BarometerTrend | None
    ratings: list[RatedMeeting]
    look_ahead: LookAheadSummary
    reflections: list[CriticalReflection]
    previous: Cycle | None
    previous_wishes: int
    next: Cycle | None


def cycle_page(*, network: Network, cycle: Cycle) -> CyclePage:
    """Everything the cycle's evaluation page shows to every reader (a fixed number of
    queries); what is the reader's own comes from `cycle_mine`."""
    previous = previous_cycle(cycle=cycle)
    return CyclePage(
        cycle=cycle,
        shared_goal=theme_selectors.shared_goal(cycle=cycle),
        evaluation=cycle_evaluation(cycle=cycle),
        plans=shared_plans(cycle=cycle),
        barometer=barometer_trend(cycle=cycle),
        ratings=meeting_ratings(cycle=cycle, region=network.district.region),
        look_ahead=look_ahead_summary(cycle=cycle),
        reflections=reflections_of(cycle=cycle),
        previous=previous,
        previous_wishes=(
            LookAhead.objects.filter(cycle=previous, proposed_at__isnull=True)
            .exclude(subject="")
            .count()
            if previous is not None
            else 0
        ),
        next=next_cycle(cycle=cycle),
    )


@dataclass
class CycleMine:
    plan: MemberPlan
    look_ahead: LookAhead | None
    gains: list[LearningGain]
    to_evaluate: list[ToEvaluate]


def cycle_mine(*, network: Network, cycle: Cycle, user: User) -> CycleMine:
    return CycleMine(
        plan=my_plan(cycle=cycle, member=user),
        look_ahead=my_look_ahead(cycle=cycle, member=user),
        gains=list(LearningGain.objects.filter(cycle=cycle, author=user).order_by("level")),
        to_evaluate=meetings_to_evaluate(user=user, network=network),
    )


# --- Learning gains


def gain_get(*, pk: int) -> LearningGain:
    return LearningGain.objects.select_related("cycle__network").get(pk=pk)


def gains_of(*, user: User) -> list[LearningGain]:
    """All of a person's learning gains, newest cycle first: for them alone."""
    return list(
        LearningGain.objects.filter(author=user)
        .select_related("cycle__network")
        .order_by("-cycle__started_at", "cycle__network__name", "level")
    )


def gains_shared_with_manager(*, manager: User, limit: int = 50) -> list[LearningGain]:
    """Gains that staff of the manager's organisation shared with their own manager(s), newest
    first, with the author and network. Nothing for someone who is not an active manager with
    an organisation; nothing their authors did not share."""
    if not (manager.is_active and manager.is_manager and manager.organisation_id):
        return []
    return list(
        LearningGain.objects.filter(
            share_with_manager=True,
            author__organisation_id=manager.organisation_id,
            author__is_active=True,
        )
        .select_related("author", "cycle__network")
        .order_by("-updated_at", "-pk")[:limit]
    )


# --- Reports


@dataclass
class CycleReport:
    cycle: Cycle
    evaluation: CycleEvaluation | None
    shared_goal: str
    ratings: list[RatedMeeting]  # only meetings with at least k evaluations
    gains: list[tuple[str, list[str]]]  # level label -> texts shared for reporting, no names
    look_ahead: LookAheadSummary


def _reported_gains(cycles: Any) -> QuerySet[LearningGain]:
    return LearningGain.objects.filter(cycle__in=cycles, share_for_reporting=True)


def cycle_report(*, cycle: Cycle) -> CycleReport:
    """What the cycle report shows of the evaluation: nothing with a name, nothing unshared."""
    region = Region.objects.get(districts__networks__cycles=cycle)
    texts: dict[str, list[str]] = {value: [] for value in LearningGain.Level.values}
    for level, text in (
        _reported_gains([cycle.pk]).order_by("level", "pk").values_list("level", "text")
    ):
        texts[level].append(text)
    look_ahead = look_ahead_summary(cycle=cycle)
    goal = (
        LearningGoal.objects.filter(cycle=cycle, kind=LearningGoal.Kind.SHARED)
        .values_list("text", flat=True)
        .first()
    )
    return CycleReport(
        cycle=cycle,
        evaluation=CycleEvaluation.objects.filter(cycle=cycle).first(),
        shared_goal=goal or "",
        ratings=[r for r in meeting_ratings(cycle=cycle, region=region) if r.average is not None],
        gains=[
            (str(label), texts[value])
            for value, label in LearningGain.Level.choices
            if texts[value]
        ],
        look_ahead=LookAheadSummary(
            answered=look_ahead.answered,
            go_on=look_ahead.go_on,
            composition=look_ahead.composition,
            wishes=[],  # names stay out of reports
        ),
    )


def cycles_in_year(*, region: Region, year: int) -> QuerySet[Cycle]:
    """The region's cycles that were active at some time in `year` (ended in it or later, or
    still going, and started before it ended)."""
    return Cycle.objects.filter(
        Q(ended_at__isnull=True) | Q(ended_at__year__gte=year),
        network__district__region=region,
        network__kind=Network.Kind.LEARNING,
        started_at__year__lte=year,
    )


@dataclass
class DistrictRow:
    district: str
    cycles: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    rated_meetings: int = 0
    average: float | None = None
    gains: dict[str, int] = field(default_factory=dict)
    go_on: dict[str, int] = field(default_factory=dict)

    @property
    def outcome_counts(self) -> list[int]:
        return [self.outcomes.get(value, 0) for value in GoalOutcome.values]

    @property
    def gain_counts(self) -> list[int]:
        return [self.gains.get(value, 0) for value in LearningGain.Level.values]

    @property
    def go_on_counts(self) -> list[int]:
        return [self.go_on.get(value, 0) for value in LookAhead.Continue.values]


def region_report(*, region: Region, year: int) -> list[DistrictRow]:
    """Per district: cycles active in the year, shared-goal outcomes, meetings with at least k
    evaluations and their mean rating, learning gains shared for reporting per level, and the
    look-ahead's answers. Counts only (five queries)."""
    k = min_answers(region)
    cycles = cycles_in_year(region=region, year=year)
    rows: dict[int, DistrictRow] = {
        d.pk: DistrictRow(district=d.name) for d in region.districts.order_by("name")
    }
    district_of = dict(cycles.values_list("pk", "network__district_id"))
    for district_id in district_of.values():
        rows[district_id].cycles += 1
    for cycle_id, outcome in CycleEvaluation.objects.filter(cycle__in=cycles).values_list(
        "cycle_id", "goal_outcome"
    ):
        row = rows[district_of[cycle_id]]
        row.outcomes[outcome] = row.outcomes.get(outcome, 0) + 1
    sums: dict[int, list[float]] = {}
    for district_id, avg in (
        _held(Meeting.objects.filter(cycle__in=cycles))
        .annotate(n=Count("evaluations"), avg=Avg("evaluations__rating"))
        .filter(n__gte=k)
        .values_list("network__district_id", "avg")
    ):
        sums.setdefault(district_id, []).append(avg)
        rows[district_id].rated_meetings += 1
    for district_id, averages in sums.items():
        rows[district_id].average = round(sum(averages) / len(averages), 1)
    for cycle_id, level in _reported_gains(cycles).values_list("cycle_id", "level"):
        row = rows[district_of[cycle_id]]
        row.gains[level] = row.gains.get(level, 0) + 1
    for cycle_id, go_on in LookAhead.objects.filter(cycle__in=cycles).values_list(
        "cycle_id", "go_on"
    ):
        row = rows[district_of[cycle_id]]
        row.go_on[go_on] = row.go_on.get(go_on, 0) + 1
    return list(rows.values())
