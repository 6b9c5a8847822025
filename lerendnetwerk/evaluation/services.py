"""Writes for evaluating. Each service runs in one transaction, checks what it needs itself (a
person may have left the network between loading a page and sending it) and refuses with a
message a person can act on."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core import pagecache
from lerendnetwerk.core.email import email_enqueue
from lerendnetwerk.core.text import NOTES_MAX, refuse_too_long
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Cycle, Network
from lerendnetwerk.themes import services as theme_services
from lerendnetwerk.themes.models import ThemeProposal

from . import selectors
from .models import (
    CriticalReflection,
    CycleEvaluation,
    EvaluationRequest,
    GoalOutcome,
    LearningGain,
    LookAhead,
    MeetingEvaluation,
    ReflectionAnswer,
)
from .reflection import QUESTION_KEYS

SHORT_MAX = 500
SUBJECT_MAX = 200


def _require_member(network: Network | int, user: User) -> None:
    if not network_selectors.is_member(network=network, user=user):
        raise ValidationError(_("Only members of the network can do this."))


@transaction.atomic
def meeting_evaluation_save(
    *,
    meeting: Meeting,
    author: User,
    rating: int,
    what_worked: str = "",
    what_to_change: str = "",
    is_anonymous: bool = False,
) -> MeetingEvaluation:
    """An attendee's evaluation of a meeting that has ended; saving again changes it, until
    `selectors.EDITABLE_DAYS` after the meeting."""
    refusal = selectors.evaluation_refusal(meeting=meeting, user=author)
    if refusal:
        raise ValidationError(refusal)
    if rating not in range(1, 6):
        raise ValidationError({"rating": _("Choose a rating from 1 to 5.")})
    refuse_too_long(
        {"what_worked": (what_worked, SHORT_MAX), "what_to_change": (what_to_change, SHORT_MAX)}
    )
    now = timezone.now()
    evaluation, _created = MeetingEvaluation.objects.update_or_create(
        meeting=meeting,
        author=author,
        defaults={
            "rating": rating,
            "what_worked": (what_worked or "").strip(),
            "what_to_change": (what_to_change or "").strip(),
            "is_anonymous": is_anonymous,
            "updated_at": now,
        },
        create_defaults={
            "rating": rating,
            "what_worked": (what_worked or "").strip(),
            "what_to_change": (what_to_change or "").strip(),
            "is_anonymous": is_anonymous,
            "created_at": now,
            "updated_at": now,
        },
    )
    return evaluation


@transaction.atomic
def evaluation_request_send(*, meeting: Meeting, sent_by: User) -> EvaluationRequest:
    """E-mail every attendee of an ended meeting (who has not evaluated yet) that they can.

    The facilitator decides when: attendance is recorded in `meetings`, which cannot call up
    into this app, and the facilitator may want to correct attendance first. Sent once.
    """
    if not meeting.is_past:
        raise ValidationError(_("Attendees can evaluate a meeting once it has ended."))
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting has been cancelled."))
    if meeting.attendance_recorded_at is None:
        raise ValidationError(_("Record who attended first: only attendees evaluate."))
    if not selectors.evaluation_open(meeting=meeting):
        raise ValidationError(_("The time to evaluate this meeting has passed."))
    if EvaluationRequest.objects.select_for_update().filter(meeting=meeting).exists():
        raise ValidationError(_("The attendees have already been told."))
    recipients = selectors.attendees_to_tell(meeting=meeting)
    url = reverse("evaluation:meeting_evaluate", args=[meeting.pk])
    closes_on = timezone.localdate(selectors.evaluation_closes_at(meeting=meeting))
    for person in recipients:
        email_enqueue(
            to=person.email,
            template="evaluation/email/evaluate_meeting",
            context={
                "name": person.name,
                "meeting": meeting,
                "url": url,
                "closes_on": closes_on,
            },
            language=person.language or None,
        )
    return EvaluationRequest.objects.create(
        meeting=meeting, sent_by=sent_by, recipients=len(recipients)
    )


@transaction.atomic
def reflection_open(
    *, network: Network, opened_by: User, meeting: Meeting | None = None
) -> CriticalReflection:
    """The facilitator opens a critical reflection for a meeting of the network (one per
    meeting: opening again returns the one there is) or for the current cycle."""
    _require_member(network, opened_by)
    if network.current_cycle_id is None:
        raise ValidationError(_("This network has no cycle."))
    if meeting is not None:
        if meeting.network_id != network.pk:
            raise ValidationError(_("This meeting belongs to another network."))
        existing = CriticalReflection.objects.filter(meeting=meeting).first()
        if existing is not None:
            return existing
    now = timezone.now()
    return CriticalReflection.objects.create(
        network=network,
        cycle_id=meeting.cycle_id if meeting is not None else network.current_cycle_id,
        meeting=meeting,
        opened_by=opened_by,
        opened_at=now,
        updated_by=opened_by,
        updated_at=now,
    )


@transaction.atomic
def reflection_record(
    *,
    reflection: CriticalReflection,
    recorded_by: User,
    answers: dict[str, str],
    agreed_changes: str,
) -> CriticalReflection:
    """The group's answers per question and the agreed changes, typed during the session by
    the facilitator or a member; an empty answer removes what was there."""
    _require_member(reflection.network_id, recorded_by)
    unknown = set(answers) - set(QUESTION_KEYS)
    if unknown:
        raise ValidationError(_("That question is not part of the critical reflection."))
    refuse_too_long(
        {
            "agreed_changes": (agreed_changes, NOTES_MAX),
            **{key: (text, NOTES_MAX) for key, text in answers.items()},
        }
    )
    existing = {a.question: a for a in reflection.answers.select_for_update()}
    to_create, to_update, to_delete = [], [], []
    for key in QUESTION_KEYS:
        text = (answers.get(key) or "").strip()
        answer = existing.get(key)
        if text and answer is None:
            to_create.append(ReflectionAnswer(reflection=reflection, question=key, text=text))
        elif text and answer is not None and answer.text != text:
            answer.text = text
            to_update.append(answer)
        elif not text and answer is not None:
            to_delete.append(answer.pk)
    ReflectionAnswer.objects.bulk_create(to_create)
    ReflectionAnswer.objects.bulk_update(to_update, ["text"])
    ReflectionAnswer.objects.filter(pk__in=to_delete).delete()
    pagecache.changed(reflection)
    reflection.agreed_changes = (agreed_changes or "").strip()
    reflection.updated_by = recorded_by
    reflection.updated_at = timezone.now()
    reflection.save(update_fields=["agreed_changes", "updated_by", "updated_at"])
    return reflection


@transaction.atomic
def cycle_goal_outcome_save(
    *, cycle: Cycle, goal_outcome: str, why: str, recorded_by: User
) -> CycleEvaluation:
    """The facilitator records whether the shared learning goal was reached, and why."""
    if goal_outcome not in GoalOutcome.values:
        raise ValidationError({"goal_outcome": _("Choose reached, partly or not reached.")})
    refuse_too_long({"why": (why, NOTES_MAX)})
    evaluation, _created = CycleEvaluation.objects.update_or_create(
        cycle=cycle,
        defaults={
            "goal_outcome": goal_outcome,
            "why": (why or "").strip(),
            "updated_by": recorded_by,
            "updated_at": timezone.now(),
        },
    )
    return evaluation


def challenge_outcome_save(*, cycle: Cycle, member: User, outcome: str, is_shared: bool) -> None:
    """A member writes what came of their personal challenge, and shares it or not; the
    challenge stays the themes app's (its service keeps the question and learning goal)."""
    plan = selectors.my_plan(cycle=cycle, member=member)
    if plan.challenge is None:
        raise ValidationError(
            _("Write your personal challenge first; then you can say what came of it.")
        )
    theme_services.personal_challenge_save(
        cycle=cycle,
        member=member,
        learning_goal=plan.goal.text if plan.goal else "",
        question=plan.challenge.question,
        outcome=outcome,
        is_shared=is_shared,
    )


@transaction.atomic
def look_ahead_save(
    *, cycle: Cycle, member: User, go_on: str, composition: str, subject: str = ""
) -> LookAhead:
    """A member's look-ahead for the cycle (one per member per cycle; saving again changes it)."""
    _require_member(cycle.network_id, member)
    errors = {}
    if go_on not in LookAhead.Continue.values:
        errors["go_on"] = _("Say whether you want to go on: yes, maybe or no.")
    if composition not in LookAhead.Composition.values:
        errors["composition"] = _("Choose with whom you would like to go on.")
    if errors:
        raise ValidationError(errors)
    refuse_too_long({"subject": (subject, SUBJECT_MAX)})
    look_ahead, _created = LookAhead.objects.update_or_create(
        cycle=cycle,
        member=member,
        defaults={
            "go_on": go_on,
            "composition": composition,
            "subject": (subject or "").strip(),
            "updated_at": timezone.now(),
        },
    )
    return look_ahead


@transaction.atomic
def look_ahead_to_proposals(*, cycle: Cycle, proposed_by: User) -> list[ThemeProposal]:
    """Turn the cycle's subject wishes into theme proposals for the next cycle, each once.

    The next cycle exists after the doorstart (`networks.services.network_start_cycle`); the
    group then chooses among the proposals with a dot vote in `themes`. A wish becomes a
    proposal of the member who made it while they are still a member, else of the facilitator.
    """
    following = selectors.next_cycle(cycle=cycle)
    if following is None:
        raise ValidationError(
            _("Start the new cycle first; then the wishes become theme proposals for it.")
        )
    wishes = list(
        LookAhead.objects.select_for_update()
        .filter(cycle=cycle, proposed_at__isnull=True)
        .exclude(subject="")
        .select_related("member")
        .order_by("updated_at", "pk")
    )
    if not wishes:
        raise ValidationError(_("There are no new subject wishes to propose."))
    member_ids = network_selectors.member_ids(network=cycle.network_id)
    why = _("Wished for in the look-ahead at the end of cycle %(number)d.") % {
        "number": cycle.number
    }
    proposals = []
    seen: set[str] = set()
    for wish in wishes:
        key = wish.subject.casefold()
        if key not in seen:
            seen.add(key)
            proposals.append(
                theme_services.theme_proposal_create(
                    cycle=following,
                    title=wish.subject,
                    why=why,
                    proposed_by=wish.member if wish.member_id in member_ids else proposed_by,
                )
            )
    LookAhead.objects.filter(pk__in=[w.pk for w in wishes]).update(proposed_at=timezone.now())
    pagecache.changed(cycle)
    return proposals


@transaction.atomic
def learning_gain_save(
    *,
    cycle: Cycle,
    author: User,
    level: str,
    text: str,
    share_with_manager: bool = False,
    share_for_reporting: bool = False,
    gain: LearningGain | None = None,
) -> LearningGain:
    """Write (or, with `gain`, change) a learning gain at one level; one per level per cycle."""
    if gain is not None and gain.author_id != author.pk:
        raise ValidationError(_("Only its author can change a learning gain."))
    if gain is None:
        _require_member(cycle.network_id, author)
    errors = {}
    if level not in LearningGain.Level.values:
        errors["level"] = _("Choose the level: you, your team or your organisation.")
    text = (text or "").strip()
    if not text:
        errors["text"] = _("Write what you learned or what changed.")
    if errors:
        raise ValidationError(errors)
    refuse_too_long({"text": (text, NOTES_MAX)})
    clash = LearningGain.objects.filter(cycle=cycle, author=author, level=level)
    if gain is not None:
        clash = clash.exclude(pk=gain.pk)
    if clash.exists():
        raise ValidationError(
            {"level": _("You already wrote a learning gain at this level; change that one.")}
        )
    now = timezone.now()
    if gain is None:
        gain = LearningGain(cycle=cycle, author=author, created_at=now)
    gain.level = level
    gain.text = text
    gain.share_with_manager = share_with_manager
    gain.share_for_reporting = share_for_reporting
    gain.updated_at = now
    gain.save()
    return gain
