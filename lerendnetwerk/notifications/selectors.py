"""Reads of a person's notifications and preferences."""

from django.db.models import QuerySet

from lerendnetwerk.accounts.models import User

from . import kinds
from .models import Notification, NotificationPreference


def notifications_of(*, user: User) -> QuerySet[Notification]:
    """The person's notifications, newest first."""
    return Notification.objects.filter(user=user).order_by("-created_at", "-pk")


def notification_of(*, user: User, pk: int) -> Notification | None:
    """One of the person's own notifications; None for anyone else's."""
    return Notification.objects.filter(user=user, pk=pk).first()


def unread_count(*, user: User) -> int:
    """How many of the person's notifications are unread: one query on an index.

    Not cached: a count kept per person would have to be forgotten for every recipient of
    every notification, and pages would count differently on a first and a later visit."""
    return Notification.objects.filter(user=user).unread().count()


def preferences_of(*, user: User) -> dict[str, str]:
    """Per registered kind how the person gets it e-mailed: their choice, else the default."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "frequency"))
    return {kind.key: chosen.get(kind.key, kind.default_frequency.value) for kind in kinds.kinds()}
