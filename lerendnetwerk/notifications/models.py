from django.conf import settings
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from . import kinds
from .kinds import Frequency


class NotificationQuerySet(models.QuerySet["Notification"]):
    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """Something that asks for a person: shown in their list, e-mailed as they chose.

    The message is stored as its kind and the parameters (names of the network, the meeting),
    so that it reads in the language of whoever reads it, in the list and in the e-mail.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=64)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    # The page it leads to, as a URL name and its arguments: reversed when shown, so that the
    # link carries the reader's language.
    url_name = models.CharField(_("page"), max_length=100, blank=True)
    url_args = models.JSONField(_("page arguments"), default=list, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    # How it is e-mailed, as the person chose when it was made: at once, in a digest, or not.
    delivery = models.CharField(_("delivery"), max_length=12, choices=Frequency.choices)
    # When its e-mail (on its own or in a digest) was queued; empty while a digest waits.
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="notification_user_created"),
            models.Index(
                fields=["delivery"],
                condition=models.Q(emailed_at__isnull=True),
                name="notification_digest_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.user_id}"

    @property
    def message(self) -> str:
        """The one line to show, in the active language."""
        return kinds.render(self.kind, self.params)

    @property
    def path(self) -> str:
        """The page it leads to, in the active language; empty when there is none (any more)."""
        if not self.url_name:
            return ""
        try:
            return reverse(self.url_name, args=self.url_args)
        except NoReverseMatch:
            return ""


class NotificationPreference(models.Model):
    """How a person wants one kind of notification e-mailed; without a row, the kind's default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=64)
    frequency = models.CharField(_("frequency"), max_length=12, choices=Frequency.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.frequency}"
