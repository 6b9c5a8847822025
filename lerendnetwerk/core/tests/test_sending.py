"""Exactly-once e-mail: the idempotency key, retries after a failed send, task recovery."""

import smtplib
from datetime import timedelta
from typing import Any
from uuid import uuid4

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lerendnetwerk.core.models import SentEmail, WorkerHeartbeat
from lerendnetwerk.core.services import Claim, email_claim, tasks_recover
from lerendnetwerk.core.tasks import send_email

MAIL: dict[str, Any] = {"to": ["lid@example.org"], "subject": "Hallo", "text": "Tekst"}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db
def test_a_key_is_sent_once_however_often_the_task_runs():
    key = str(uuid4())
    send_email.enqueue(**MAIL, key=key)
    send_email.enqueue(**MAIL, key=key)

    [message] = mail.outbox
    assert message.extra_headers["Message-ID"] == f"<{key}@lerendnetwerk.example>"
    assert SentEmail.objects.get().sent_at is not None


@pytest.mark.django_db
def test_a_claim_is_taken_over_by_its_own_task_or_after_it_expires(settings):
    key, now = uuid4(), timezone.now()
    assert email_claim(key=key, holder="task-1", now=now)[0] is Claim.CLAIMED
    # Another task waits while the claim is fresh: the first may be talking to the server.
    claim, expires = email_claim(key=key, holder="task-2", now=now)
    assert claim is Claim.BUSY
    assert expires == now + timedelta(seconds=settings.EMAIL_CLAIM_TIMEOUT)
    # The same task, re-queued after its worker died, goes on at once.
    assert email_claim(key=key, holder="task-1", now=now)[0] is Claim.CLAIMED
    assert email_claim(key=key, holder="task-2", now=expires + timedelta(seconds=1))[0] is (
        Claim.CLAIMED
    )
    assert SentEmail.objects.get().attempts == 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_busy_key_is_looked_at_again_when_its_claim_expires(database_queue):
    key = uuid4()
    email_claim(key=key, holder="another task")
    send_email.enqueue(**MAIL, key=str(key))
    call_command("db_worker", batch=True, interval=0, verbosity=0)

    assert mail.outbox == []
    later = DBTaskResult.objects.get(status="READY")
    assert later.args_kwargs["kwargs"]["key"] == str(key)
    assert later.run_after > timezone.now() + timedelta(minutes=9)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failed_send_fails_the_task_and_queues_a_later_attempt(database_queue, monkeypatch):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    key = str(uuid4())
    send_email.enqueue(**MAIL, key=key)
    call_command("db_worker", batch=True, interval=0, verbosity=0)

    failed = DBTaskResult.objects.get(status="FAILED")
    assert "SMTPServerDisconnected" in failed.exception_class_path
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["kwargs"] == {
        **MAIL,
        "html": "",
        "attachments": [],
        "key": key,
        "attempt": 2,
    }
    assert timezone.now() < retry.run_after < timezone.now() + timedelta(minutes=2)
    # The claim is given up: the retry need not wait for it to expire.
    assert SentEmail.objects.get().claimed_at is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_refused_recipient_is_not_retried(database_queue, monkeypatch):
    def refuse(self, messages):
        raise smtplib.SMTPRecipientsRefused({"lid@example.org": (550, b"No such user")})

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    send_email.enqueue(**MAIL, key=str(uuid4()))
    call_command("db_worker", batch=True, interval=0, verbosity=0)

    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["FAILED"]


@pytest.mark.django_db
def test_only_tasks_of_gone_workers_go_back_to_the_queue(settings, database_queue):
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="alive", started_at=now, seen_at=now)
    gone = now - timedelta(seconds=settings.TASK_WORKER_TIMEOUT + 1)
    WorkerHeartbeat.objects.create(worker_id="gone", started_at=gone, seen_at=gone)
    long_ago = now - timedelta(seconds=settings.TASK_RUNNING_TIMEOUT + 1)

    def running(worker: str, started_at):
        result = send_email.enqueue(**MAIL, key=str(uuid4()))
        DBTaskResult.objects.filter(id=result.id).update(
            status="RUNNING", worker_ids=[worker], started_at=started_at
        )
        return result.id

    alive = running("alive", long_ago)
    of_gone = running("gone", now)
    plain_recent = running("plain db_worker", now)
    plain_old = running("plain db_worker", long_ago)

    assert tasks_recover(now=now) == 2

    status = {str(id_): value for id_, value in DBTaskResult.objects.values_list("id", "status")}
    assert status[alive] == status[plain_recent] == "RUNNING"
    assert status[of_gone] == status[plain_old] == "READY"
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["alive"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_last_attempt_queues_no_other(settings, database_queue, monkeypatch):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    send_email.enqueue(**MAIL, key=str(uuid4()), attempt=settings.EMAIL_MAX_ATTEMPTS)

    call_command("db_worker", batch=True, interval=0, verbosity=0)

    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["FAILED"]
