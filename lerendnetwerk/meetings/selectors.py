"""Reads for the meeting pages, each in a fixed number of queries."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry, Phase
from lerendnetwerk.networks.models import Membership, Network

from .models import AgendaItem, Meeting, Rsvp


def _with_counts(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    return meetings.annotate(
        invited_count=Count("rsvps", distinct=True),
        accepted_count=Count("rsvps", filter=Q(rsvps__answer=Rsvp.Answer.ACCEPTED), distinct=True),
        declined_count=Count("rsvps", filter=Q(rsvps__answer=Rsvp.Answer.DECLINED), distinct=True),
        attended_count=Count("rsvps", filter=Q(rsvps__attended=True), distinct=True),
    )


def meetings_for_network(*, network: Network) -> list[Meeting]:
    return list(_with_counts(network.meetings.select_related("host")).order_by("-starts_at"))


def meeting_get(*, pk: int) -> Meeting:
    return Meeting.objects.select_related(
        "network__district__region", "network__current_cycle", "host", "created_by"
    ).get(pk=pk)


def meeting_agenda(*, meeting: Meeting) -> list[AgendaItem]:
    return list(meeting.agenda_items.select_related("entry__topic", "lead_user"))


def meeting_rsvps(*, meeting: Meeting) -> list[Rsvp]:
    return list(meeting.rsvps.select_related("user__organisation").order_by("user__name"))


def meetings_for_user(*, user: User) -> tuple[list[Meeting], list[Meeting]]:
    """(upcoming, past) meetings of the person's networks, with their own answer attached."""
    now = timezone.now()
    meetings = (
        Meeting.objects.filter(
            network__memberships__user=user, network__memberships__left_at__isnull=True
        )
        .select_related("network", "host")
        .prefetch_related(
            Prefetch("rsvps", queryset=Rsvp.objects.filter(user=user), to_attr="my_rsvps")
        )
        .distinct()
    )
    upcoming: list[Meeting] = list(meetings.filter(ends_at__gt=now).order_by("starts_at"))
    past: list[Meeting] = list(meetings.filter(ends_at__lte=now).order_by("-starts_at")[:20])
    return upcoming, past


def feed_meetings(*, user: User) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(
            network__memberships__user=user, network__memberships__left_at__isnull=True
        )
        .select_related("network", "host")
        .distinct()
        .order_by("starts_at")
    )


def agenda_entry_choices(*, phase: str) -> list[tuple[str, list[tuple[int, str]]]]:
    """Catalogue entries for an agenda, the meeting's phase first, grouped for a <select>."""
    entries = list(
        Entry.objects.filter(kind__in=[Entry.Kind.ACTIVITY, Entry.Kind.INSTRUMENT])
        .select_related("topic")
        .order_by("topic__order", "order")
    )
    labels = {p.value: str(p.label) for p in Phase}
    stages = [phase, *[p for p in Phase.values if p != phase]] if phase else list(Phase.values)
    return [
        (labels[stage], [(e.pk, e.title) for e in entries if e.topic.stage == stage])
        for stage in stages
        if any(e.topic.stage == stage for e in entries)
    ]


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


def network_figures(*, network: Network, meetings: list[Meeting]) -> NetworkFigures:
    """Meetings per phase, attendance rate per held meeting, and give and take per member.

    `meetings` are the network's meetings from `meetings_for_network` (with their counts); the
    figures take those of the current cycle that were not cancelled.
    """
    meetings = sorted(
        (
            m
            for m in meetings
            if m.cycle_id == network.current_cycle_id and m.status == Meeting.Status.SCHEDULED
        ),
        key=lambda m: m.starts_at,
    )
    per_phase = Counter(m.phase for m in meetings)
    attendance: list[tuple[Meeting, int | None]] = [
        (
            m,
            round(100 * m.attended_count / m.invited_count)  # type: ignore[attr-defined]
            if m.attendance_recorded_at and m.invited_count  # type: ignore[attr-defined]
            else None,
        )
        for m in meetings
    ]
    members = {
        membership.user_id: MemberFigures(user=membership.user)
        for membership in Membership.objects.filter(
            network=network, left_at__isnull=True
        ).select_related("user")
    }
    in_network = Q(meeting__network=network)
    for user_id, count in (
        Rsvp.objects.filter(in_network, answer=Rsvp.Answer.DECLINED)
        .values_list("user_id")
        .annotate(n=Count("pk"))
    ):
        if user_id in members:
            members[user_id].declined = count
    for user_id, count in (
        Meeting.preparers.through.objects.filter(meeting__network=network)
        .values_list("user_id")
        .annotate(n=Count("pk"))
    ):
        if user_id in members:
            members[user_id].prepared = count
    for user_id, count in (
        AgendaItem.objects.filter(in_network, lead_user__isnull=False)
        .values_list("lead_user_id")
        .annotate(n=Count("pk"))
    ):
        if user_id in members:
            members[user_id].led = count
    return NetworkFigures(
        meetings_per_phase=[(phase, per_phase.get(phase.value, 0)) for phase in Phase],
        attendance=attendance,
        members=sorted(members.values(), key=lambda f: f.user.name),
    )
