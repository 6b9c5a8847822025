"""Learning goals, personal challenges and the learning agenda."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.themes import services
from lerendnetwerk.themes.models import LearningGoal, LearningQuestion, PersonalChallenge

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(network, facilitator):
    starts = timezone.now() + timedelta(days=5)
    return meeting_services.meeting_schedule(
        network=network,
        title="Aan de slag met het thema",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Utrecht",
        created_by=facilitator,
    )


def test_one_shared_goal_per_cycle(cycle, facilitator):
    services.shared_goal_save(cycle=cycle, text="Samen beter voorlezen", edited_by=facilitator)
    goal = services.shared_goal_save(cycle=cycle, text="Beter voorlezen", edited_by=facilitator)
    assert LearningGoal.objects.filter(kind="shared").get() == goal
    assert goal.text == "Beter voorlezen"
    with pytest.raises(ValidationError):
        services.shared_goal_save(cycle=cycle, text=" ", edited_by=facilitator)


def test_members_comment_on_the_shared_goal_only(cycle, facilitator, participant, outsider):
    goal = services.shared_goal_save(cycle=cycle, text="Doel", edited_by=facilitator)
    comment = services.goal_comment_add(goal=goal, author=participant, text="Mee eens")
    assert comment.goal == goal
    with pytest.raises(ValidationError):
        services.goal_comment_add(goal=goal, author=outsider, text="Ik ook")
    services.personal_challenge_save(
        cycle=cycle, member=participant, learning_goal="Eigen doel", question="Vraag"
    )
    individual = LearningGoal.objects.get(kind="individual")
    with pytest.raises(ValidationError):
        services.goal_comment_add(goal=individual, author=facilitator, text="Hm")


def test_the_personal_challenge_and_goal_are_saved_together(cycle, participant):
    challenge = services.personal_challenge_save(
        cycle=cycle,
        member=participant,
        learning_goal="Meer doorvragen",
        question="Hoe stel ik open vragen aan peuters?",
    )
    assert not challenge.is_shared
    services.personal_challenge_save(
        cycle=cycle,
        member=participant,
        learning_goal="Meer doorvragen",
        question="Hoe stel ik open vragen aan peuters?",
        outcome="Ik wacht nu langer op een antwoord.",
        is_shared=True,
    )
    challenge = PersonalChallenge.objects.get()
    goal = LearningGoal.objects.get(owner=participant)
    assert challenge.outcome.startswith("Ik wacht")
    assert challenge.is_shared and goal.is_shared
    # Emptying the goal removes it; the challenge needs its question.
    services.personal_challenge_save(
        cycle=cycle, member=participant, learning_goal="", question="V"
    )
    assert not LearningGoal.objects.filter(owner=participant).exists()
    with pytest.raises(ValidationError) as refusal:
        services.personal_challenge_save(
            cycle=cycle, member=participant, learning_goal="", question=""
        )
    assert "question" in refusal.value.error_dict


def test_questions_are_numbered_moved_and_removed(cycle, participant):
    first, second, third = (
        services.learning_question_propose(cycle=cycle, text=t, proposed_by=participant)
        for t in ("Een", "Twee", "Drie")
    )
    assert [q.order for q in (first, second, third)] == [1, 2, 3]

    def order() -> list[str]:
        return list(LearningQuestion.objects.order_by("order").values_list("text", flat=True))

    services.learning_question_move(question=third, up=True)
    assert order() == ["Een", "Drie", "Twee"]
    services.learning_question_move(question=first, up=True)  # already first: stays
    assert order() == ["Een", "Drie", "Twee"]
    services.learning_question_remove(question=first)
    assert order() == ["Drie", "Twee"]
    assert list(LearningQuestion.objects.order_by("order").values_list("order", flat=True)) == [
        1,
        2,
    ]


@pytest.mark.parametrize("text", ["", "x" * 301])
def test_a_question_needs_text(cycle, participant, text):
    with pytest.raises(ValidationError):
        services.learning_question_propose(cycle=cycle, text=text, proposed_by=participant)


def test_marking_what_a_meeting_worked_on(cycle, participant, meeting, outsider):
    q1, q2 = (
        services.learning_question_propose(cycle=cycle, text=t, proposed_by=participant)
        for t in ("Een", "Twee")
    )
    services.learning_questions_mark_worked_on(meeting=meeting, questions=[q1, q2])
    services.learning_questions_mark_worked_on(meeting=meeting, questions=[q2])
    assert list(meeting.learning_questions.all()) == [q2]
    other_cycle = outsider.memberships.get().network.current_cycle
    foreign = services.learning_question_propose(cycle=other_cycle, text="X", proposed_by=outsider)
    with pytest.raises(ValidationError):
        services.learning_questions_mark_worked_on(meeting=meeting, questions=[foreign])
    meeting_services.meeting_cancel(meeting=meeting)
    with pytest.raises(ValidationError):
        services.learning_questions_mark_worked_on(meeting=meeting, questions=[q1])
