"""Reads of a person's notifications and preferences."""

from django.core.cache import cache
from django.db.models import QuerySet

from lerendnetwerk.accounts.models import User

from . import kinds
from .models import Notification, NotificationPreference
from .services import unread_cache_key

# How long the header's count may come from the cache; making or reading notifications
# forgets it at once, so this only bounds a count left behind by a direct database change.
UNREAD_CACHE_SECONDS = 600


def notifications_of(*, user: User) -> QuerySet[Notification]:
    """The person's notifications, newest first."""
    return Notification.objects.filter(user=user).order_by("-created_at", "-pk")


def unread_count(*, user: User) -> int:
    """How many of the person's notifications are unread: one query, then from the cache."""
    key = unread_cache_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(user=user).unread().count()
        cache.set(key, count, UNREAD_CACHE_SECONDS)
    return int(count)


def preferences_of(*, user: User) -> dict[str, str]:
    """Per registered kind how the person gets it e-mailed: their choice, else the default."""
    chosen = dict(
        NotificationPreference.objects.filter(user=user).values_list("kind", "frequency")
    )
    return {
        kind.key: chosen.get(kind.key, kind.default_frequency.value) for kind in kinds.kinds()
    }
