"""The end of a cycle in the demo (Inbedding): attendees' evaluations of the meetings held,
a critical reflection, the shared goal's outcome, the look-ahead and learning gains, some of
them shared with the manager or for reporting. Written directly (no e-mail), for the networks
in embedding or anchoring and for the demo network, so the demo logins see it."""

import random
from datetime import datetime, timedelta

from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.evaluation.models import (
    CriticalReflection,
    CycleEvaluation,
    GoalOutcome,
    LearningGain,
    LookAhead,
    MeetingEvaluation,
    ReflectionAnswer,
)
from lerendnetwerk.meetings.models import Meeting, Rsvp
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Cycle, Membership, Network

WORKED = [
    "Het kijkje in elkaars groep: ik zag meteen hoe het anders kan.",
    "Genoeg tijd om echt door te praten.",
    "De casus uit de peutergroep was heel herkenbaar.",
    "",
]
CHANGE = [
    "Iets strakker op tijd beginnen.",
    "Minder vertellen, meer samen doen.",
    "",
    "Vooraf weten wat we moeten voorbereiden.",
]
REFLECTION = {
    "yield": "Een gezamenlijk overdrachtsformulier en meer begrip voor elkaars werk.",
    "practice": "We nodigen elkaar uit bij de overstap; twee scholen lezen nu samen voor.",
    "talk": "Ouderbetrokkenheid: we praten er elke keer over, maar niemand pakt het op.",
}
AGREED = "Volgende bijeenkomst maken twee leden een plan voor ouderbetrokkenheid."
SUBJECTS = ["Ouderbetrokkenheid", "Rekenen bij jonge kinderen", "Spel in groep 1 en 2", ""]
GAINS = {
    LearningGain.Level.INDIVIDUAL: "Ik stel meer open vragen en laat kinderen langer nadenken.",
    LearningGain.Level.TEAM: "Ons team gebruikt nu het gezamenlijke overdrachtsformulier.",
    LearningGain.Level.ORGANISATION: "De directie heeft tijd vrijgemaakt voor warme overdracht.",
}
CLOSING_PHASES = (Phase.EMBEDDING, Phase.ANCHORING)


def seed_evaluation(
    rng: random.Random,
    network: Network,
    held: list[Meeting],
    *,
    is_demo: bool,
    manager: User | None = None,
) -> None:
    cycle = network.current_cycle
    if cycle is None or not (cycle.phase in CLOSING_PHASES or is_demo):
        return
    members = list(network_selectors.memberships_active(network=network).select_related("user"))
    if not members:
        return
    facilitator = next(m.user for m in members if m.role == Membership.Role.FACILITATOR)
    now = timezone.now()
    _meeting_evaluations(rng, held)
    if held:
        reflection = CriticalReflection.objects.create(
            network=network,
            cycle=cycle,
            meeting=held[-1],
            agreed_changes=AGREED,
            opened_by=facilitator,
            opened_at=held[-1].starts_at,
            updated_by=facilitator,
            updated_at=held[-1].ends_at,
        )
        ReflectionAnswer.objects.bulk_create(
            ReflectionAnswer(reflection=reflection, question=key, text=text)
            for key, text in REFLECTION.items()
        )
    if cycle.phase in CLOSING_PHASES:
        CycleEvaluation.objects.create(
            cycle=cycle,
            goal_outcome=rng.choice([GoalOutcome.REACHED, GoalOutcome.PARTLY]),
            why="We werken nu met één aanpak; de ouders hebben we nog niet goed bereikt.",
            updated_by=facilitator,
            updated_at=now,
        )
        LookAhead.objects.bulk_create(
            LookAhead(
                cycle=cycle,
                member=m.user,
                go_on=rng.choices(LookAhead.Continue.values, weights=[6, 2, 1])[0],
                composition=rng.choice(LookAhead.Composition.values),
                subject=rng.choice(SUBJECTS),
                updated_at=now - timedelta(days=rng.randint(1, 10)),
            )
            for m in members
            if rng.random() < 0.8
        )
    _learning_gains(rng, cycle, [m.user for m in members], now)
    if is_demo and manager is not None:
        # The demo manager's page shows a learning gain their own staff shared with them.
        for m in members:
            if m.user.organisation_id == manager.organisation_id:
                LearningGain.objects.update_or_create(
                    cycle=cycle,
                    author=m.user,
                    level=LearningGain.Level.INDIVIDUAL,
                    defaults={
                        "text": GAINS[LearningGain.Level.INDIVIDUAL],
                        "share_with_manager": True,
                        "created_at": now,
                        "updated_at": now,
                    },
                )


def _meeting_evaluations(rng: random.Random, held: list[Meeting]) -> None:
    attended = Rsvp.objects.filter(meeting__in=held, attended=True).values_list(
        "meeting_id", "user_id"
    )
    ends = {m.pk: m.ends_at for m in held}
    MeetingEvaluation.objects.bulk_create(
        MeetingEvaluation(
            meeting_id=meeting_id,
            author_id=user_id,
            rating=rng.choices([5, 4, 3, 2], weights=[3, 5, 2, 1])[0],
            what_worked=rng.choice(WORKED),
            what_to_change=rng.choice(CHANGE),
            is_anonymous=rng.random() < 0.4,
            created_at=ends[meeting_id] + timedelta(hours=rng.randint(2, 72)),
            updated_at=ends[meeting_id] + timedelta(hours=72),
        )
        for meeting_id, user_id in attended
        if rng.random() < 0.75
    )


def _learning_gains(rng: random.Random, cycle: Cycle, people: list[User], now: datetime) -> None:
    gains = []
    for person in people:
        for level, text in GAINS.items():
            if rng.random() < 0.5:
                continue
            gains.append(
                LearningGain(
                    cycle=cycle,
                    author=person,
                    level=level,
                    text=text,
                    share_with_manager=rng.random() < 0.6,
                    share_for_reporting=rng.random() < 0.5,
                    created_at=now,
                    updated_at=now,
                )
            )
    LearningGain.objects.bulk_create(gains)
