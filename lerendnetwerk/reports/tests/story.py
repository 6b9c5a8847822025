"""A network with a cycle that has something in every part of the report, and secrets that must
never reach it: a diary entry, an open answer of a hidden Netwerkbarometer round, a decline
reason and a personal challenge its member did not share. Also used by the browser journey."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.barometer.models import BarometerRound, Question
from lerendnetwerk.barometer.tests.conftest import answer, close, make_round
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core.tests.factories import UserFactory, add_member
from lerendnetwerk.journal.models import JournalEntry
from lerendnetwerk.meetings.models import AgendaItem, Meeting, Rsvp
from lerendnetwerk.networks.models import Cycle, Network, PhaseTransition
from lerendnetwerk.themes.models import LearningGoal, PersonalChallenge

SECRETS = {
    "diary": "GEHEIM-DAGBOEK-tekst",
    "open_answer": "GEHEIM-OPEN-ANTWOORD",
    "decline": "GEHEIM-AFMELDREDEN",
    "challenge": "GEHEIM-ONGEDEELDE-UITDAGING",
    "challenge_outcome": "GEHEIM-ONGEDEELDE-UITKOMST",
}
SHARED_GOAL = "Samen de overdracht naar groep 1 verbeteren"
SHARED_CHALLENGE = "Hoe betrek ik ouders bij de overdracht?"
SHARED_OUTCOME = "Een warme overdracht met ouders erbij"


def hold_meeting(
    cycle: Cycle, people: list[User], *, days_ago: int, attended: int, title: str = ""
) -> Meeting:
    """A meeting held `days_ago`, attendance recorded: the first `attended` of `people` came,
    the rest declined with a reason."""
    starts = timezone.now() - timedelta(days=days_ago, hours=3)
    meeting = Meeting.objects.create(
        network=cycle.network,
        cycle=cycle,
        phase=cycle.phase,
        title=title or f"Bijeenkomst {days_ago}",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        attendance_recorded_at=starts + timedelta(hours=2),
    )
    Rsvp.objects.bulk_create(
        Rsvp(
            meeting=meeting,
            user=person,
            answer=Rsvp.Answer.ACCEPTED if i < attended else Rsvp.Answer.DECLINED,
            reason="" if i < attended else SECRETS["decline"],
            attended=i < attended,
        )
        for i, person in enumerate(people)
    )
    return meeting


@dataclass
class Story:
    network: Network
    cycle: Cycle
    people: list[User]
    meetings: list[Meeting]
    entry: Entry
    shown_round: BarometerRound
    hidden_round: BarometerRound


def build_story(network: Network, facilitator: User, participant: User) -> Story:
    assert participant.organisation is not None
    network.organisations.add(participant.organisation)
    cycle = network.cycles.get()
    Cycle.objects.filter(pk=cycle.pk).update(
        started_at=timezone.now() - timedelta(days=90), theme="Overdracht", phase="development"
    )
    cycle.refresh_from_db()
    PhaseTransition.objects.create(
        cycle=cycle,
        from_phase="",
        to_phase="exploration",
        moved_by=facilitator,
        moved_at=timezone.now() - timedelta(days=80),
    )
    PhaseTransition.objects.create(
        cycle=cycle,
        from_phase="exploration",
        to_phase="development",
        moved_by=facilitator,
        reason="GEHEIM-REDEN-FASE",
        open_questions=["Vraag een", "Vraag twee"],
        moved_at=timezone.now() - timedelta(days=40),
    )
    people = [participant, *[add_member(network, UserFactory.create()) for _ in range(5)]]
    meetings = [
        hold_meeting(cycle, people, days_ago=30, attended=5, title="Kennismaken"),
        hold_meeting(cycle, people, days_ago=10, attended=3, title="Doelen stellen"),
    ]
    entry = Entry.objects.filter(kind=Entry.Kind.ACTIVITY).order_by("pk").first()
    assert entry is not None
    for meeting in meetings:
        AgendaItem.objects.create(
            meeting=meeting,
            entry=entry,
            title=entry.title,
            duration_minutes=30,
            lead=AgendaItem.Lead.FACILITATOR,
        )
    LearningGoal.objects.create(cycle=cycle, kind=LearningGoal.Kind.SHARED, text=SHARED_GOAL)
    PersonalChallenge.objects.create(
        cycle=cycle,
        member=people[1],
        question=SHARED_CHALLENGE,
        outcome=SHARED_OUTCOME,
        is_shared=True,
    )
    PersonalChallenge.objects.create(
        cycle=cycle,
        member=people[2],
        question=SECRETS["challenge"],
        outcome=SECRETS["challenge_outcome"],
        is_shared=False,
    )
    JournalEntry.objects.create(author=participant, network=network, text=SECRETS["diary"])
    # Five members besides the facilitator answer the first round (k is 5 in Utrecht); two
    # answer the second, one with an open answer: its results may not be shown.
    shown_round = make_round(network)
    for person in people[:5]:
        answer(shown_round, person, value=4)
    shown_round = close(shown_round)
    BarometerRound.objects.filter(pk=shown_round.pk).update(
        opened_at=timezone.now() - timedelta(days=20),
        closes_on=timezone.localdate() - timedelta(days=5),
    )
    hidden_round = make_round(network)
    open_key = hidden_round.questionnaire.questions.filter(kind=Question.Kind.OPEN).values_list(
        "key", flat=True
    )[0]
    answer(hidden_round, people[0], value=2, texts={open_key: SECRETS["open_answer"]})
    answer(hidden_round, people[1], value=2)
    hidden_round = close(hidden_round)
    return Story(
        network=network,
        cycle=cycle,
        people=people,
        meetings=meetings,
        entry=entry,
        shown_round=shown_round,
        hidden_round=hidden_round,
    )
