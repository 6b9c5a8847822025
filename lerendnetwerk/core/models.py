"""What the platform's background machinery keeps: which e-mails went out, which workers live."""

from django.db import models


class SentEmail(models.Model):
    """One e-mail's idempotency key: claimed before sending, marked once sent.

    Holds no address or content: the key (a UUID made when the e-mail was queued) is all a
    retried task needs to know that its message already went out.
    """

    key = models.UUIDField(primary_key=True)
    # The task result that holds the claim: the same task, re-queued after its worker died,
    # may take its own claim over at once; any other waits for the claim to expire.
    claimed_by = models.CharField(max_length=64, blank=True)
    claimed_at = models.DateTimeField(null=True)
    sent_at = models.DateTimeField(null=True)
    attempts = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.key)


class WorkerHeartbeat(models.Model):
    """A task worker's sign of life (`manage.py run_worker`), so others can tell it is gone."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.worker_id
