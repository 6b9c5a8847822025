"""Who learns with whom: buddies (maatjes) and rotating groups, meeting after meeting; and for
facilitators, a mentor for a new one and peer consultation (intervisie) among them."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks.models import Cycle, Network
from lerendnetwerk.regions.models import Region


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


class Mentorship(models.Model):
    """A new facilitator (the mentee) paired by the coordinator with an experienced facilitator
    of the same region (the mentor), who helps them find their way in the UKK and the Handreiking.
    A mentee has one mentor at a time; ending the pairing keeps it as history."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="mentorships", verbose_name=_("region")
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentorships_as_mentor",
        verbose_name=_("mentor"),
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentorships_as_mentee",
        verbose_name=_("new facilitator"),
    )
    started_on = models.DateField(_("from"), default=timezone.localdate)
    ended_on = models.DateField(_("until"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    paired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("paired by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["-started_on", "pk"]
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        constraints = [
            # Two coordinators pairing the same newcomer at once: the second is refused.
            models.UniqueConstraint(
                fields=["mentee"],
                condition=Q(ended_on__isnull=True),
                name="mentorship_one_mentor_at_a_time",
            ),
            models.CheckConstraint(condition=~Q(mentor=F("mentee")), name="mentorship_not_oneself"),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} → {self.mentee}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


class PeerConsultation(models.Model):
    """Intervisie: facilitators (a mentor and their mentee, or members of the facilitators'
    network) discuss a case one of them brings in, at a time and place of their own or during a
    meeting of the facilitators' network. Only its participants see it."""

    # With a meeting: the meeting's time when planned (the page shows the meeting's own).
    starts_at = models.DateTimeField(_("when"))
    place = models.CharField(_("where"), max_length=300, blank=True)
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="peer_consultations",
        verbose_name=_("during the meeting"),
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="ConsultationParticipant",
        related_name="peer_consultations",
        verbose_name=_("participants"),
    )
    # What the participants agree to write down together; their own notes stay their own.
    summary = models.TextField(_("shared summary"), blank=True)
    summary_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("summary last changed by"),
    )
    summary_at = models.DateTimeField(_("summary last changed"), null=True, blank=True)
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("planned by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("peer consultation")
        verbose_name_plural = _("peer consultations")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {timezone.localtime(self.starts_at):%d-%m-%Y}"


class ConsultationParticipant(models.Model):
    """A facilitator in a peer consultation, with what they take away: theirs alone."""

    consultation = models.ForeignKey(
        PeerConsultation,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("peer consultation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consultation_participations",
        verbose_name=_("participant"),
    )
    takeaways = models.TextField(_("what I take away"), blank=True)
    takeaways_at = models.DateTimeField(_("last changed"), null=True, blank=True)

    class Meta:
        ordering = ["consultation", "user__name"]
        verbose_name = _("participant in a peer consultation")
        verbose_name_plural = _("participants in peer consultations")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "user"], name="consultation_participant_once"
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)


class ConsultationCase(models.Model):
    """The case a participant brings in, in their own words: read only by the consultation's
    participants, changed only by its owner."""

    consultation = models.OneToOneField(
        PeerConsultation,
        on_delete=models.CASCADE,
        related_name="case",
        verbose_name=_("peer consultation"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consultation_cases",
        verbose_name=_("brought in by"),
    )
    title = models.CharField(_("case"), max_length=200)
    description = models.TextField(_("description"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return self.title
