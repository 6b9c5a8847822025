"""What the platform's background machinery keeps (which e-mails went out, which workers live)
and the admin site's audit log."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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


class AuditEntry(models.Model):
    """One look at or change to personal data in the admin site, by whom and when.

    The person is kept as a copied e-mail address too: the log outlives an account that is
    deleted, and must still say who it was.
    """

    class Action(models.TextChoices):
        LIST = "list", _("list")
        VIEW = "view", _("view")
        ADD = "add", _("add")
        CHANGE = "change", _("change")
        DELETE = "delete", _("delete")
        HISTORY = "history", _("history")
        ACTION = "action", _("action")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person"),
    )
    email = models.CharField(_("e-mail address"), max_length=254)
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    model = models.CharField(_("model"), max_length=100)
    object_id = models.CharField(_("object"), max_length=500, blank=True)
    path = models.CharField(_("path"), max_length=2000)
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.email} {self.action} {self.model} {self.object_id}"
