"""Network data that trips a rule, built through the services as people would build it."""

from datetime import timedelta

from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks.models import Network


def meeting(
    network: Network,
    facilitator: User,
    *,
    days: int,
    items: tuple[tuple[int, str], ...] = (),
    title: str = "",
    member: User | None = None,
) -> Meeting:
    """A two-hour meeting `days` from now (negative: held that long ago) with agenda items of
    (minutes, work form slug or "" for a free item); `member` leads the free items."""
    future = timezone.now() + timedelta(days=1)
    planned = meeting_services.meeting_schedule(
        network=network,
        title=title or f"Bijeenkomst {days}",
        starts_at=future,
        ends_at=future + timedelta(hours=2),
        address="Wijkcentrum",
        created_by=facilitator,
    )
    for minutes, slug in items:
        entry = Entry.objects.get(slug=slug) if slug else None
        meeting_services.agenda_item_add(
            meeting=planned,
            entry=entry,
            title="" if entry else "Mededelingen",
            duration_minutes=minutes,
            lead="member" if member and not entry else "facilitator",
            lead_user=member if not entry else None,
        )
    if days != 1:
        # Time passes: the meeting moves to its day (the service plans only in the future).
        starts = timezone.now() + timedelta(days=days)
        Meeting.objects.filter(pk=planned.pk).update(
            starts_at=starts, ends_at=starts + timedelta(hours=2)
        )
        planned.refresh_from_db()
    return planned


def meeting_atmosphere(network: Network, facilitator: User, member: User) -> list[Meeting]:
    """Three held meetings that mostly talk: 20 of 160 agenda minutes went to a work form.
    A member leads the talking, so the facilitator does not lead everything."""
    return [
        meeting(network, facilitator, days=-42, items=((60, ""),), member=member),
        meeting(network, facilitator, days=-28, items=((40, ""),), member=member),
        meeting(
            network, facilitator, days=-14, items=((20, "levend-domino"), (40, "")), member=member
        ),
    ]
