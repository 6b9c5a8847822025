"""Meetings: the physical gatherings of a network, their agendas, answers and attendance."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.catalogue.models import Entry, Phase
from lerendnetwerk.networks.models import Cycle, Network
from lerendnetwerk.regions.models import Organisation


class Meeting(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("network")
    )
    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("cycle")
    )
    # The phase the network was in when the meeting was planned; figures per phase use it.
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices, blank=True)
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    # Where: at a member organisation ("ga bij elkaar op bezoek") or at another address.
    host = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_meetings",
        verbose_name=_("host organisation"),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    preparers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="prepared_meetings",
        verbose_name=_("preparation group"),
    )
    # iCalendar identity: one UID for the meeting's life, SEQUENCE raised on every change.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    notes_done = models.TextField(_("what we did"), blank=True)
    notes_agreements = models.TextField(_("agreements"), blank=True)
    notes_next = models.TextField(_("what comes next"), blank=True)
    attendance_recorded_at = models.DateTimeField(_("attendance recorded"), null=True, blank=True)
    # When the facilitator sent the invitations (once the agenda is ready); until then changes
    # and a cancellation e-mail nobody, and no reminder goes out.
    invitations_sent_at = models.DateTimeField(_("invitations sent"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("planned by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [models.Index(fields=["network", "starts_at"], name="meeting_network_start")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def place(self) -> str:
        if self.host_id and self.address:
            return f"{self.host}, {self.address}"
        return str(self.host) if self.host_id else self.address


class AgendaItem(models.Model):
    class Lead(models.TextChoices):
        FACILITATOR = "facilitator", _("The facilitator")
        MEMBER = "member", _("A member")
        EXPERT = "expert", _("An invited expert")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    entry = models.ForeignKey(
        Entry,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("work form from the Handbook"),
    )
    title = models.CharField(_("title"), max_length=200)
    duration_minutes = models.PositiveSmallIntegerField(_("minutes"))
    lead = models.CharField(_("led by"), max_length=20, choices=Lead.choices)
    lead_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_agenda_items",
        verbose_name=_("member who leads"),
    )
    lead_name = models.CharField(_("name of the expert"), max_length=200, blank=True)
    # An expert with an account who accepted the facilitator's request for this item (asked
    # through the knowledge app): set only by `services.agenda_item_set_expert`. One field, so
    # an item never has two experts.
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="expert_agenda_items",
        verbose_name=_("expert"),
    )

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title


class Rsvp(models.Model):
    """A member's answer to a meeting (accept or decline) and, afterwards, their attendance."""

    class Answer(models.TextChoices):
        PENDING = "pending", _("No answer yet")
        ACCEPTED = "accepted", _("Coming")
        DECLINED = "declined", _("Declined")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="rsvps", verbose_name=_("meeting")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="rsvps",
        verbose_name=_("person"),
    )
    answer = models.CharField(
        _("answer"), max_length=20, choices=Answer.choices, default=Answer.PENDING
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    class Meta:
        ordering = ["meeting", "user__name"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="rsvp_once_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_answer_display()}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A personal, secret calendar URL; renewing it revokes the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed",
        verbose_name=_("person"),
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)
