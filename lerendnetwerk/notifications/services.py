"""Writes on notifications: making them for many people at once, reading them, the preferences
and the digests. E-mail goes through the task queue (`core.email.email_enqueue`), after the
commit, in each recipient's language."""

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from itertools import groupby
from uuid import NAMESPACE_URL, uuid5

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core import pagecache
from lerendnetwerk.core.email import email_enqueue

from . import kinds
from .kinds import Frequency
from .models import Notification, NotificationPreference

# The weekly digests go out when the daily command runs on this weekday (Monday).
WEEKLY_DIGEST_WEEKDAY = 0

# Send the notification e-mail to these people yourself (an e-mail with more in it than the
# one line, e.g. a meeting's invitation with its .ics file); called inside the transaction.
EmailSender = Callable[[list[User]], object]


# Set by `no_email()`: notifications are made and listed, but nothing is e-mailed.
_no_email: ContextVar[bool] = ContextVar("notifications_no_email", default=False)


@contextmanager
def no_email() -> Iterator[None]:
    """Make notifications without e-mailing anyone, now or in a digest (the demo data)."""
    token = _no_email.set(True)
    try:
        yield
    finally:
        _no_email.reset(token)


def notify(
    *,
    users: Iterable[User],
    kind: str,
    params: Mapping[str, str] | None = None,
    url_name: str = "",
    url_args: Sequence[str | int] = (),
    email: EmailSender | None = None,
) -> list[Notification]:
    """Make one notification per person (active accounts, each once) in one query, and e-mail
    those who want this kind immediately: with `email` when the app sends its own message,
    else the platform's short one. A daily or weekly choice waits for the digest
    (`notification_digests_send`); "never" sends no e-mail but still lists it.

    Call it inside the feature's transaction: a rolled-back write leaves no notification, and
    the e-mails are queued only after the commit. Refuses an unregistered kind (a programming
    error, so a ValueError).
    """
    registered = kinds.get(kind)
    if registered is None:
        raise ValueError(f"Unknown notification kind {kind!r}")
    recipients = list({user.pk: user for user in users if user.is_active}.values())
    if not recipients:
        return []
    chosen = dict(
        NotificationPreference.objects.filter(
            kind=kind, user__in=[user.pk for user in recipients]
        ).values_list("user_id", "frequency")
    )
    now, silent = timezone.now(), _no_email.get()
    notifications = []
    for user in recipients:
        delivery = chosen.get(user.pk, registered.default_frequency)
        notifications.append(
            Notification(
                user=user,
                kind=kind,
                params=dict(params or {}),
                url_name=url_name,
                url_args=list(url_args),
                delivery=delivery,
                emailed_at=now if silent or delivery == Frequency.IMMEDIATELY else None,
            )
        )
    created = Notification.objects.bulk_create(notifications)
    # The header counts the unread ones on every page.
    pagecache.changed(*created)
    at_once = [n for n in created if n.delivery == Frequency.IMMEDIATELY and not silent]
    if at_once and email is not None:
        email([notification.user for notification in at_once])
    elif at_once:
        for notification in at_once:
            _email_one(notification)
    return created


def _absolute(notification: Notification) -> str:
    path = notification.path
    return settings.SITE_URL + path if path else ""


def _preferences_url() -> str:
    return settings.SITE_URL + reverse("notifications:preferences")


def _email_one(notification: Notification) -> None:
    user = notification.user
    with translation.override(user.language):
        message, url, preferences_url = (
            notification.message,
            _absolute(notification),
            _preferences_url(),
        )
    email_enqueue(
        to=user.email,
        template="notifications/email/notification",
        context={
            "name": user.name,
            "message": message,
            "url": url,
            "preferences_url": preferences_url,
        },
        language=user.language,
    )


@transaction.atomic
def notifications_mark_read(*, user: User) -> int:
    """Mark all the person's unread notifications read; returns how many."""
    pagecache.bump(pagecache.person(user.pk))
    return Notification.objects.filter(user=user).unread().update(read_at=timezone.now())


def notification_mark_read(*, notification: Notification) -> None:
    """Mark one notification read (a no-op when it already is: the first reading counts)."""
    Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    pagecache.changed(notification)


@transaction.atomic
def notification_preferences_set(*, user: User, frequencies: Mapping[str, str]) -> None:
    """Store the person's choice per kind (registered kinds and known frequencies only; a
    choice equal to the kind's default is stored too, so a later new default leaves it be)."""
    valid = {choice.value for choice in Frequency}
    chosen = {
        key: frequency
        for key, frequency in frequencies.items()
        if kinds.get(key) is not None and frequency in valid
    }
    NotificationPreference.objects.bulk_create(
        [NotificationPreference(user=user, kind=key, frequency=f) for key, f in chosen.items()],
        update_conflicts=True,
        unique_fields=["user", "kind"],
        update_fields=["frequency"],
    )
    pagecache.bump(pagecache.person(user.pk))


def _digest_key(user_id: int, ids: list[int]) -> str:
    """The same notifications give the same key, so a digest is sent once (core/tasks.py)
    even when the command runs again after a failure."""
    return str(uuid5(NAMESPACE_URL, f"lerendnetwerk:notification-digest:{user_id}:{ids}"))


@transaction.atomic
def notification_digests_send(*, now: datetime | None = None) -> int:
    """Queue one digest e-mail per person with the notifications that wait for it: the daily
    ones every day, the weekly ones too on Monday. Each is marked e-mailed, so running it again
    sends nothing twice. A notification read in the platform meanwhile is left out; nobody
    gets an empty digest. Returns how many digests were queued."""
    now = now or timezone.now()
    deliveries = [Frequency.DAILY]
    if timezone.localdate(now).weekday() == WEEKLY_DIGEST_WEEKDAY:
        deliveries.append(Frequency.WEEKLY)
    due = list(
        Notification.objects.select_for_update(of=("self",))
        .filter(delivery__in=deliveries, emailed_at__isnull=True, created_at__lte=now)
        .select_related("user")
        .order_by("user_id", "created_at", "pk")
    )
    sent = 0
    for _user_id, group in groupby(due, key=lambda n: n.user_id):
        items = [n for n in group if n.read_at is None]
        if not items or not items[0].user.is_active:
            continue
        _email_digest(items)
        sent += 1
    # pagecache: when a notification was e-mailed is shown on no page.
    Notification.objects.filter(pk__in=[n.pk for n in due]).update(emailed_at=now)
    return sent


def _email_digest(items: list[Notification]) -> None:
    user = items[0].user
    with translation.override(user.language):
        lines = [(n.message, _absolute(n)) for n in items]
        preferences_url = _preferences_url()
    email_enqueue(
        to=user.email,
        template="notifications/email/digest",
        context={"name": user.name, "items": lines, "preferences_url": preferences_url},
        language=user.language,
        key=_digest_key(user.pk, [n.pk for n in items]),
    )
