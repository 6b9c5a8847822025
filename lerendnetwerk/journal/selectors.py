"""Who may read which diary entries. The one place that decides it; views and rules use it."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from lerendnetwerk.accounts.models import User
from lerendnetwerk.groups.selectors import buddy_ids_of
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.meetings.selectors import meetings_of_member
from lerendnetwerk.networks.models import Network
from lerendnetwerk.networks.selectors import network_ids_of, networks_for_user

from .models import JournalEntry


def entries_shared_with(*, user: User) -> QuerySet[JournalEntry]:
    """Entries of others that the user may read: shared with their network, or with them as
    the author's current buddy in that network. Never anything private.

    "Current buddy" is `buddy_ids_of`: an open pair of which both are current members of the
    network, so a buddy who left reads nothing more, not even what was written before."""
    if not user.is_authenticated:
        return JournalEntry.objects.none()
    # The ids as a list, not a subquery: inside the OR below a subquery makes PostgreSQL read
    # every entry of every network (seconds at national scale) instead of the index.
    shared_with_network = Q(
        visibility=JournalEntry.Visibility.NETWORK,
        network_id__in=list(network_ids_of(user=user)),
    )
    shared_with_buddy = Q(pk__in=[])
    for network_id, buddy_ids in buddy_ids_of(user=user).items():
        shared_with_buddy |= Q(
            visibility=JournalEntry.Visibility.BUDDY,
            network_id=network_id,
            author_id__in=buddy_ids,
        )
    return (
        JournalEntry.objects.filter(shared_with_network | shared_with_buddy)
        .exclude(author=user)
        .select_related("author", "network", "meeting")
    )


def entry_readable(*, user: User, entry: JournalEntry) -> bool:
    """The same decision as `entries_shared_with`, for one entry."""
    if not user.is_authenticated:
        return False
    if entry.author_id == user.pk:
        return True
    if entry.visibility == JournalEntry.Visibility.PRIVATE or entry.network_id is None:
        return False
    if entry.visibility == JournalEntry.Visibility.NETWORK:
        return entry.network_id in set(network_ids_of(user=user))
    return entry.author_id in buddy_ids_of(user=user).get(entry.network_id, set())


def my_entries(*, user: User, query: str = "") -> QuerySet[JournalEntry]:
    entries = JournalEntry.objects.filter(author=user).select_related("network", "meeting")
    for word in query.split():
        entries = entries.filter(
            Q(text__icontains=word)
            | Q(think__icontains=word)
            | Q(feel__icontains=word)
            | Q(want__icontains=word)
        )
    return entries.order_by("-written_on", "-created_at")


def entry_get(*, pk: int) -> JournalEntry:
    """An entry with what its pages show; whether the reader may see it is the rules' question
    (`entry_readable`). Raises JournalEntry.DoesNotExist."""
    return JournalEntry.objects.select_related("author", "network", "meeting").get(pk=pk)


# The page of entries shared with someone shows the newest this many.
SHARED_SHOWN = 100


def entries_shared_with_newest(*, user: User) -> list[JournalEntry]:
    return list(
        entries_shared_with(user=user).order_by("-written_on", "-created_at")[:SHARED_SHOWN]
    )


@dataclass(frozen=True)
class EntryChoices:
    """What an author's diary entry may refer to: their networks (to share in) and the
    meetings of those networks, newest first."""

    networks: QuerySet[Network]
    meetings: QuerySet[Meeting]


def entry_choices(*, author: User) -> EntryChoices:
    return EntryChoices(
        networks=networks_for_user(user=author),
        meetings=meetings_of_member(user=author).order_by("-starts_at"),
    )
