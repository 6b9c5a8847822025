"""Writes of the background machinery: e-mail idempotency keys and task recovery.

See docs/operations.md for why the steps are in this order and what they guarantee.
"""

import enum
import logging
from datetime import datetime, timedelta
from uuid import UUID

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from .models import SentEmail, WorkerHeartbeat

logger = logging.getLogger(__name__)


class Claim(enum.Enum):
    CLAIMED = "claimed"  # this attempt sends
    SENT = "sent"  # an earlier attempt sent it: do nothing
    BUSY = "busy"  # another attempt holds a fresh claim: look again when it expires


def email_claim(*, key: UUID, holder: str, now: datetime | None = None) -> tuple[Claim, datetime]:
    """Claim an e-mail's key before sending it; return the outcome and when the claim expires.

    A claim can be taken when nobody has one, when it is `holder`'s own (the same task, run
    again after its worker died), or when it is older than EMAIL_CLAIM_TIMEOUT.
    """
    now = now or timezone.now()
    timeout = timedelta(seconds=settings.EMAIL_CLAIM_TIMEOUT)
    with transaction.atomic():
        try:
            with transaction.atomic():
                SentEmail.objects.create(key=key, claimed_by=holder, claimed_at=now, attempts=1)
        except IntegrityError:
            pass
        else:
            return Claim.CLAIMED, now + timeout
        # One conditional UPDATE: of two attempts racing for a stale claim, one wins.
        taken = SentEmail.objects.filter(
            Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - timeout) | Q(claimed_by=holder),
            key=key,
            sent_at__isnull=True,
            # pagecache: the outbox's bookkeeping is shown on no cached page.
        ).update(claimed_by=holder, claimed_at=now, attempts=F("attempts") + 1)
        if taken:
            return Claim.CLAIMED, now + timeout
        row = SentEmail.objects.get(key=key)
        if row.sent_at is not None:
            return Claim.SENT, now
        assert row.claimed_at is not None
        return Claim.BUSY, row.claimed_at + timeout


def email_mark_sent(*, key: UUID) -> None:
    SentEmail.objects.filter(key=key).update(sent_at=timezone.now())  # pagecache: not shown


def email_release(*, key: UUID) -> None:
    """Give a claim up after a send that failed, so that a retry need not wait for it."""
    # pagecache: the outbox's bookkeeping is shown on no cached page.
    SentEmail.objects.filter(key=key, sent_at__isnull=True).update(claimed_by="", claimed_at=None)


def worker_heartbeat(*, worker_id: str) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"seen_at": now},
        create_defaults={"started_at": now, "seen_at": now},
    )


def worker_stopped(*, worker_id: str) -> None:
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def tasks_recover(*, now: datetime | None = None) -> int:
    """Put RUNNING tasks whose worker is gone back in the queue; return how many.

    A worker is gone when its heartbeat is older than TASK_WORKER_TIMEOUT. A task claimed by a
    worker that never wrote heartbeats (a plain `db_worker`) counts as abandoned after
    TASK_RUNNING_TIMEOUT. Running a task twice is safe for e-mail (the idempotency key); the
    other tasks only recompute or re-check before they act.
    """
    now = now or timezone.now()
    worker_cutoff = now - timedelta(seconds=settings.TASK_WORKER_TIMEOUT)
    running_cutoff = now - timedelta(seconds=settings.TASK_RUNNING_TIMEOUT)
    with transaction.atomic():
        seen = dict(WorkerHeartbeat.objects.values_list("worker_id", "seen_at"))
        stale = []
        for task_id, worker_ids, started_at in DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING
        ).values_list("id", "worker_ids", "started_at"):
            worker = worker_ids[-1] if worker_ids else None
            if worker in seen:
                if seen[worker] < worker_cutoff:
                    stale.append(task_id)
            elif started_at is None or started_at < running_cutoff:
                stale.append(task_id)
        recovered = DBTaskResult.objects.filter(
            id__in=stale, status=TaskResultStatus.RUNNING
        ).update(status=TaskResultStatus.READY, started_at=None)  # pagecache: not shown
        WorkerHeartbeat.objects.filter(seen_at__lt=worker_cutoff).delete()
    if recovered:
        logger.warning("Put %d task(s) of stopped workers back in the queue.", recovered)
    return recovered
