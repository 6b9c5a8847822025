"""Writes for the Netwerkbarometer. Each service runs in one transaction and refuses with a
ValidationError that says what to do."""

import random
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core import pagecache
from lerendnetwerk.core.email import email_enqueue
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Membership, Network
from lerendnetwerk.regions.models import Region

from . import notifications
from .models import (
    OPEN_TEXT_MAX,
    SCALE,
    Answer,
    BarometerRound,
    Dimension,
    Participation,
    Question,
    Questionnaire,
    Response,
    SealedResponse,
    min_answers_for,
)
from .sealing import padded_length, seal, unseal
from .selectors import questionnaire_current

# A round runs long enough for everyone to find a moment, short enough to discuss it soon.
LONGEST_ROUND = timedelta(days=90)
# Not seedable and not shared with anything else: the order of the released answers must not
# be reproducible.
_shuffle = random.SystemRandom().shuffle


# --- Questionnaire ----------------------------------------------------------------------------
#
# What keeps results comparable and answers anonymous while a region reshapes its questionnaire:
# - A published version never changes (nor does one a round uses): every answer to a round
#   belongs to exactly the questions its members saw, and a round's sealed answers all have one
#   padded length (sealing.py), which a change of questions during the round would break.
#   Changes go into a draft: a copy of the version in use, published as a whole.
# - A question keeps its key, kind and dimension from version to version; only its wording
#   changes. Trends and comparisons match statements by key and pool them per dimension, so a
#   new meaning needs a new question, which gets a key never used before in the region or the
#   default, and starts a trend of its own.
# - Every dimension keeps at least one statement, so that its trend goes on.

TEXT_MAX = 300
TITLE_MAX = 200
# Each open answer is padded to its longest possible length when sealed (sealing.py).
MAX_OPEN_QUESTIONS = 5
MAX_QUESTIONS = 40


@transaction.atomic
def questionnaire_new_version(*, region: Region) -> Questionnaire:
    """Copy the region's current questionnaire (its own, else the default) into a new draft
    version for the region. The copy keeps every question's key, so trends stay comparable;
    it is not used for rounds until it is published. Refused while the region has a draft."""
    # Two coordinators making a version at once: the second waits, then finds the first's.
    Region.objects.select_for_update().filter(pk=region.pk).first()
    if Questionnaire.objects.filter(region=region, is_published=False).exists():
        raise ValidationError(
            _("Your region already has a draft version: finish or discard that one first.")
        )
    current = questionnaire_current(region=region)
    if current is None:
        raise ValidationError(_("There is no questionnaire to copy yet."))
    latest = Questionnaire.objects.filter(Q(region=region) | Q(region__isnull=True)).aggregate(
        latest=Max("version")
    )["latest"]
    copy = Questionnaire.objects.create(
        region=region,
        version=(latest or 0) + 1,
        title=current.title,
        introduction=current.introduction,
        is_published=False,
    )
    Question.objects.bulk_create(
        Question(
            questionnaire=copy,
            key=question.key,
            kind=question.kind,
            dimension=question.dimension,
            text=question.text,
            order=question.order,
        )
        for question in current.questions.all()
    )
    pagecache.changed(copy)
    return copy


def _draft_locked(questionnaire: Questionnaire) -> Questionnaire:
    """The questionnaire's row, locked, if it may still change: a draft no round uses."""
    locked = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    if locked.is_published or locked.rounds.exists():
        raise ValidationError(
            _(
                "This version is published and stays as it is, so that its rounds keep their "
                "questions. Make a new version to change it."
            )
        )
    return locked


def _clean_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the question or statement.")})
    if len(text) > TEXT_MAX:
        raise ValidationError({"text": _("Keep it to %(max)d characters.") % {"max": TEXT_MAX}})
    return text


def _used_keys(questionnaire: Questionnaire) -> set[str]:
    """Every key a version of the region or the default ever had."""
    return set(
        Question.objects.filter(
            Q(questionnaire__region_id=questionnaire.region_id)
            | Q(questionnaire__region__isnull=True)
        ).values_list("key", flat=True)
    )


def _new_key(text: str, used: set[str]) -> str:
    base = slugify(text)[:50].strip("-") or "vraag"
    key, number = base, 1
    while key in used:
        number += 1
        key = f"{base}-{number}"
    return key


@transaction.atomic
def questionnaire_draft_update(
    *, questionnaire: Questionnaire, title: str, introduction: str
) -> Questionnaire:
    """Change a draft's title and introduction. Refused for a published version."""
    questionnaire = _draft_locked(questionnaire)
    title = title.strip()
    if not title:
        raise ValidationError({"title": _("Give the questionnaire a title.")})
    if len(title) > TITLE_MAX:
        raise ValidationError(
            {"title": _("Keep the title to %(max)d characters.") % {"max": TITLE_MAX}}
        )
    questionnaire.title, questionnaire.introduction = title, introduction.strip()
    questionnaire.save(update_fields=["title", "introduction"])
    return questionnaire


@transaction.atomic
def question_add(*, questionnaire: Questionnaire, kind: str, dimension: str, text: str) -> Question:
    """Add a statement (with its dimension) or an open question to a draft, at the end. It gets
    a key no version of the region or the default used, so it starts a trend of its own."""
    questionnaire = _draft_locked(questionnaire)
    text = _clean_text(text)
    if kind == Question.Kind.SCALE:
        if dimension not in Dimension.values:
            raise ValidationError({"dimension": _("Choose the dimension this statement measures.")})
    elif kind == Question.Kind.OPEN:
        dimension = ""
    else:
        raise ValidationError({"kind": _("Choose a statement or an open question.")})
    questions = list(questionnaire.questions.all())
    if len(questions) >= MAX_QUESTIONS:
        raise ValidationError(
            _("A questionnaire holds at most %(max)d questions; remove one first.")
            % {"max": MAX_QUESTIONS}
        )
    if kind == Question.Kind.OPEN and sum(not q.is_scale for q in questions) >= MAX_OPEN_QUESTIONS:
        raise ValidationError(
            {
                "kind": _("A questionnaire holds at most %(max)d open questions.")
                % {"max": MAX_OPEN_QUESTIONS}
            }
        )
    return Question.objects.create(
        questionnaire=questionnaire,
        key=_new_key(text, _used_keys(questionnaire)),
        kind=kind,
        dimension=dimension,
        text=text,
        order=max((q.order for q in questions), default=0) + 1,
    )


@transaction.atomic
def question_reword(*, question: Question, text: str) -> Question:
    """Change a draft question's wording only: its key, kind and dimension stay, so its answers
    still join the same trend. Refused for a published version."""
    _draft_locked(question.questionnaire)
    question.text = _clean_text(text)
    question.save(update_fields=["text"])
    return question


def _same_group(question: Question, other: Question) -> bool:
    return (question.kind, question.dimension) == (other.kind, other.dimension)


@transaction.atomic
def question_move(*, question: Question, up: bool) -> Question:
    """Swap a draft question with the one above or below it among the statements of its
    dimension (or the open questions): that is the order members see them in."""
    questionnaire = _draft_locked(question.questionnaire)
    questions = list(questionnaire.questions.order_by("order", "pk"))
    for number, other in enumerate(questions, start=1):
        other.order = number
    index = next(i for i, other in enumerate(questions) if other.pk == question.pk)
    moving = questions[index]
    step = -1 if up else 1
    target = index + step
    while 0 <= target < len(questions) and not _same_group(moving, questions[target]):
        target += step
    if 0 <= target < len(questions):
        moving.order, questions[target].order = questions[target].order, moving.order
    Question.objects.bulk_update(questions, ["order"])
    pagecache.changed(moving)
    return moving


@transaction.atomic
def question_remove(*, question: Question) -> None:
    """Take a question out of a draft (it can be put back while the version in use has it).
    Refused for the last statement of a dimension and for a published version."""
    questionnaire = _draft_locked(question.questionnaire)
    if question.is_scale:
        others = questionnaire.questions.filter(
            kind=Question.Kind.SCALE, dimension=question.dimension
        ).exclude(pk=question.pk)
        if not others.exists():
            raise ValidationError(
                _(
                    "This is the last statement of its dimension; every dimension keeps at "
                    "least one, so that its trend goes on. Add another statement first."
                )
            )
    question.delete()


@transaction.atomic
def question_restore(*, questionnaire: Questionnaire, key: str) -> Question:
    """Put a question of the version in use back into the draft, with its key, so that it
    continues its trend. Refused when the draft has it already."""
    questionnaire = _draft_locked(questionnaire)
    if questionnaire.region is None:
        raise ValidationError(_("There is no version in use to put a question back from."))
    current = questionnaire_current(region=questionnaire.region)
    source = current.questions.filter(key=key).first() if current is not None else None
    if source is None:
        raise ValidationError(_("The version in use has no such question."))
    if questionnaire.questions.filter(key=key).exists():
        raise ValidationError(_("This question is in the draft already."))
    return Question.objects.create(
        questionnaire=questionnaire,
        key=source.key,
        kind=source.kind,
        dimension=source.dimension,
        text=source.text,
        order=source.order,
    )


@transaction.atomic
def questionnaire_discard(*, questionnaire: Questionnaire) -> None:
    """Throw a draft away. Refused for a published version."""
    _draft_locked(questionnaire).delete()


@transaction.atomic
def questionnaire_publish(*, questionnaire: Questionnaire) -> Questionnaire:
    """From now on new rounds in the region use this version; earlier rounds keep theirs.
    Refused without a statement for every dimension, and for a version published already."""
    questionnaire = _draft_locked(questionnaire)
    questions = list(questionnaire.questions.all())
    if not any(question.is_scale for question in questions):
        raise ValidationError(_("A questionnaire needs at least one statement."))
    if any(question.is_scale and not question.dimension for question in questions):
        raise ValidationError(_("Every statement needs a dimension."))
    covered = {question.dimension for question in questions if question.is_scale}
    missing = [str(dimension.label) for dimension in Dimension if dimension not in covered]
    if missing:
        raise ValidationError(
            _("Every dimension needs at least one statement; missing: %(dimensions)s.")
            % {"dimensions": ", ".join(missing)}
        )
    questionnaire.is_published = True
    questionnaire.save(update_fields=["is_published"])
    return questionnaire


# --- Rounds -----------------------------------------------------------------------------------


def _validate_closing_date(closes_on: date) -> None:
    today = timezone.localdate()
    if closes_on < today:
        raise ValidationError({"closes_on": _("Choose a closing date from today on.")})
    if closes_on > today + LONGEST_ROUND:
        raise ValidationError(
            {"closes_on": _("Choose a closing date within three months from today.")}
        )


def _invite(barometer_round: BarometerRound, members: list[User]) -> None:
    """The invitation e-mail, for those who want to hear of a new round at once."""
    for user in members:
        with translation.override(user.language):
            path = reverse(
                "barometer:answer", args=[barometer_round.network.slug, barometer_round.pk]
            )
        email_enqueue(
            to=user.email,
            template="barometer/email/invitation",
            context={
                "name": user.name,
                "network": barometer_round.network.name,
                "closes_on": barometer_round.closes_on,
                "url": settings.SITE_URL + path,
            },
            language=user.language,
        )


@transaction.atomic
def round_open(*, network: Network, closes_on: date, opened_by: User) -> BarometerRound:
    """Open a round with the region's current questionnaire and notify every member (by
    e-mail at once, unless they chose a digest or no e-mail for new rounds).

    Refused while another round of the network is open, and when the network has fewer members
    besides its facilitators than the region's minimum: its results could never be shown.
    Only the members of this moment may answer the round.
    """
    _validate_closing_date(closes_on)
    # Lock the network so that two facilitators cannot open two rounds at once.
    network = (
        Network.objects.select_for_update().select_related("district__region").get(pk=network.pk)
    )
    if BarometerRound.objects.filter(network=network).open().exists():
        raise ValidationError(_("This network already has an open round. Close it first."))
    region = network.district.region
    questionnaire = questionnaire_current(region=region)
    if questionnaire is None:
        raise ValidationError(_("There is no questionnaire for this region yet."))
    members = list(network_selectors.members(network=network))
    memberships = list(
        network_selectors.memberships_active(network=network).values_list("pk", "role")
    )
    counting = sum(role != Membership.Role.FACILITATOR for _pk, role in memberships)
    needed = min_answers_for(region)
    if counting < needed:
        raise ValidationError(
            _(
                "This network has %(members)d members besides its facilitators; results are "
                "only shown when at least %(needed)d of them answer (facilitators not counted). "
                "Add members first."
            )
            % {"members": counting, "needed": needed},
            code="too_few_members",
        )
    barometer_round = BarometerRound.objects.create(
        network=network,
        questionnaire=questionnaire,
        closes_on=closes_on,
        opened_by=opened_by,
        memberships_until=max(pk for pk, _role in memberships),
    )
    notifications.round_opened(
        barometer_round=barometer_round,
        users=members,
        email=lambda users: _invite(barometer_round, users),
    )
    return barometer_round


@transaction.atomic
def round_close(*, barometer_round: BarometerRound) -> BarometerRound:
    """Close a round before its closing date and release its answers. Refused when it is
    already closed."""
    barometer_round = BarometerRound.objects.select_for_update().get(pk=barometer_round.pk)
    if barometer_round.is_closed:
        raise ValidationError(_("This round is already closed."))
    barometer_round.closed_at = timezone.now()
    _release(barometer_round)
    barometer_round.save(update_fields=["closed_at", "released"])
    return barometer_round


@transaction.atomic
def round_release(*, barometer_round: BarometerRound | int) -> int:
    """Turn a closed round's sealed answers into responses; returns how many.

    Idempotent, and safe when two requests release at once: the round's row is locked, and a
    released round releases nothing. Refused for an open round.
    """
    pk = barometer_round if isinstance(barometer_round, int) else barometer_round.pk
    locked = BarometerRound.objects.select_for_update().get(pk=pk)
    if locked.released:
        released = 0
    elif locked.is_open:
        raise ValidationError(_("This round is still open; its answers are kept sealed."))
    else:
        released = _release(locked)
        locked.save(update_fields=["released"])
    if isinstance(barometer_round, BarometerRound):
        barometer_round.released = True
    return released


def rounds_release_due(*, rounds: Iterable[BarometerRound]) -> None:
    """Release the closed ones of `rounds` that are not yet released, before their answers are
    read. No query when there are none: the daily command releases nearly all of them first."""
    for barometer_round in rounds:
        if barometer_round.is_closed and not barometer_round.released:
            round_release(barometer_round=barometer_round)


def rounds_release_all_due() -> tuple[int, int]:
    """Release every closed round that is not yet released (the daily command); returns how
    many rounds and responses. One transaction per round, each with its round locked."""
    due = BarometerRound.objects.closed().filter(released=False).values_list("pk", flat=True)
    released = [round_release(barometer_round=pk) for pk in due]
    return len(released), sum(released)


def _release(barometer_round: BarometerRound) -> int:
    """Within the caller's transaction, on a locked round: all answers at once, in random
    order, so that the rows share one transaction and their order says nothing."""
    sealed = list(SealedResponse.objects.filter(round=barometer_round).values_list("payload"))
    unsealed = [unseal(payload) for (payload,) in sealed]
    _shuffle(unsealed)
    responses = [Response(round=barometer_round) for _ in unsealed]
    answers = [
        Answer(response=response, question_id=question_id, value=value, text=text)
        for response, content in zip(responses, unsealed, strict=True)
        for question_id, value, text in content
    ]
    _shuffle(answers)
    Response.objects.bulk_create(responses)
    Answer.objects.bulk_create(answers)
    pagecache.changed(barometer_round)
    SealedResponse.objects.filter(round=barometer_round).delete()
    barometer_round.released = True
    notifications.results_ready(
        barometer_round=barometer_round,
        users=list(network_selectors.members(network=barometer_round.network_id)),
    )
    return len(responses)


def rounds_remind_closing(*, today: date | None = None) -> int:
    """Remind the members who may answer an open round and have not, once, when it closes
    within `REMIND_DAYS_BEFORE` days (the daily command). Returns how many rounds reminded.
    One transaction per round, with the round locked, so running it twice reminds once."""
    today = today or timezone.localdate()
    due = (
        BarometerRound.objects.open()
        .filter(
            reminded_at__isnull=True,
            closes_on__lte=today + timedelta(days=notifications.REMIND_DAYS_BEFORE),
        )
        .values_list("pk", flat=True)
    )
    return sum(_remind(pk) for pk in due)


@transaction.atomic
def _remind(pk: int) -> bool:
    barometer_round = (
        BarometerRound.objects.select_for_update(of=("self",)).select_related("network").get(pk=pk)
    )
    if barometer_round.reminded_at is not None or barometer_round.is_closed:
        return False
    memberships = network_selectors.memberships_active(network=barometer_round.network_id)
    if barometer_round.memberships_until is not None:
        memberships = memberships.filter(pk__lte=barometer_round.memberships_until)
    answered = Participation.objects.filter(round=barometer_round).values("user_id")
    waiting = User.objects.filter(pk__in=memberships.values("user_id")).exclude(pk__in=answered)
    notifications.round_closing(barometer_round=barometer_round, users=list(waiting))
    barometer_round.reminded_at = timezone.now()
    barometer_round.save(update_fields=["reminded_at"])
    return True


# --- Answering --------------------------------------------------------------------------------


def _validated_answers(
    questions: list[Question], values: Mapping[str, int | None], texts: Mapping[str, str]
) -> list[tuple[Question, int | None, str]]:
    known = {question.key for question in questions}
    if set(values) - known or set(texts) - known:
        raise ValidationError(_("The questionnaire has changed; please reload the page."))
    errors: dict[str, str] = {}
    answers: list[tuple[Question, int | None, str]] = []
    for question in questions:
        if question.is_scale:
            value = values.get(question.key)
            if value not in SCALE:
                errors[question.key] = _("Choose how much you agree with this statement.")
            answers.append((question, value, ""))
        elif text := texts.get(question.key, "").strip():
            if len(text) > OPEN_TEXT_MAX:
                errors[question.key] = _("Please keep your answer under 2000 characters.")
            answers.append((question, None, text))
    if errors:
        raise ValidationError(errors)
    return answers


def _refuse_unless_may_answer(barometer_round: BarometerRound, user: User) -> Membership:
    """The membership the person answers with: one they had when the round opened."""
    if barometer_round.is_closed:
        raise ValidationError(_("This round is closed; answers are no longer accepted."))
    membership = (
        network_selectors.memberships_active(network=barometer_round.network_id, user=user)
        .order_by()
        .first()
    )
    if membership is None:
        raise ValidationError(_("Only members of the network can answer."))
    if not member_when_opened(barometer_round=barometer_round, membership=membership):
        # Else a facilitator could add an address of their own and answer with it.
        raise ValidationError(
            _("You joined the network after this round opened; you can answer the next round."),
            code="joined_after_opening",
        )
    if Participation.objects.filter(round=barometer_round, user=user).exists():
        raise ValidationError(_("You have already answered this round. Thank you!"))
    return membership


def member_when_opened(*, barometer_round: BarometerRound, membership: Membership) -> bool:
    if barometer_round.memberships_until is not None:
        return membership.pk <= barometer_round.memberships_until
    return membership.joined_at <= timezone.localdate(barometer_round.opened_at)


@transaction.atomic
def round_answer(
    *,
    barometer_round: BarometerRound,
    user: User,
    values: Mapping[str, int | None],
    texts: Mapping[str, str] | None = None,
) -> Participation:
    """Record one member's answers, anonymously, once.

    `values` maps each statement's key to 1..5 (all are required), `texts` each open question's
    key to its answer (optional). Writes the participation (who) and the answers sealed (what,
    unreadable until the round closes: see the docstring of models.py). Refused for a closed
    round, a non-member, a member who joined after the round opened, or a second answer, also
    when two answers arrive at the same moment.
    """
    # The row lock serialises answers to one round (and its close or release) on PostgreSQL.
    barometer_round = BarometerRound.objects.select_for_update().get(pk=barometer_round.pk)
    membership = _refuse_unless_may_answer(barometer_round, user)
    questions = list(barometer_round.questionnaire.questions.all())
    answers = _validated_answers(questions, values, texts or {})
    counts = (
        membership.role != Membership.Role.FACILITATOR and barometer_round.opened_by_id != user.pk
    )
    try:
        with transaction.atomic():
            participation = Participation.objects.create(
                round=barometer_round, user=user, counts=counts
            )
    except IntegrityError:
        raise ValidationError(_("You have already answered this round. Thank you!")) from None
    length = padded_length(
        open_questions=sum(not question.is_scale for question in questions),
        questions=len(questions),
    )
    SealedResponse.objects.create(
        round=barometer_round,
        payload=seal(
            ((question.pk, value, text) for question, value, text in answers), length=length
        ),
    )
    return participation
