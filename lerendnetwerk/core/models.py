from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
