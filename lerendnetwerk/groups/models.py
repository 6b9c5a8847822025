"""Buddies (maatjes) and rotating groups: who learns with whom, meeting after meeting."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks.models import Cycle, Network


class Buddy(models.Model):
    """A buddy pairing in a cycle: two members (three when the count is odd) who are each
    other's critical friend. Ending it keeps it as history."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="buddies", verbose_name=_("network")
    )
    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="buddies", verbose_name=_("cycle")
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="buddy_pairs", verbose_name=_("members")
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "pk"]
        verbose_name = _("buddy pair")
        verbose_name_plural = _("buddy pairs")

    def __str__(self) -> str:
        return " & ".join(str(m) for m in self.members.all())


class GroupRotation(models.Model):
    """A plan of small groups for a series of meetings, mixing people anew each time."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="rotations", verbose_name=_("network")
    )
    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="rotations", verbose_name=_("cycle")
    )
    name = models.CharField(_("name"), max_length=150)
    group_size = models.PositiveSmallIntegerField(_("group size"))
    # Wishes as lists of [user id, user id] pairs; they travel with the plan when it is re-planned.
    apart = models.JSONField(_("keep apart"), default=list, blank=True)
    together = models.JSONField(_("keep together"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("planned by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    replanned_at = models.DateTimeField(_("re-planned at"), null=True, blank=True)
    repeats = models.PositiveIntegerField(_("pairs that meet again"), default=0)
    unmixed_groups = models.PositiveIntegerField(_("groups without a mix"), default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("group rotation")
        verbose_name_plural = _("group rotations")

    def __str__(self) -> str:
        return self.name


class RotationRound(models.Model):
    """One meeting of a rotation: a real meeting of the network, or just a numbered round."""

    rotation = models.ForeignKey(
        GroupRotation, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("rotation")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rotation_rounds",
        verbose_name=_("meeting"),
    )

    class Meta:
        ordering = ["rotation", "number"]
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        constraints = [
            models.UniqueConstraint(fields=["rotation", "number"], name="round_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.rotation} – {self.number}"


class RotationGroup(models.Model):
    round = models.ForeignKey(
        RotationRound, on_delete=models.CASCADE, related_name="groups", verbose_name=_("round")
    )
    number = models.PositiveSmallIntegerField(_("table"))
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="rotation_groups", verbose_name=_("members")
    )

    class Meta:
        ordering = ["round", "number"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")

    def __str__(self) -> str:
        return f"{self.round} – {self.number}"
