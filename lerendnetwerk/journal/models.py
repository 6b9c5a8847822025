"""The learning diary (leerdagboek): a member's own reflections, private unless shared."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks.models import Network


class JournalEntry(models.Model):
    class Visibility(models.TextChoices):
        PRIVATE = "private", _("Only me")
        BUDDY = "buddy", _("Me and my buddy")
        NETWORK = "network", _("Me and my network")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="journal_entries",
        verbose_name=_("author"),
    )
    written_on = models.DateField(_("date"), default=timezone.localdate)
    text = models.TextField(_("what happened, what I learned"))
    # The Handreiking's reflection in three steps: denken, voelen, willen.
    think = models.TextField(_("What do I think?"), blank=True)
    feel = models.TextField(_("What do I feel?"), blank=True)
    want = models.TextField(_("What do I want to do?"), blank=True)
    visibility = models.CharField(
        _("who may read it"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
    )
    # Sharing with a buddy or the network needs the network it is shared in.
    network = models.ForeignKey(
        Network,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="journal_entries",
        verbose_name=_("network"),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="journal_entries",
        verbose_name=_("about the meeting"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-written_on", "-created_at"]
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        indexes = [
            models.Index(fields=["author", "-written_on"], name="journal_author_date"),
            models.Index(fields=["network", "visibility"], name="journal_network_shared"),
        ]

    def __str__(self) -> str:
        # Never the text: this shows up in logs and admin-like places.
        return f"{_('journal entry')} {self.pk}"
