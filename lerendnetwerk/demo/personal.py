"""What the demo participant's own page shows: a buddy and a table at the next meeting in the
kartrekker's network, a learning question to prepare and a personal challenge there; in their
second network an open dot vote and a contract version to agree to. (The open Netwerkbarometer
round is barometer.py's.)"""

from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.groups import services as group_services
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Network
from lerendnetwerk.themes import services as theme_services
from lerendnetwerk.themes.models import LearningQuestion

CHALLENGE = (
    "Hoe laat ik de kinderen in mijn groep merken dat de basisschool een vertrouwde plek is, "
    "nog voordat ze er zijn?"
)
LEARNING_GOAL = "Ik wil beter kunnen vertellen wat ik van een kind zie aan de leerkracht."
NEXT_THEMES = [
    ("Spelen en leren buiten", "Buiten gebeurt veel, maar we praten er weinig over samen."),
    ("Meertaligheid in de groep", "Veel kinderen spreken thuis een andere taal."),
    ("Samen met ouders", "Ouders weten veel van de overstap; we vragen het ze te weinig."),
]
CONTRACT_V2 = (
    "We beginnen en eindigen op tijd.\n"
    "Wat iemand over een kind vertelt, blijft in de groep.\n"
    "We nemen voor elke bijeenkomst een vraag of voorbeeld uit de eigen praktijk mee.\n"
    "Wie niet kan komen, zegt af bij de kartrekker en vraagt een maatje wat er besproken is."
)


def _upcoming(network: Network) -> list[Meeting]:
    return list(
        Meeting.objects.filter(
            network=network, status=Meeting.Status.SCHEDULED, starts_at__gt=timezone.now()
        ).order_by("starts_at")
    )


def seed_participant_groups(*, network: Network, kartrekker: User, participant: User) -> None:
    """Buddy pairs for the network (the participant in one), a rotation of tables tied to its
    meetings still to come, the participant's personal challenge, and a learning question on
    the next meeting's agenda to prepare."""
    cycle = network.current_cycle
    upcoming = _upcoming(network)
    if cycle is None or not upcoming:
        return
    group_services.buddies_set(
        network=network, pairs=group_services.buddies_propose(network=network)
    )
    members = network_selectors.member_count(network=network)
    group_services.rotation_plan(
        network=network,
        name="Tafels in wisselende samenstelling",
        group_size=4 if members >= 8 else 2,
        rounds=max(2, len(upcoming)),
        created_by=kartrekker,
        meetings=upcoming,
    )
    theme_services.personal_challenge_save(
        cycle=cycle, member=participant, learning_goal=LEARNING_GOAL, question=CHALLENGE
    )
    question = LearningQuestion.objects.filter(cycle=cycle).order_by("order", "pk").first()
    if question is not None:
        theme_services.learning_questions_mark_worked_on(meeting=upcoming[0], questions=[question])


def seed_participant_choices(*, network: Network, participant: User) -> None:
    """In the participant's second network: a new contract version that the others agreed to,
    and an open dot vote on the theme for the next cycle that some already voted in."""
    cycle = network.current_cycle
    facilitator = (
        network_selectors.memberships_active(network=network)
        .filter(role="facilitator")
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if cycle is None or facilitator is None:
        return
    others = [m for m in network_selectors.members(network=network) if m != participant]
    agreement = theme_services.agreement_publish(
        network=network, text=CONTRACT_V2, published_by=facilitator.user
    )
    for member in others[: len(others) // 2 + 1]:
        theme_services.agreement_acknowledge(agreement=agreement, member=member)
    proposals = [
        theme_services.theme_proposal_create(
            cycle=cycle, title=title, why=why, proposed_by=others[i % len(others)]
        )
        for i, (title, why) in enumerate(NEXT_THEMES)
    ]
    dot_vote = theme_services.dot_vote_open(
        cycle=cycle, opened_by=facilitator.user, proposals=proposals
    )
    for i, member in enumerate(others[:3]):
        theme_services.dot_vote_place(
            dot_vote=dot_vote, member=member, stickers={proposals[i % len(proposals)].pk: 3}
        )
