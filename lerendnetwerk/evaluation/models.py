"""Evaluating: after each meeting, the critical reflection, the cycle's evaluation with look-
ahead and learning gains (Inbedding).

What a member writes here is theirs: an evaluation of a meeting is shown to the group only once
enough attendees answered (and without their name when they chose so); a learning gain is private
until its author shares it with their own manager(s) or for reporting (then without a name).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks.models import Cycle, Network


class MeetingEvaluation(models.Model):
    """One attendee's short evaluation of a meeting that has ended."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="evaluations", verbose_name=_("meeting")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="meeting_evaluations",
        verbose_name=_("member"),
    )
    what_worked = models.CharField(_("what worked"), max_length=500, blank=True)
    what_to_change = models.CharField(_("what to change"), max_length=500, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    is_anonymous = models.BooleanField(_("show my answers without my name"), default=False)
    created_at = models.DateTimeField(_("given at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last change"), default=timezone.now)

    class Meta:
        ordering = ["meeting", "created_at", "pk"]
        verbose_name = _("meeting evaluation")
        verbose_name_plural = _("meeting evaluations")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "author"], name="meeting_evaluation_once_per_member"
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="meeting_evaluation_rating_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} – {self.rating}"


class EvaluationRequest(models.Model):
    """The facilitator told the attendees of a meeting that they can evaluate it (once)."""

    meeting = models.OneToOneField(
        Meeting,
        on_delete=models.CASCADE,
        related_name="evaluation_request",
        verbose_name=_("meeting"),
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("request to evaluate")
        verbose_name_plural = _("requests to evaluate")

    def __str__(self) -> str:
        return str(self.meeting)


class CriticalReflection(models.Model):
    """A guided session in which the group asks itself critical questions (Permanent leren als
    team, p. 191): for one meeting, or for the cycle as a whole."""

    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="critical_reflections",
        verbose_name=_("network"),
    )
    cycle = models.ForeignKey(
        Cycle,
        on_delete=models.CASCADE,
        related_name="critical_reflections",
        verbose_name=_("cycle"),
    )
    meeting = models.OneToOneField(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="critical_reflection",
        verbose_name=_("meeting"),
    )
    agreed_changes = models.TextField(_("what we agree to change"), blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    updated_at = models.DateTimeField(_("last change"), default=timezone.now)

    class Meta:
        ordering = ["network", "-opened_at", "-pk"]
        verbose_name = _("critical reflection")
        verbose_name_plural = _("critical reflections")

    def __str__(self) -> str:
        return f"{self.network} – {self.opened_at:%Y-%m-%d}"


class ReflectionAnswer(models.Model):
    """The group's answer to one of the critical questions, as recorded during the session."""

    reflection = models.ForeignKey(
        CriticalReflection,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("critical reflection"),
    )
    question = models.CharField(_("question"), max_length=40)
    text = models.TextField(_("our answer"))

    class Meta:
        ordering = ["reflection", "pk"]
        verbose_name = _("answer to a critical question")
        verbose_name_plural = _("answers to the critical questions")
        constraints = [
            models.UniqueConstraint(
                fields=["reflection", "question"], name="reflection_answer_once_per_question"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class GoalOutcome(models.TextChoices):
    REACHED = "reached", _("Reached")
    PARTLY = "partly", _("Partly reached")
    NOT_REACHED = "not_reached", _("Not reached")


class CycleEvaluation(models.Model):
    """Whether the cycle's shared learning goal was reached, and why (the facilitator records)."""

    cycle = models.OneToOneField(
        Cycle, on_delete=models.CASCADE, related_name="evaluation", verbose_name=_("cycle")
    )
    goal_outcome = models.CharField(
        _("shared learning goal"), max_length=20, choices=GoalOutcome.choices
    )
    why = models.TextField(_("why"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    updated_at = models.DateTimeField(_("last change"), default=timezone.now)

    class Meta:
        verbose_name = _("evaluation of the cycle")
        verbose_name_plural = _("evaluations of cycles")

    def __str__(self) -> str:
        return str(self.cycle)


class LookAhead(models.Model):
    """Kijk vooruit: whether a member wants to go on, with whom, and on which subject."""

    class Continue(models.TextChoices):
        YES = "yes", _("Yes")
        MAYBE = "maybe", _("Maybe")
        NO = "no", _("No")

    class Composition(models.TextChoices):
        SAME = "same", _("The same group")
        EXTENDED = "extended", _("The same group with new colleagues")
        DIFFERENT = "different", _("A different group")
        UNSURE = "unsure", _("I do not know yet")

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="look_aheads", verbose_name=_("cycle")
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="look_aheads",
        verbose_name=_("member"),
    )
    go_on = models.CharField(_("go on"), max_length=10, choices=Continue.choices)
    composition = models.CharField(
        _("in which composition"), max_length=20, choices=Composition.choices
    )
    subject = models.CharField(_("subject for the next cycle"), max_length=200, blank=True)
    # Set once the facilitator turned the subject into a theme proposal for the next cycle.
    proposed_at = models.DateTimeField(_("proposed as a theme"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last change"), default=timezone.now)

    class Meta:
        ordering = ["cycle", "updated_at", "pk"]
        verbose_name = _("look-ahead")
        verbose_name_plural = _("look-aheads")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "member"], name="look_ahead_once_per_member"),
        ]

    def __str__(self) -> str:
        return f"{self.cycle} – {self.go_on}"


class LearningGain(models.Model):
    """What a member's learning brought, at one level, in one cycle. Private to its author
    unless shared with their own manager(s) or for reporting (without a name)."""

    class Level(models.TextChoices):
        INDIVIDUAL = "individual", _("Me: what I learned and changed in my practice")
        TEAM = "team", _("My team: what my team took up")
        ORGANISATION = "organisation", _("My organisation: what the organisation changed")

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="learning_gains", verbose_name=_("cycle")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="learning_gains",
        verbose_name=_("author"),
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    text = models.TextField(_("learning gain"))
    share_with_manager = models.BooleanField(_("share with my own manager(s)"), default=False)
    share_for_reporting = models.BooleanField(
        _("share for reporting (without my name)"), default=False
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last change"), default=timezone.now)

    class Meta:
        ordering = ["cycle", "author", "level"]
        verbose_name = _("learning gain")
        verbose_name_plural = _("learning gains")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "author", "level"], name="learning_gain_once_per_level"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]
