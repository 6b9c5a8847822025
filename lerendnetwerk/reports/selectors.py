"""Reads for the reports: the reports' own framework (cycles, regions, years, networks) and the
aggregates of the parts for the apps below (phases, meetings, work forms, goals, the
Netwerkbarometer's rounds).

The aggregates live here rather than in each app's selectors because they exist for the reports
alone and count only: no query here returns a person's name, a decline reason, a diary entry or
a single Netwerkbarometer answer. Each function runs a fixed number of queries, however many
networks, meetings or rounds there are. Whether a round's results may be shown is the
barometer's own question (`barometer.results`), asked by the part.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.barometer import results
from lerendnetwerk.barometer import services as barometer_services
from lerendnetwerk.barometer.models import BarometerRound, Dimension
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.meetings.models import AgendaItem, Meeting
from lerendnetwerk.networks.models import Cycle, Network, PhaseTransition
from lerendnetwerk.regions.models import District, Region
from lerendnetwerk.themes.models import LearningGoal, PersonalChallenge

# --- The reports' framework ----------------------------------------------------------------------


def organisation_in_network(*, network: Network, organisation_id: int) -> bool:
    return network.organisations.filter(pk=organisation_id).exists()


def network_cycles(*, network: Network) -> list[Cycle]:
    """The network's cycles, newest first."""
    return list(Cycle.objects.filter(network=network).order_by("-number"))


def cycle_for_report(*, network: Network, number: int) -> Cycle:
    """The cycle with its network, district and region; raises Cycle.DoesNotExist."""
    return Cycle.objects.select_related("network__district__region").get(
        network=network, number=number
    )


def cycle_organisations(*, cycle: Cycle) -> list[str]:
    return list(cycle.network.organisations.order_by("name").values_list("name", flat=True))


def regions_of_coordinator(*, user: User) -> list[Region]:
    return list(user.coordinator_of.order_by("name"))


def region_get(*, slug: str) -> Region:
    return Region.objects.get(slug=slug)


def report_years(*, region: Region) -> list[int]:
    """From the year the region's first network started to this year, newest first."""
    this_year = timezone.localdate().year
    first = (
        Network.objects.filter(district__region=region, kind=Network.Kind.LEARNING)
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    start = timezone.localtime(first).year if first else this_year
    return list(range(this_year, min(start, this_year) - 1, -1))


def year_bounds(year: int) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return datetime(year, 1, 1, tzinfo=tz), datetime(year + 1, 1, 1, tzinfo=tz)


def networks_of_organisation(*, organisation_id: int) -> list[Network]:
    """The networks an organisation is a member of, each with its cycles (newest first)."""
    return list(
        Network.objects.filter(organisations=organisation_id, kind=Network.Kind.LEARNING)
        .select_related("district")
        .prefetch_related(
            "cycles",
        )
        .order_by("name")
    )


@dataclass
class NetworkLine:
    network: Network
    phase: str  # at the end of the year (or now, for this year); "" when preparing
    organisations: int

    @property
    def phase_label(self) -> str:
        return str(Phase(self.phase).label) if self.phase in Phase.values else ""


def region_networks(*, region: Region, year: int) -> list[NetworkLine]:
    """The region's networks that existed in the year, with their phase at its end: two
    queries (networks, phase moves up to the year's end)."""
    _, end = year_bounds(year)
    networks = list(
        Network.objects.filter(
            district__region=region, kind=Network.Kind.LEARNING, created_at__lt=end
        )
        .select_related("district")
        .annotate(organisation_count=Count("organisations", distinct=True))
        .order_by("district__name", "name")
    )
    phase: dict[int, str] = {}
    for network_id, to_phase in (
        PhaseTransition.objects.filter(
            cycle__network__in=[n.pk for n in networks], moved_at__lt=end
        )
        .order_by("moved_at", "pk")
        .values_list("cycle__network_id", "to_phase")
    ):
        phase[network_id] = to_phase  # the latest wins
    return [
        NetworkLine(
            network=n,
            phase=phase.get(n.pk, ""),
            organisations=n.organisation_count,
        )
        for n in networks
    ]


def region_districts(*, region: Region) -> list[District]:
    return list(region.districts.order_by("name"))


# --- Phases --------------------------------------------------------------------------------------


def cycle_transitions(*, cycle: Cycle) -> list[PhaseTransition]:
    """The cycle's phase moves, oldest first (without who moved: a report names no one)."""
    return list(PhaseTransition.objects.filter(cycle=cycle).order_by("moved_at", "pk"))


def region_transitions(*, region: Region, year: int) -> dict[str, dict[str, int]]:
    """Per district name, per phase moved into: how many moves the networks made in the year."""
    start, end = year_bounds(year)
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for district, to_phase, n in (
        PhaseTransition.objects.filter(
            cycle__network__district__region=region,
            cycle__network__kind=Network.Kind.LEARNING,
            moved_at__gte=start,
            moved_at__lt=end,
        )
        .values_list("cycle__network__district__name", "to_phase")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[district][to_phase] = n
    return counts


# --- Meetings and attendance ---------------------------------------------------------------------


@dataclass(frozen=True)
class HeldMeeting:
    """A meeting that took place, with its totals (never who came, declined or why)."""

    title: str
    starts_at: datetime
    phase: str
    recorded: bool
    invited: int
    attended: int

    @property
    def rate(self) -> float | None:
        return 100 * self.attended / self.invited if self.recorded and self.invited else None


def _held(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    return meetings.filter(status=Meeting.Status.SCHEDULED, ends_at__lte=timezone.now())


def cycle_meetings_held(*, cycle: Cycle) -> list[HeldMeeting]:
    """The cycle's meetings that took place, oldest first, with their totals: one query."""
    rows = (
        _held(Meeting.objects.filter(cycle=cycle))
        .annotate(
            invited=Count("rsvps", distinct=True),
            attended=Count("rsvps", filter=Q(rsvps__attended=True), distinct=True),
        )
        .order_by("starts_at", "pk")
        .values_list("title", "starts_at", "phase", "attendance_recorded_at", "invited", "attended")
    )
    return [
        HeldMeeting(title, starts_at, phase, recorded is not None, invited, attended)
        for title, starts_at, phase, recorded, invited, attended in rows
    ]


@dataclass
class AttendanceTotals:
    """Held meetings and, of those with attendance recorded, the people invited and present."""

    held: int = 0
    recorded: int = 0
    invited: int = 0
    attended: int = 0

    def add(self, meeting: HeldMeeting) -> None:
        self.held += 1
        if meeting.recorded:
            self.recorded += 1
            self.invited += meeting.invited
            self.attended += meeting.attended

    @property
    def average_attended(self) -> float | None:
        return self.attended / self.recorded if self.recorded else None

    @property
    def rate(self) -> float | None:
        return 100 * self.attended / self.invited if self.invited else None


def region_meetings_held(*, region: Region, year: int) -> dict[str, AttendanceTotals]:
    """Per district name: the meetings held in the year and their attendance, one query."""
    start, end = year_bounds(year)
    totals: dict[str, AttendanceTotals] = defaultdict(AttendanceTotals)
    rows = (
        _held(
            Meeting.objects.filter(
                network__district__region=region,
                network__kind=Network.Kind.LEARNING,
                starts_at__gte=start,
                starts_at__lt=end,
            )
        )
        .annotate(
            invited=Count("rsvps", distinct=True),
            attended=Count("rsvps", filter=Q(rsvps__attended=True), distinct=True),
            district_name=F("network__district__name"),
        )
        .values_list("district_name", "attendance_recorded_at", "invited", "attended")
    )
    for district, recorded, invited, attended in rows:
        totals[district].add(HeldMeeting("", start, "", recorded is not None, invited, attended))
    return totals


@dataclass
class CycleTrend:
    """Per district, per cycle number: how many cycles, their meetings and attendance."""

    cycles: int = 0
    totals: AttendanceTotals = field(default_factory=AttendanceTotals)


def region_cycle_trends(*, region: Region, year: int) -> dict[str, dict[int, CycleTrend]]:
    """Per district name, per cycle number (first, second, ... cycle of a network): the cycles
    begun by the end of the year and their meetings held up to then. Two queries."""
    _, end = year_bounds(year)
    trends: dict[str, dict[int, CycleTrend]] = defaultdict(lambda: defaultdict(CycleTrend))
    for district, number, n in (
        Cycle.objects.filter(
            network__district__region=region,
            network__kind=Network.Kind.LEARNING,
            started_at__lt=end,
        )
        .exclude(phase="")
        .values_list("network__district__name", "number")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    ):
        trends[district][number].cycles = n
    rows = (
        _held(
            Meeting.objects.filter(
                network__district__region=region,
                network__kind=Network.Kind.LEARNING,
                starts_at__lt=end,
            )
        )
        .annotate(
            invited=Count("rsvps", distinct=True),
            attended=Count("rsvps", filter=Q(rsvps__attended=True), distinct=True),
            district_name=F("network__district__name"),
            cycle_number=F("cycle__number"),
        )
        .values_list(
            "district_name", "cycle_number", "attendance_recorded_at", "invited", "attended"
        )
    )
    for district, number, recorded, invited, attended in rows:
        trends[district][number].totals.add(
            HeldMeeting("", end, "", recorded is not None, invited, attended)
        )
    return trends


# --- Work forms ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkFormUse:
    title: str
    kind: str
    slug: str
    stage: str
    count: int


def _work_forms(items: QuerySet[AgendaItem]) -> list[WorkFormUse]:
    rows = (
        items.filter(
            entry__isnull=False,
            meeting__status=Meeting.Status.SCHEDULED,
            meeting__ends_at__lte=timezone.now(),
        )
        .values_list("entry__title", "entry__kind", "entry__slug", "entry__topic__stage")
        .annotate(n=Count("pk"))
        .order_by("-n", "entry__title")
    )
    return [WorkFormUse(title, kind, slug, stage, n) for title, kind, slug, stage, n in rows]


def cycle_work_forms(*, cycle: Cycle) -> list[WorkFormUse]:
    """The catalogue's entries on the agendas of the cycle's held meetings, most used first."""
    return _work_forms(AgendaItem.objects.filter(meeting__cycle=cycle))


def region_work_forms(*, region: Region, year: int) -> list[WorkFormUse]:
    start, end = year_bounds(year)
    return _work_forms(
        AgendaItem.objects.filter(
            meeting__network__district__region=region,
            meeting__network__kind=Network.Kind.LEARNING,
            meeting__starts_at__gte=start,
            meeting__starts_at__lt=end,
        )
    )


def entry_kind_label(kind: str) -> str:
    return str(Entry.Kind(kind).label) if kind in Entry.Kind.values else kind


# --- Goals ---------------------------------------------------------------------------------------


@dataclass
class CycleGoals:
    shared_goal: str  # "" when the network set none
    individual_goals: int
    challenges: int
    # (question, outcome) of the challenges their members shared; no names.
    shared_challenges: list[tuple[str, str]]


def cycle_goals(*, cycle: Cycle) -> CycleGoals:
    """The shared learning goal, counts of personal goals and challenges, and the text of only
    the challenges their members shared. Three queries."""
    shared = (
        LearningGoal.objects.filter(cycle=cycle, kind=LearningGoal.Kind.SHARED)
        .values_list("text", flat=True)
        .first()
    )
    individual = LearningGoal.objects.filter(cycle=cycle, kind=LearningGoal.Kind.INDIVIDUAL).count()
    challenges = list(
        PersonalChallenge.objects.filter(cycle=cycle)
        .order_by("pk")
        .values_list("is_shared", "question", "outcome")
    )
    return CycleGoals(
        shared_goal=shared or "",
        individual_goals=individual,
        challenges=len(challenges),
        shared_challenges=[(q, o) for is_shared, q, o in challenges if is_shared],
    )


@dataclass
class DistrictGoals:
    cycles: int = 0
    with_shared_goal: int = 0
    challenges: int = 0
    with_outcome: int = 0


def region_goals(*, region: Region, year: int) -> dict[str, DistrictGoals]:
    """Per district name: the cycles running in the year, how many have a shared learning goal,
    personal challenges and challenges with an outcome. One query."""
    start, end = year_bounds(year)
    goals: dict[str, DistrictGoals] = defaultdict(DistrictGoals)
    rows = (
        Cycle.objects.filter(
            network__district__region=region,
            network__kind=Network.Kind.LEARNING,
            started_at__lt=end,
        )
        .filter(Q(ended_at__isnull=True) | Q(ended_at__gte=start))
        .annotate(
            shared=Count(
                "learning_goals",
                filter=Q(learning_goals__kind=LearningGoal.Kind.SHARED),
                distinct=True,
            ),
            challenge_count=Count("personal_challenges", distinct=True),
            outcome_count=Count(
                "personal_challenges",
                filter=~Q(personal_challenges__outcome=""),
                distinct=True,
            ),
            district_name=F("network__district__name"),
        )
        .values_list("district_name", "shared", "challenge_count", "outcome_count")
    )
    for district, shared, challenges, outcomes in rows:
        line = goals[district]
        line.cycles += 1
        line.with_shared_goal += 1 if shared else 0
        line.challenges += challenges
        line.with_outcome += outcomes
    return goals


# --- Netwerkbarometer ----------------------------------------------------------------------------


@dataclass
class RoundLine:
    """A round and, only when its results may be shown, how many counted and the average per
    dimension (key -> average, None where no statement of it was answered)."""

    opened_on: date
    closed_on: date
    is_closed: bool
    visible: bool
    counted: int | None = None
    averages: dict[str, float | None] = field(default_factory=dict)


def dimensions() -> list[tuple[str, str]]:
    """The Netwerkbarometer's dimensions in order: (key, label)."""
    return [(d.value, str(d.label)) for d in Dimension]


def _rounds() -> QuerySet[BarometerRound]:
    return BarometerRound.objects.with_answered().select_related("network__district__region")


def _lines(rounds: list[BarometerRound]) -> list[RoundLine]:
    """The barometer decides what may be shown (`round_summary(...).visible`: closed and at
    least k counted answers); only those rounds' answers are read, released first if due, in
    one query for all of them."""
    summaries = [results.round_summary(barometer_round=r) for r in rounds]
    shown = [s.barometer_round for s in summaries if s.visible]
    barometer_services.rounds_release_due(rounds=shown)
    tallies = results.pool(results.statement_counts([r.pk for r in shown])) if shown else {}
    lines = []
    for summary in summaries:
        r = summary.barometer_round
        line = RoundLine(
            opened_on=timezone.localdate(r.opened_at),
            closed_on=r.closed_on,
            is_closed=r.is_closed,
            visible=summary.visible,
        )
        if summary.visible:
            line.counted = summary.counted
            line.averages = results.dimension_averages(tallies.get(r.pk, {}))
        lines.append(line)
    return lines


def cycle_barometer(*, cycle: Cycle) -> list[RoundLine]:
    """The network's rounds opened during the cycle, oldest first (two queries, one more to
    release a round that closed since the daily release)."""
    rounds = _rounds().filter(network_id=cycle.network_id, opened_at__gte=cycle.started_at)
    if cycle.ended_at is not None:
        rounds = rounds.filter(opened_at__lt=cycle.ended_at)
    return _lines(list(rounds.order_by("opened_at", "pk")))


def region_barometer(*, region: Region, year: int) -> dict[str, list[RoundLine]]:
    """Per district name, the region's rounds that closed in the year, oldest first."""
    start, end = year_bounds(year)
    candidates = (
        BarometerRound.objects.closed()
        .with_answered()
        .select_related("network__district__region")
        .filter(network__district__region=region, network__kind=Network.Kind.LEARNING)
        .filter(Q(closes_on__year=year) | Q(closed_at__gte=start, closed_at__lt=end))
        .order_by("closes_on", "pk")
    )
    rounds = [r for r in candidates if r.closed_on.year == year]
    by_district: dict[str, list[RoundLine]] = defaultdict(list)
    for r, line in zip(rounds, _lines(rounds), strict=True):
        by_district[r.network.district.name].append(line)
    return by_district
