"""Reads for the meeting pages, each in a fixed number of queries."""

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import (
    Count,
    F,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue import selectors as catalogue_selectors
from lerendnetwerk.catalogue.models import Entry, Phase
from lerendnetwerk.core import pagecache
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Cycle, Network

from .models import AgendaItem, CalendarFeed, Meeting, Rsvp

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class MeetingCounts(TypedDict):
    """The answers and attendance counted on each meeting by `_with_counts`."""

    invited_count: int
    accepted_count: int
    declined_count: int
    attended_count: int


if TYPE_CHECKING:
    CountedMeeting = WithAnnotations[Meeting, MeetingCounts]


def _with_counts(meetings: QuerySet[Meeting]) -> "QuerySet[CountedMeeting]":
    return meetings.annotate(
        invited_count=Count("rsvps", distinct=True),
        accepted_count=Count("rsvps", filter=Q(rsvps__answer=Rsvp.Answer.ACCEPTED), distinct=True),
        declined_count=Count("rsvps", filter=Q(rsvps__answer=Rsvp.Answer.DECLINED), distinct=True),
        attended_count=Count("rsvps", filter=Q(rsvps__attended=True), distinct=True),
    )


def meetings_upcoming(*, network: Network) -> "list[CountedMeeting]":
    """Meetings that have not ended, soonest first: a handful, whatever the network's age."""
    return list(
        _with_counts(
            network.meetings.filter(ends_at__gt=timezone.now()).select_related("host")
        ).order_by("starts_at")
    )


def meetings_earlier(*, network: Network) -> "QuerySet[CountedMeeting]":
    """Meetings that have ended, newest first; the page shows them a page at a time."""
    return _with_counts(
        network.meetings.filter(ends_at__lte=timezone.now()).select_related("host")
    ).order_by("-starts_at", "-pk")


def meetings_of_cycle(*, network: Network) -> "list[CountedMeeting]":
    """The current cycle's meetings that were not cancelled, oldest first, with their counts."""
    return list(
        _with_counts(
            network.meetings.filter(
                Q(cycle_id=network.current_cycle_id), status=Meeting.Status.SCHEDULED
            )
        ).order_by("starts_at")
    )


def _count(rows: QuerySet[Any]) -> Coalesce:
    """The number of `rows` as a subquery: an aggregate without GROUP BY gives one row."""
    return Coalesce(
        Subquery(rows.order_by().annotate(n=Func("pk", function="COUNT")).values("n")[:1]),
        0,
    )


def meeting_get(*, pk: int) -> Meeting:
    """The meeting with its network, region, host and author. Kept in the cache under its
    network's scope (core/pagecache.py), so that a page served from the cache reads nothing."""
    network_id = pagecache.pinned(f"meetings:network-of:{pk}")
    if network_id is not None:
        found = pagecache.recall(f"meetings:meeting:{pk}", _scopes(network_id))
        if found is not None:
            return found  # type: ignore[no-any-return]
    found = Meeting.objects.select_related(
        "network__district__region", "network__current_cycle", "host", "created_by"
    ).get(pk=pk)
    pagecache.pin(f"meetings:network-of:{pk}", found.network_id)
    pagecache.keep(f"meetings:meeting:{pk}", _scopes(found.network_id), found)
    return found


def _scopes(network_id: int) -> list[str]:
    return [pagecache.network(network_id), pagecache.SHARED]


def meeting_agenda(*, meeting: Meeting) -> list[AgendaItem]:
    return list(meeting.agenda_items.select_related("entry__topic", "lead_user", "expert"))


def agenda_items_held(*, cycle: Cycle) -> list[AgendaItem]:
    """The cycle's agenda items that used a Handbook entry or were led by a member or an
    expert, in meetings that were held (not cancelled, ended), with their meeting; oldest
    first. One query: the phase guidance reads what the network really did from it."""
    return list(
        AgendaItem.objects.filter(
            Q(entry__isnull=False) | Q(lead__in=[AgendaItem.Lead.MEMBER, AgendaItem.Lead.EXPERT]),
            meeting__cycle=cycle,
            meeting__status=Meeting.Status.SCHEDULED,
            meeting__ends_at__lte=timezone.now(),
        )
        .select_related("meeting")
        .order_by("meeting__starts_at", "order", "pk")
    )


def meeting_rsvps(*, meeting: Meeting) -> list[Rsvp]:
    return list(meeting.rsvps.select_related("user__organisation").order_by("user__name"))


def meetings_of_member(*, user: User) -> QuerySet[Meeting]:
    """Every meeting of the networks the person belongs to now, with network and host."""
    return Meeting.objects.filter(
        network_id__in=network_selectors.network_ids_of(user=user)
    ).select_related("network", "host")


def meetings_for_user(*, user: User) -> tuple[list[Meeting], list[Meeting]]:
    """(upcoming, past) meetings of the person's networks, with their own answer attached."""
    now = timezone.now()
    meetings = meetings_of_member(user=user).prefetch_related(
        Prefetch("rsvps", queryset=Rsvp.objects.filter(user=user), to_attr="my_rsvps")
    )
    upcoming: list[Meeting] = list(meetings.filter(ends_at__gt=now).order_by("starts_at"))
    past: list[Meeting] = list(meetings.filter(ends_at__lte=now).order_by("-starts_at")[:20])
    return upcoming, past


def feed_meetings(*, user: User) -> QuerySet[Meeting]:
    return meetings_of_member(user=user).order_by("starts_at")


@dataclass(frozen=True)
class AgendaEntries:
    """The catalogue's work forms and instruments for an agenda item: grouped by phase for a
    <select>, and by pk, so that the chosen one is found without reading the catalogue again."""

    choices: list[tuple[str, list[tuple[int, str]]]]
    by_pk: dict[int, Entry]


def agenda_entries(*, phase: str, region_id: int | None = None) -> AgendaEntries:
    """Catalogue entries for an agenda, the meeting's phase first (one query): the shared
    Handbook's and the region's own."""
    entries = list(
        catalogue_selectors.entries_for_region(region_id=region_id)
        .filter(kind__in=[Entry.Kind.ACTIVITY, Entry.Kind.INSTRUMENT])
        .select_related("topic")
        .order_by("topic__order", "order")
    )
    labels = {p.value: str(p.label) for p in Phase}
    stages = [phase, *[p for p in Phase.values if p != phase]] if phase else list(Phase.values)
    return AgendaEntries(
        choices=[
            (labels[stage], [(e.pk, e.title) for e in entries if e.topic.stage == stage])
            for stage in stages
            if any(e.topic.stage == stage for e in entries)
        ],
        by_pk={e.pk: e for e in entries},
    )


def agenda_item_get(*, meeting: Meeting, pk: int) -> AgendaItem:
    """One item of this meeting's agenda; raises AgendaItem.DoesNotExist for another's."""
    return AgendaItem.objects.get(pk=pk, meeting=meeting)


def meeting_preparers(*, meeting: Meeting) -> list[User]:
    return list(meeting.preparers.order_by("name"))


def meeting_invited(*, meeting: Meeting) -> QuerySet[User]:
    """Everyone invited to the meeting (everyone with an answer row), by name: whose presence
    the facilitator records."""
    return User.objects.filter(rsvps__meeting=meeting).order_by("name")


def meeting_find(*, pk: int) -> Meeting | None:
    """A meeting with its network, or None: for a link that may point at nothing (a diary
    entry about a meeting); pages that need a meeting use `meeting_get`."""
    return Meeting.objects.filter(pk=pk).select_related("network").first()


def meetings_of_network(*, network: Network) -> QuerySet[Meeting]:
    """Every meeting of the network, for finding one of them by pk (404 when it is another's)."""
    return Meeting.objects.filter(network=network)


def meetings_to_plan_for(*, network: Network) -> QuerySet[Meeting]:
    """Scheduled meetings that have not ended, soonest first: the ones a plan can still use."""
    return Meeting.objects.filter(
        network=network, status=Meeting.Status.SCHEDULED, ends_at__gt=timezone.now()
    ).order_by("starts_at")


def meeting_next(*, network: Network) -> Meeting | None:
    """The network's next planned meeting (the soonest scheduled one that has not ended)."""
    return meetings_to_plan_for(network=network).first()


def agenda_entry_ids(*, meeting: Meeting) -> set[int]:
    """The catalogue entries already on the meeting's agenda."""
    return set(meeting.agenda_items.filter(entry__isnull=False).values_list("entry_id", flat=True))


def rsvp_for_link(*, meeting_id: int, user_id: int) -> Rsvp | None:
    """The invitation a signed answer link points at, with what its page shows."""
    return (
        Rsvp.objects.select_related("meeting__network", "meeting__host", "user")
        .filter(meeting_id=meeting_id, user_id=user_id)
        .first()
    )


def attendance_present(*, meeting_ids: Collection[int]) -> set[tuple[int, int]]:
    """(meeting id, user id) of everyone recorded as present at these meetings (one query)."""
    return set(
        Rsvp.objects.filter(meeting__in=meeting_ids, attended=True).values_list(
            "meeting_id", "user_id"
        )
    )


def declined_by_meeting(*, meeting_ids: Collection[int]) -> dict[int, set[int]]:
    """For each of these meetings: the ids of the people who said they cannot come."""
    declined: dict[int, set[int]] = {}
    for meeting_id, user_id in Rsvp.objects.filter(
        meeting__in=meeting_ids, answer=Rsvp.Answer.DECLINED
    ).values_list("meeting_id", "user_id"):
        declined.setdefault(meeting_id, set()).add(user_id)
    return declined


def calendar_feed_of(*, user: User) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()


def calendar_feed_by_token(*, token: str) -> CalendarFeed | None:
    """The feed behind a secret calendar address, with its owner; None for an unknown one."""
    return CalendarFeed.objects.select_related("user").filter(token=token).first()


@dataclass
class MemberFigures:
    user: User
    declined: int = 0
    prepared: int = 0
    led: int = 0


@dataclass
class NetworkFigures:
    meetings_per_phase: list[tuple[Phase, int]]
    attendance: list[tuple[Meeting, int | None]]
    members: list[MemberFigures] = field(default_factory=list)


def network_figures(*, network: Network, meetings: "list[CountedMeeting]") -> NetworkFigures:
    """Meetings per phase, attendance rate per held meeting, and give and take per member.

    `meetings` are the current cycle's from `meetings_of_cycle` (with their counts). Give and
    take counts over all the network's meetings, in one query with the members.
    """
    per_phase = Counter(m.phase for m in meetings)
    attendance: list[tuple[Meeting, int | None]] = [
        (
            m,
            round(100 * m.attended_count / m.invited_count)
            if m.attendance_recorded_at and m.invited_count
            else None,
        )
        for m in meetings
    ]
    mine = {"meeting__network": network}
    members = (
        network_selectors.memberships_active(network=network)
        .select_related("user")
        .annotate(
            declined=_count(
                Rsvp.objects.filter(**mine, user=OuterRef("user_id"), answer=Rsvp.Answer.DECLINED)
            ),
            prepared=_count(
                Meeting.preparers.through.objects.filter(**mine, user=OuterRef("user_id"))
            ),
            led=_count(AgendaItem.objects.filter(**mine, lead_user=OuterRef("user_id"))),
        )
        .order_by("user__name", "pk")
    )
    return NetworkFigures(
        meetings_per_phase=[(phase, per_phase.get(phase.value, 0)) for phase in Phase],
        attendance=attendance,
        members=[
            MemberFigures(
                user=m.user,
                declined=m.declined,
                prepared=m.prepared,
                led=m.led,
            )
            for m in members
        ],
    )


@dataclass(frozen=True)
class AttendancePoint:
    """One recorded meeting of a trend: its day and the share of the invited who came."""

    day: date
    attended: int
    invited: int

    @property
    def percentage(self) -> int:
        return round(100 * self.attended / self.invited) if self.invited else 0


TREND_MEETINGS = 6


def attendance_trends(
    *, network_ids: Collection[int], last: int = TREND_MEETINGS
) -> dict[int, list[AttendancePoint]]:
    """For each of these networks, the attendance of its last `last` meetings with recorded
    attendance (not cancelled, with invitations), oldest first; one query for all of them."""
    recorded = (
        Meeting.objects.filter(
            network_id__in=network_ids,
            status=Meeting.Status.SCHEDULED,
            attendance_recorded_at__isnull=False,
        )
        .annotate(
            invited=_count(Rsvp.objects.filter(meeting=OuterRef("pk"))),
            attended=_count(Rsvp.objects.filter(meeting=OuterRef("pk"), attended=True)),
            recent=Window(
                RowNumber(), partition_by=F("network_id"), order_by=F("starts_at").desc()
            ),
        )
        .filter(recent__lte=last, invited__gt=0)
        .order_by("network_id", "starts_at")
        .values_list("network_id", "starts_at", "attended", "invited")
    )
    trends: dict[int, list[AttendancePoint]] = {}
    for network_id, starts_at, attended, invited in recorded:
        trends.setdefault(network_id, []).append(
            AttendancePoint(timezone.localdate(starts_at), attended, invited)
        )
    return trends


@dataclass(frozen=True)
class OrganisationAttendance:
    """An organisation's people at a network's held meetings of the current cycle, as totals:
    what its manager sees (never who, never why someone could not come)."""

    held: int
    expected: int
    present: int

    @property
    def percentage(self) -> int | None:
        return round(100 * self.present / self.expected) if self.expected else None


def organisation_attendance(
    *, organisation_id: int, networks: Collection[Network]
) -> dict[int, OrganisationAttendance]:
    """For each network, its current cycle's meetings with recorded attendance (not cancelled)
    and how many of the organisation's people were invited to them and came. Two queries."""
    cycle_ids = [n.current_cycle_id for n in networks if n.current_cycle_id]
    held_meetings = Meeting.objects.filter(
        cycle_id__in=cycle_ids,
        status=Meeting.Status.SCHEDULED,
        attendance_recorded_at__isnull=False,
    )
    held = dict(
        held_meetings.order_by()
        .values_list("network_id")
        .annotate(n=Count("pk"))
        .values_list("network_id", "n")
    )
    counted = {
        network_id: (expected, present)
        for network_id, expected, present in Rsvp.objects.filter(
            meeting__in=held_meetings, user__organisation_id=organisation_id
        )
        .order_by()
        .values_list("meeting__network_id")
        .annotate(expected=Count("pk"), present=Count("pk", filter=Q(attended=True)))
        .values_list("meeting__network_id", "expected", "present")
    }
    return {
        n.pk: OrganisationAttendance(
            held=held.get(n.pk, 0),
            expected=counted.get(n.pk, (0, 0))[0],
            present=counted.get(n.pk, (0, 0))[1],
        )
        for n in networks
    }


def meetings_next_of(*, networks: Collection[Network]) -> dict[int, Meeting]:
    """Each network's next planned meeting (soonest scheduled, not ended), in one query."""
    upcoming = (
        Meeting.objects.filter(
            network__in=[n.pk for n in networks],
            status=Meeting.Status.SCHEDULED,
            ends_at__gt=timezone.now(),
        )
        .annotate(
            soonest=Window(RowNumber(), partition_by=F("network_id"), order_by=F("starts_at").asc())
        )
        .filter(soonest=1)
    )
    return {m.network_id: m for m in upcoming}


# --- A person's page: their next meetings and what the facilitator still has to do ------------


def meetings_next_for(*, user: User, network_ids: Collection[int]) -> list[Meeting]:
    """Each of these networks' next planned meeting (soonest scheduled, not ended), soonest
    first, in one query: with its network and host, the person's own answer (`my_answer`: a
    `Rsvp.Answer` value, "" when they have no invitation) and the number of members who have
    not answered yet (`pending_count`, what the facilitator chases)."""
    mine = Rsvp.objects.filter(meeting=OuterRef("pk"), user=user)
    pending = Rsvp.objects.filter(meeting=OuterRef("pk"), answer=Rsvp.Answer.PENDING)
    upcoming = (
        Meeting.objects.filter(
            network__in=list(network_ids),
            status=Meeting.Status.SCHEDULED,
            ends_at__gt=timezone.now(),
        )
        .select_related("network", "host")
        .annotate(
            soonest=Window(
                RowNumber(), partition_by=F("network_id"), order_by=[F("starts_at"), F("pk")]
            ),
            my_answer=Coalesce(Subquery(mine.values("answer")[:1]), Value("")),
            pending_count=_count(pending),
        )
        .filter(soonest=1)
    )
    return sorted(upcoming, key=lambda m: (m.starts_at, m.pk))


def attendance_to_record(*, network_ids: Collection[int]) -> list[Meeting]:
    """Meetings of these networks' current cycles that were held (scheduled, ended) without
    their attendance recorded, newest first, with their network: one query."""
    return list(
        Meeting.objects.filter(
            network__in=list(network_ids),
            cycle_id=F("network__current_cycle_id"),
            status=Meeting.Status.SCHEDULED,
            ends_at__lte=timezone.now(),
            attendance_recorded_at__isnull=True,
        )
        .select_related("network")
        .order_by("-starts_at", "-pk")
    )


def meetings_planned_since(
    *, network_ids: Collection[int], since: datetime, limit: int
) -> list[Meeting]:
    """The meetings planned in these networks since `since` that are still to come (and not
    cancelled), newest plan first, with their network: for the recent activity on a person's
    page (one query)."""
    return list(
        Meeting.objects.filter(
            network__in=list(network_ids),
            status=Meeting.Status.SCHEDULED,
            created_at__gte=since,
            ends_at__gt=timezone.now(),
        )
        .select_related("network")
        .order_by("-created_at", "-pk")[:limit]
    )
