"""What the group and each member want to learn, the learning agenda and the contract."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks.models import Cycle, Network


class LearningGoal(models.Model):
    """The cycle's one shared goal (the facilitator writes it) or one member's own goal."""

    class Kind(models.TextChoices):
        SHARED = "shared", _("Shared learning goal")
        INDIVIDUAL = "individual", _("Individual learning goal")

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="learning_goals", verbose_name=_("cycle")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="learning_goals",
        verbose_name=_("member"),
    )
    text = models.TextField(_("learning goal"))
    # Individual goals are private to the member and the facilitator until the member shares.
    is_shared = models.BooleanField(_("shared with the network"), default=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    updated_at = models.DateTimeField(_("last change"), default=timezone.now)

    class Meta:
        ordering = ["cycle", "kind", "pk"]
        verbose_name = _("learning goal")
        verbose_name_plural = _("learning goals")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle"], condition=Q(kind="shared"), name="learning_goal_one_shared"
            ),
            models.UniqueConstraint(
                fields=["cycle", "owner"],
                condition=Q(kind="individual"),
                name="learning_goal_one_per_member",
            ),
            models.CheckConstraint(
                condition=Q(kind="shared", owner__isnull=True)
                | Q(kind="individual", owner__isnull=False),
                name="learning_goal_owner_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class LearningGoalComment(models.Model):
    goal = models.ForeignKey(
        LearningGoal,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("learning goal"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.CharField(_("comment"), max_length=1000)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment on the learning goal")
        verbose_name_plural = _("comments on the learning goal")

    def __str__(self) -> str:
        return self.text[:60]


class PersonalChallenge(models.Model):
    """A member's own learning question within the theme, and later what came of it."""

    cycle = models.ForeignKey(
        Cycle,
        on_delete=models.CASCADE,
        related_name="personal_challenges",
        verbose_name=_("cycle"),
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="personal_challenges",
        verbose_name=_("member"),
    )
    question = models.TextField(_("my learning question"))
    outcome = models.TextField(_("what came of it"), blank=True)
    is_shared = models.BooleanField(_("shared with the network"), default=False)
    updated_at = models.DateTimeField(_("last change"), default=timezone.now)

    class Meta:
        ordering = ["cycle", "member__name"]
        verbose_name = _("personal challenge")
        verbose_name_plural = _("personal challenges")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "member"], name="challenge_once_per_member"),
        ]

    def __str__(self) -> str:
        return self.question[:60]


class LearningQuestion(models.Model):
    """One question on the cycle's learning agenda, in the order the facilitator set."""

    cycle = models.ForeignKey(
        Cycle,
        on_delete=models.CASCADE,
        related_name="learning_questions",
        verbose_name=_("cycle"),
    )
    text = models.CharField(_("learning question"), max_length=300)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    worked_on_in = models.ManyToManyField(
        Meeting, blank=True, related_name="learning_questions", verbose_name=_("worked on in")
    )
    created_at = models.DateTimeField(_("proposed at"), default=timezone.now)

    class Meta:
        ordering = ["cycle", "order", "pk"]
        verbose_name = _("learning question")
        verbose_name_plural = _("learning questions")

    def __str__(self) -> str:
        return self.text


class Agreement(models.Model):
    """One version of the network's contract; a new version is a new row with the full text."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="agreements", verbose_name=_("network")
    )
    version = models.PositiveSmallIntegerField(_("version"))
    text = models.TextField(_("our agreements"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    published_at = models.DateTimeField(_("published at"), default=timezone.now)

    class Meta:
        ordering = ["network", "-version"]
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        constraints = [
            models.UniqueConstraint(fields=["network", "version"], name="agreement_version"),
        ]

    def __str__(self) -> str:
        return f"{self.network} – {self.version}"


class AgreementSuggestion(models.Model):
    """A rule a member proposes for the next version of the contract."""

    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="agreement_suggestions",
        verbose_name=_("network"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    text = models.CharField(_("proposed rule"), max_length=500)
    created_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    # The version that was published after it; the facilitator weighed it in that version.
    taken_into = models.ForeignKey(
        Agreement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
        verbose_name=_("weighed in version"),
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("proposed rule")
        verbose_name_plural = _("proposed rules")

    def __str__(self) -> str:
        return self.text


class AgreementAcknowledgement(models.Model):
    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.CASCADE,
        related_name="acknowledgements",
        verbose_name=_("contract"),
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("member"),
    )
    acknowledged_at = models.DateTimeField(_("agreed at"), default=timezone.now)

    class Meta:
        verbose_name = _("agreement to the contract")
        verbose_name_plural = _("agreements to the contract")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "member"], name="acknowledgement_once_per_member"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} – {self.agreement}"
