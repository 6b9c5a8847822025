"""Digests through the real queue: the command queues them in the database, the worker sends
them, and running the command again sends nothing twice."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from lerendnetwerk.core.models import SentEmail
from lerendnetwerk.core.tests.factories import UserFactory, add_member
from lerendnetwerk.notifications import services
from lerendnetwerk.notifications.models import Notification
from lerendnetwerk.themes.notifications import AGREEMENT_PUBLISHED, DOT_VOTE_CLOSED

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TUESDAY = datetime(2026, 12, 8, 7, 0, tzinfo=AMSTERDAM)
MONDAY = datetime(2026, 12, 14, 7, 0, tzinfo=AMSTERDAM)


def _worker() -> None:
    call_command("db_worker", batch=True, interval=0, verbosity=0)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_daily_and_weekly_digests_go_once_through_the_queue(settings, network):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    daily = add_member(network, UserFactory.create(name="Dirk Dagelijks"))
    weekly = add_member(network, UserFactory.create(name="Wendy Wekelijks", language="en"))
    services.notification_preferences_set(user=daily, frequencies={DOT_VOTE_CLOSED: "daily"})
    services.notification_preferences_set(
        user=weekly, frequencies={DOT_VOTE_CLOSED: "weekly", AGREEMENT_PUBLISHED: "weekly"}
    )
    for kind, params in ((DOT_VOTE_CLOSED, {}), (AGREEMENT_PUBLISHED, {"version": "2"})):
        services.notify(
            users=[daily, weekly],
            kind=kind,
            params={"network": network.name, **params},
            url_name="themes:agreement",
            url_args=[network.slug],
        )
    # The agreement is "immediately" for the daily reader: one e-mail at once.
    _worker()
    assert [m.to for m in mail.outbox] == [[daily.email]]
    mail.outbox.clear()

    # Tuesday: only the daily digest, with what waited for it.
    assert services.notification_digests_send(now=TUESDAY + timedelta(days=400)) == 1
    assert services.notification_digests_send(now=TUESDAY + timedelta(days=400)) == 0
    _worker()
    [digest] = mail.outbox
    assert digest.to == [daily.email]
    assert digest.subject == "Lerend Netwerk: 1 nieuwe melding"
    assert "De stemronde in LN Overvecht is gesloten" in digest.body

    # Monday: the weekly one, in English, with both; the command run twice queues it once.
    mail.outbox.clear()
    monday = MONDAY + timedelta(days=399)  # a Monday after the notifications were made
    assert monday.weekday() == 0
    call_command("send_notification_digests", verbosity=0)  # today may be any weekday
    services.notification_digests_send(now=monday)
    services.notification_digests_send(now=monday)
    _worker()
    [weekly_digest] = mail.outbox
    assert weekly_digest.to == [weekly.email]
    assert weekly_digest.subject == "Lerend Netwerk: 2 new notifications"
    assert "Version 2 of the contract of LN Overvecht" in weekly_digest.body
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    assert SentEmail.objects.filter(sent_at__isnull=False).count() == 3
    assert all(result.status == "SUCCESSFUL" for result in DBTaskResult.objects.all())


@pytest.mark.django_db
def test_a_digest_leaves_out_what_was_read_and_nobody_gets_an_empty_one(network, participant):
    services.notification_preferences_set(user=participant, frequencies={DOT_VOTE_CLOSED: "daily"})
    services.notify(users=[participant], kind=DOT_VOTE_CLOSED, params={"network": network.name})
    services.notifications_mark_read(user=participant)
    assert services.notification_digests_send(now=TUESDAY + timedelta(days=400)) == 0
    assert mail.outbox == []
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


@pytest.mark.django_db
def test_the_same_digest_has_the_same_key():
    assert services._digest_key(1, [3, 4]) == services._digest_key(1, [3, 4])
    assert services._digest_key(1, [3, 4]) != services._digest_key(2, [3, 4])
