"""Learning goals, personal challenges and the learning agenda of a cycle."""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core import pagecache
from lerendnetwerk.core.text import NOTES_MAX, refuse_too_long
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks.models import Cycle

from ..models import (
    LearningGoal,
    LearningGoalComment,
    LearningQuestion,
    PersonalChallenge,
)
from .common import require_member, require_text

QUESTION_MAX = 300
GOAL_COMMENT_MAX = 1000


@transaction.atomic
def shared_goal_save(*, cycle: Cycle, text: str, edited_by: User) -> LearningGoal:
    """Write the cycle's one shared learning goal (the facilitator writes what the group says)."""
    text = require_text(
        text, field="text", message=_("Write the shared learning goal."), max_length=NOTES_MAX
    )
    goal, _created = LearningGoal.objects.update_or_create(
        cycle=cycle,
        kind=LearningGoal.Kind.SHARED,
        defaults={"text": text, "updated_by": edited_by, "updated_at": timezone.now()},
    )
    return goal


@transaction.atomic
def goal_comment_add(*, goal: LearningGoal, author: User, text: str) -> LearningGoalComment:
    """A member reacts to the shared learning goal; individual goals take no comments."""
    if goal.kind != LearningGoal.Kind.SHARED:
        raise ValidationError(_("Only the shared learning goal takes comments."))
    require_member(goal.cycle.network_id, author)
    text = require_text(
        text, field="text", message=_("Write your comment first."), max_length=GOAL_COMMENT_MAX
    )
    return LearningGoalComment.objects.create(goal=goal, author=author, text=text)


def _individual_goal_save(
    *, cycle: Cycle, member: User, text: str, is_shared: bool, when: datetime
) -> None:
    """The member's own learning goal; an empty text removes it."""
    text = (text or "").strip()
    if not text:
        LearningGoal.objects.filter(
            cycle=cycle, kind=LearningGoal.Kind.INDIVIDUAL, owner=member
        ).delete()
        return
    LearningGoal.objects.update_or_create(
        cycle=cycle,
        kind=LearningGoal.Kind.INDIVIDUAL,
        owner=member,
        defaults={"text": text, "is_shared": is_shared, "updated_by": member, "updated_at": when},
    )


@transaction.atomic
def personal_challenge_save(
    *,
    cycle: Cycle,
    member: User,
    learning_goal: str,
    question: str,
    outcome: str = "",
    is_shared: bool = False,
) -> PersonalChallenge:
    """Save a member's individual learning goal and personal challenge together.

    Both stay private to the member and the facilitator unless `is_shared`. Refused without a
    learning question: the challenge is that question. The goal may stay empty for a while.
    """
    require_member(cycle.network_id, member)
    question = require_text(
        question,
        field="question",
        message=_("Write your learning question within the theme."),
        max_length=NOTES_MAX,
    )
    refuse_too_long({"outcome": (outcome, NOTES_MAX), "learning_goal": (learning_goal, NOTES_MAX)})
    now = timezone.now()
    challenge, _created = PersonalChallenge.objects.update_or_create(
        cycle=cycle,
        member=member,
        defaults={
            "question": question,
            "outcome": (outcome or "").strip(),
            "is_shared": is_shared,
            "updated_at": now,
        },
    )
    _individual_goal_save(
        cycle=cycle, member=member, text=learning_goal, is_shared=is_shared, when=now
    )
    return challenge


@transaction.atomic
def learning_question_propose(*, cycle: Cycle, text: str, proposed_by: User) -> LearningQuestion:
    """A member adds a question at the end of the learning agenda."""
    require_member(cycle.network_id, proposed_by)
    text = require_text(
        text, field="text", message=_("Write the learning question."), max_length=QUESTION_MAX
    )
    # Locked so that two questions added at once do not get the same place.
    Cycle.objects.select_for_update(no_key=True).get(pk=cycle.pk)
    last = LearningQuestion.objects.filter(cycle=cycle).aggregate(last=Max("order"))["last"] or 0
    return LearningQuestion.objects.create(
        cycle=cycle, text=text, proposed_by=proposed_by, order=last + 1
    )


@transaction.atomic
def learning_question_move(*, question: LearningQuestion, up: bool) -> LearningQuestion:
    """Swap the question with its neighbour above or below; numbers the agenda 1, 2, 3 …"""
    questions = list(
        LearningQuestion.objects.select_for_update()
        .filter(cycle_id=question.cycle_id)
        .order_by("order", "pk")
    )
    index = next(i for i, other in enumerate(questions) if other.pk == question.pk)
    target = index - 1 if up else index + 1
    if 0 <= target < len(questions):
        questions[index], questions[target] = questions[target], questions[index]
    for order, other in enumerate(questions, start=1):
        other.order = order
    LearningQuestion.objects.bulk_update(questions, ["order"])
    pagecache.changed(question)
    return next(other for other in questions if other.pk == question.pk)


@transaction.atomic
def learning_question_remove(*, question: LearningQuestion) -> None:
    cycle_id = question.cycle_id
    question.delete()
    remaining = list(
        LearningQuestion.objects.select_for_update().filter(cycle_id=cycle_id).order_by("order")
    )
    for order, other in enumerate(remaining, start=1):
        other.order = order
    LearningQuestion.objects.bulk_update(remaining, ["order"])
    pagecache.changed(question)


@transaction.atomic
def learning_questions_mark_worked_on(
    *, meeting: Meeting, questions: Iterable[LearningQuestion]
) -> Meeting:
    """Record which of the network's learning questions this meeting worked on.

    Replaces the earlier choice for this meeting. Refused for questions of another network and
    for a cancelled meeting.
    """
    questions = list(questions)
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting has been cancelled."))
    network_ids = set(
        Cycle.objects.filter(pk__in={q.cycle_id for q in questions}).values_list(
            "network_id", flat=True
        )
    )
    if network_ids - {meeting.network_id}:
        raise ValidationError(_("Only this network's learning questions can be marked."))
    own_questions = LearningQuestion.objects.filter(cycle__network_id=meeting.network_id)
    LearningQuestion.worked_on_in.through.objects.filter(
        meeting=meeting, learningquestion__in=own_questions
    ).delete()
    LearningQuestion.worked_on_in.through.objects.bulk_create(
        LearningQuestion.worked_on_in.through(learningquestion=q, meeting=meeting)
        for q in questions
    )
    pagecache.changed(meeting)
    return meeting
