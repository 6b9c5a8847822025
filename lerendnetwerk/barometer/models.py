"""The Netwerkbarometer: a versioned questionnaire, rounds per network, and anonymous answers.

Anonymity is a property of the tables, not of the pages. Who answered and what they answered
are never written together:

- At answer time `services.round_answer` writes a `Participation` (who: refuses a second answer
  and counts who answered) and a `SealedResponse`: the answers encrypted (Fernet, key derived
  from BAROMETER_SEAL_KEY or SECRET_KEY, see sealing.py), padded to one length per
  questionnaire, with a random key and no person and no time. Nothing readable is written.
- When the round closes (`services.round_close`, or for a round past its closing date
  `services.round_release`, run daily by `manage.py release_barometer_rounds` and lazily before
  anything reads the round's answers) ONE transaction unseals all of the round's answers,
  shuffles them and inserts the `Response` and `Answer` rows in that random order, then deletes
  the sealed rows. The readable rows thus share one transaction id (PostgreSQL's xmin), their
  physical order (ctid, SQLite's rowid) is random, their keys are random UUIDs, and they carry
  no date: physical order, transaction ids and timestamps no longer line them up with the
  participations. Results are only shown for closed rounds anyway, so the wait costs nothing.

k, the region's minimum of answers, counts only members who were members when the round opened
and who were no facilitator when they answered (`Participation.counts`): a facilitator sees the
results, and could otherwise answer with a second address and read off a member's answers.
Facilitators may answer; their answers are in the totals.

Limits that remain, honestly:
- Someone who holds both the database and the key (SECRET_KEY or BAROMETER_SEAL_KEY) while a
  round is open can decrypt the sealed rows, which are written in the same transaction as the
  participation. The key must live outside the database and its backups.
- Someone who copies the database during an open round learns the sealed rows' order; after the
  release they hold ciphertext they cannot read without the key. Deleted sealed rows stay in
  PostgreSQL's heap until VACUUM and in its write-ahead log, still encrypted.
- Changing SECRET_KEY (without SECRET_KEY_FALLBACKS) or BAROMETER_SEAL_KEY during an open round
  makes that round's sealed answers unreadable: they are then lost, not exposed.
- k is counted per round. A facilitator who adds addresses of their own before a round opens
  can still reach k with them; coordinators see the membership list. In a round with exactly k
  answers, k - 1 members together can still work out the last one's answers: this is what k
  is for and why it is never below 3.
- `Participation` makes the count visible while a round is open; it says how many answered,
  never what.
- Answers written before the sealing existed were reshuffled once by migration 0003; earlier
  copies of the database (backups, the write-ahead log) keep the old order.
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
OPEN_TEXT_MAX = 2000
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
        """`answered`: how many answered; `counted`: how many of them count towards k."""
        return self.annotate(
            answered=Count("participations"),
            counted=Count("participations", filter=Q(participations__counts=True)),
        )


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
    # The highest membership id when the round opened: only memberships up to it may answer.
    # Ids are handed out in order, and a date would let in an address added the same day.
    # Empty for rounds made without `services.round_open`: then the joining date counts.
    memberships_until = models.PositiveBigIntegerField(
        _("memberships until"), null=True, blank=True, editable=False
    )
    # Whether the sealed answers have been turned into responses (see the module docstring).
    released = models.BooleanField(_("answers released"), default=False, editable=False)
    # When the members who had not answered were reminded that it closes soon (once).
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True, editable=False)

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
    # Whether this answer counts towards k: not when a facilitator gave it. Decided when
    # answering, so that stepping down afterwards changes nothing.
    counts = models.BooleanField(_("counts towards the minimum"), default=True)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="participation_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.round}"


class SealedResponse(models.Model):
    """One member's answers, encrypted, until the round closes: no person, no time."""

    # Random, so that ids do not follow the order in which people answered.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(
        BarometerRound,
        on_delete=models.CASCADE,
        related_name="sealed_responses",
        verbose_name=_("round"),
    )
    payload = models.TextField(_("sealed answers"), editable=False)

    class Meta:
        ordering = ["id"]
        verbose_name = _("sealed response")
        verbose_name_plural = _("sealed responses")

    def __str__(self) -> str:
        return str(self.id)


class Response(models.Model):
    """One member's set of answers to a round, with no trace of the member."""

    # Random, so that ids do not follow the order in which people answered.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(
        BarometerRound, on_delete=models.CASCADE, related_name="responses", verbose_name=_("round")
    )

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
    """`answered` is the number that counts towards k (`with_answered`'s `counted`)."""
    return is_closed and answered >= max(MIN_ANSWERS_FLOOR, min_answers)
