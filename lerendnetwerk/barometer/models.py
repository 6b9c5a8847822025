"""The Netwerkbarometer: a versioned questionnaire, rounds per network, and anonymous answers.

Anonymity is a property of the tables, not of the pages: `Response` and `Answer` hold no user,
no IP address and no time finer than a date, and their keys are random UUIDs, so their ids say
nothing about who answered first. Who has answered lives only in `Participation`, which exists
to refuse a second answer. Nothing joins the two.

Limits, deliberately accepted:
- Physical row order is still a theoretical link. On PostgreSQL the heap order (and the
  write-ahead log) of `Participation` and `Response` roughly follows the order of writing; on
  SQLite so does the hidden rowid. Someone with direct database access could try to line the two
  up. No page, export or admin screen shows either order, answers are never listed in the admin,
  and pages order answers by question and random key.
- The date on `Response` is a trade-off: it lets an administrator check that answers fell inside
  the round and keeps the data minimal, while a whole day is too coarse to match a response with
  "I just filled it in". In a small network, a day on which only one member answered is still
  recognisable to someone with database access, which is why no page shows the dates.
- `Participation` rows make the response count visible while a round is open; that count says
  how many answered, never what.
"""

import uuid
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import Region

SCALE = (1, 2, 3, 4, 5)
# Results are never shown below this many answers, whatever a region sets.
MIN_ANSWERS_FLOOR = 3


class Dimension(models.TextChoices):
    SUBJECT = "subject", _("The subject")
    COHESION = "cohesion", _("Mutual bond")
    PRACTICE = "practice", _("Link to practice")
    ORGANISATIONS = "organisations", _("Room given by the organisations")


# The Handreiking's central questions, one per dimension, shown above its statements.
CENTRAL_QUESTIONS = {
    Dimension.SUBJECT: _("Do we discuss the right subjects?"),
    Dimension.COHESION: _("How do we function as a network?"),
    Dimension.PRACTICE: _("Are the subjects relevant for our daily work?"),
    Dimension.ORGANISATIONS: _("Do our organisations give us room to learn?"),
}


class Questionnaire(models.Model):
    """One version of the questionnaire; without a region it is the default for every region."""

    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="barometer_questionnaires",
        verbose_name=_("region"),
        help_text=_("Empty: the default questionnaire for regions without their own."),
    )
    version = models.PositiveSmallIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    # A new version is a draft until it is published; rounds only ever use a published one.
    is_published = models.BooleanField(_("published"), default=False)
    created_on = models.DateField(_("created on"), default=timezone.localdate)

    class Meta:
        ordering = ["region__name", "-version"]
        verbose_name = _("barometer questionnaire")
        verbose_name_plural = _("barometer questionnaires")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "version"], name="questionnaire_unique_version"
            ),
            # NULLs are distinct in a unique constraint; the default versions need their own.
            models.UniqueConstraint(
                fields=["version"],
                condition=Q(region__isnull=True),
                name="questionnaire_unique_default_version",
            ),
        ]

    def __str__(self) -> str:
        region = self.region or _("default")
        return f"{self.title} ({region}, {self.version})"


class Question(models.Model):
    class Kind(models.TextChoices):
        SCALE = "scale", _("Statement (1 to 5)")
        OPEN = "open", _("Open question")

    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("questionnaire"),
    )
    # The same key in two versions means "the same question": trends compare by key.
    key = models.SlugField(
        _("key"),
        max_length=60,
        help_text=_("Keep the key when you only reword a question; a new key starts a new trend."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SCALE)
    dimension = models.CharField(
        _("dimension"), max_length=20, choices=Dimension.choices, blank=True
    )
    text = models.CharField(_("text"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "key"], name="question_unique_key"),
        ]

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        if self.kind == self.Kind.SCALE and not self.dimension:
            raise ValidationError({"dimension": _("A statement belongs to one of the dimensions.")})
        if self.kind == self.Kind.OPEN and self.dimension:
            raise ValidationError({"dimension": _("An open question has no dimension.")})

    @property
    def is_scale(self) -> bool:
        return self.kind == self.Kind.SCALE


class RoundQuerySet(models.QuerySet["BarometerRound"]):
    """Open and closed are computed from the dates: no scheduler has to close a round."""

    def open(self) -> "RoundQuerySet":
        return self.filter(closed_at__isnull=True, closes_on__gte=timezone.localdate())

    def closed(self) -> "RoundQuerySet":
        return self.filter(Q(closed_at__isnull=False) | Q(closes_on__lt=timezone.localdate()))

    def with_answered(self) -> "RoundQuerySet":
        return self.annotate(answered=Count("responses"))


class BarometerRound(models.Model):
    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="barometer_rounds",
        verbose_name=_("network"),
    )
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="rounds", verbose_name=_("version")
    )
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    closes_on = models.DateField(_("closes on"))
    # Set when the facilitator closes the round before its closing date.
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("barometer round")
        verbose_name_plural = _("barometer rounds")
        indexes = [models.Index(fields=["network", "closes_on"], name="round_network_closes")]

    def __str__(self) -> str:
        return f"{self.network} – {self.opened_at:%Y-%m-%d}"

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None or timezone.localdate() > self.closes_on

    @property
    def is_open(self) -> bool:
        return not self.is_closed

    @property
    def closed_on(self) -> date:
        """The day the round ended (or will end): the early close, else the closing date."""
        if self.closed_at is not None:
            return timezone.localdate(self.closed_at)
        return self.closes_on


class Participation(models.Model):
    """That a person answered a round; never what. Only refuses a second answer."""

    round = models.ForeignKey(
        BarometerRound,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("round"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="barometer_participations",
        verbose_name=_("person"),
    )

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="participation_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.round}"


class Response(models.Model):
    """One member's set of answers to a round, with no trace of the member."""

    # Random, so that ids do not follow the order in which people answered.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(
        BarometerRound, on_delete=models.CASCADE, related_name="responses", verbose_name=_("round")
    )
    # A date, never a time, and no "created at": see the module docstring for the trade-off.
    submitted_on = models.DateField(_("submitted on"), default=timezone.localdate)

    class Meta:
        # Ordered by the random key, never by when it was written.
        ordering = ["id"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self) -> str:
        return str(self.id)


class Answer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="answers", verbose_name=_("question")
    )
    value = models.PositiveSmallIntegerField(_("value"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        # Random order, not the order of writing (see Response).
        ordering = ["id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="answer_once"),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=1, value__lte=5),
                name="answer_value_on_scale",
            ),
        ]

    def __str__(self) -> str:
        return str(self.value) if self.value is not None else self.text[:40]


def scale_labels() -> list[tuple[int, str]]:
    """The five answers to a statement, in the reader's language."""
    return [
        (1, str(_("Strongly disagree"))),
        (2, str(_("Disagree"))),
        (3, str(_("Neither agree nor disagree"))),
        (4, str(_("Agree"))),
        (5, str(_("Strongly agree"))),
    ]


def min_answers_for(region: Region) -> int:
    """k: how many members must answer before results are shown (the region's, never below 3)."""
    return max(MIN_ANSWERS_FLOOR, region.barometer_min_answers)


def results_visible(*, is_closed: bool, answered: int, min_answers: int) -> bool:
    return is_closed and answered >= max(MIN_ANSWERS_FLOOR, min_answers)
