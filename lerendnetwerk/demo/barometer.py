"""Netwerkbarometer rounds for the demo: a closed round with results in every network that has
been under way for a while, and an open round in the demo network that the demo participant has
not answered yet. Answers go through the real service; no invitation is sent."""

import random
from datetime import date, timedelta

from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.barometer import services
from lerendnetwerk.barometer.models import BarometerRound, Question, Questionnaire
from lerendnetwerk.barometer.selectors import questionnaire_current
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Membership, Network

# What members write in the open questions: a handful of plausible answers to draw from.
WHAT_GOES_WELL = [
    "We leren echt van elkaars praktijk, vooral bij de bezoeken op locatie.",
    "De overdracht van peuters naar groep 1 gaat soepeler nu we elkaar kennen.",
    "Er is ruimte om twijfels te delen zonder dat iemand oordeelt.",
]
WHAT_COULD_BE_BETTER = [
    "Meer tijd om casussen uit te werken; de bijeenkomsten zijn snel vol.",
    "Collega's die niet meedoen horen nog weinig van wat we leren.",
    "Vaker een praktijkvoorbeeld meenemen naar de bijeenkomst.",
]


def seed_barometer(rng: random.Random, network: Network, *, demo_participant: User | None) -> None:
    members = list(network_selectors.members(network=network))
    questionnaire = questionnaire_current(region=network.district.region)
    started = network.current_cycle is not None and network.current_cycle.phase
    if questionnaire is None or not started or len(members) < 6:
        return
    questions = list(questionnaire.questions.all())
    today = timezone.localdate()
    closed = _round(network, questionnaire, today + timedelta(days=7))
    # Each network has its own mood, so the region's comparison says something.
    mood = rng.uniform(3.0, 4.4)
    for member in rng.sample(members, k=len(members) - rng.randint(0, 2)):
        _answer(rng, closed, member, questions, mood)
    BarometerRound.objects.filter(pk=closed.pk).update(
        opened_at=timezone.now() - timedelta(weeks=10), closes_on=today - timedelta(weeks=8)
    )
    # Past its closing date: release the sealed answers as the daily command would.
    services.round_release(barometer_round=closed)
    if demo_participant is not None and demo_participant in members:
        opened = _round(network, questionnaire, today + timedelta(days=10))
        others = [m for m in members if m != demo_participant]
        for member in rng.sample(others, k=len(others) // 2):
            _answer(rng, opened, member, questions, mood + 0.2)


def _round(network: Network, questionnaire: Questionnaire, closes_on: date) -> BarometerRound:
    facilitator = (
        Membership.objects.filter(network=network, role=Membership.Role.FACILITATOR)
        .values_list("user_id", flat=True)
        .first()
    )
    return BarometerRound.objects.create(
        network=network,
        questionnaire=questionnaire,
        closes_on=closes_on,
        opened_by_id=facilitator,
    )


def _answer(
    rng: random.Random,
    barometer_round: BarometerRound,
    member: User,
    questions: list[Question],
    mood: float,
) -> None:
    values = {q.key: min(5, max(1, round(rng.gauss(mood, 0.8)))) for q in questions if q.is_scale}
    texts = {}
    for question, answers in zip(
        (q for q in questions if not q.is_scale),
        (WHAT_GOES_WELL, WHAT_COULD_BE_BETTER),
        strict=False,
    ):
        if rng.random() < 0.5:
            texts[question.key] = rng.choice(answers)
    services.round_answer(barometer_round=barometer_round, user=member, values=values, texts=texts)
