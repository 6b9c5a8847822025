"""How the demo network chose its theme, through the real services: proposals, a closed dot
vote whose winner became the theme, ideas on the wall, the shared learning goal, learning
questions and a contract that part of the network has acknowledged. No e-mail is involved."""

import random

from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.demo import names
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Membership, Network
from lerendnetwerk.themes import services
from lerendnetwerk.themes.models import FocusArea, LearningQuestion

WHY = {
    0: "Bij de overstap naar groep 1 zien we grote verschillen tussen kinderen; hier kunnen we "
    "samen iets aan doen.",
    1: "Ouders vragen er zelf naar, en we merken dat we het ieder op onze eigen manier doen.",
    2: "In de praktijk blijft het nu vaak bij goede bedoelingen; we willen het concreet maken.",
}
IDEAS = [
    "Een keer per maand bij elkaar in de groep kijken.",
    "Samen één overdrachtsformulier maken voor de hele wijk.",
    "Een voorleesochtend met ouders en kinderen van peutergroep en groep 1.",
]
# The facilitator's columns on the wall; the participants' later ideas wait ungrouped.
IDEA_GROUPS = ["Samen kijken", "Samen kijken", "Ouders"]
SHARED_GOAL = (
    "Aan het eind van dit schooljaar werken peuteropvang en basisschool in de wijk met dezelfde "
    "aanpak, en kunnen we laten zien wat kinderen en ouders daarvan merken."
)
LEARNING_QUESTIONS = [
    "Wat doen we al hetzelfde, en waar verschillen we bewust?",
    "Hoe betrekken we collega's die niet in het netwerk zitten?",
    "Welke informatie heeft de leerkracht echt nodig bij de start in groep 1?",
]
AGREEMENT = (
    "We zijn er elke bijeenkomst, of laten het op tijd weten.\n"
    "Wat we over kinderen en collega's bespreken, blijft in het netwerk.\n"
    "Iedereen bereidt minstens één bijeenkomst per jaar mee voor.\n"
    "We proberen tussen de bijeenkomsten iets uit in de eigen groep en vertellen erover."
)


def focus_area_of(theme: str) -> FocusArea | None:
    """The UKK focus area the demo's topic with this theme belongs to (None: its own theme)."""
    title = next((topic.focus_area for topic in names.TOPICS if topic.theme == theme), "")
    if not title:
        return None
    return FocusArea.objects.filter(title=title, chapter__framework__is_active=True).first()


def seed_theme_choice(network: Network) -> None:
    """Each cycle's theme as the network adopted it, with its focus area: what the public site
    groups and filters by. (The demo logins' network chose its theme by dot vote instead.)"""
    facilitator = (
        network_selectors.memberships_active(network=network)
        .filter(role=Membership.Role.FACILITATOR)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if facilitator is None:
        return
    for cycle in network.cycles.exclude(theme="").filter(adopted_theme__isnull=True):
        proposal = services.theme_proposal_create(
            cycle=cycle,
            title=cycle.theme,
            why=WHY[0],
            proposed_by=facilitator.user,
            focus_area=focus_area_of(cycle.theme),
        )
        services.theme_adopt(cycle=cycle, proposal=proposal, adopted_by=facilitator.user)


def seed_themes(rng: random.Random, network: Network) -> None:
    cycle = network.current_cycle
    if cycle is None:
        return
    members = list(network_selectors.members(network=network))
    facilitator = next(
        m.user
        for m in Membership.objects.filter(network=network, role=Membership.Role.FACILITATOR)
        .select_related("user")
        .order_by("pk")
    )
    # The cycle's theme wins the vote; two other topics were on the ballot too.
    winner = cycle.theme or names.TOPICS[0].theme
    others = [topic.theme for topic in rng.sample(names.TOPICS, 3) if topic.theme != winner]
    titles = [winner, *others[:2]]
    proposals = [
        services.theme_proposal_create(
            cycle=cycle,
            title=title,
            why=WHY[i],
            proposed_by=members[i % len(members)],
            focus_area=focus_area_of(title),
        )
        for i, title in enumerate(titles)
    ]
    dot_vote = services.dot_vote_open(cycle=cycle, opened_by=facilitator, proposals=proposals)
    for member in members:
        stickers = {proposals[0].pk: rng.randint(1, 2)}
        stickers[rng.choice(proposals[1:]).pk] = 3 - stickers[proposals[0].pk]
        services.dot_vote_place(dot_vote=dot_vote, member=member, stickers=stickers)
    services.dot_vote_close(dot_vote=dot_vote)
    services.theme_adopt(cycle=cycle, proposal=proposals[0], adopted_by=facilitator)

    for i, text in enumerate(IDEAS):
        idea = services.idea_post(network=network, author=members[-1 - i], text=text)
        services.idea_group(idea=idea, label=IDEA_GROUPS[i])
        for member in rng.sample(members, k=min(4, len(members))):
            if member != idea.author:
                services.idea_mark(idea=idea, member=member, feasible=rng.random() < 0.75)

    services.shared_goal_save(cycle=cycle, text=SHARED_GOAL, edited_by=facilitator)
    for i, text in enumerate(LEARNING_QUESTIONS):
        services.learning_question_propose(
            cycle=cycle, text=text, proposed_by=members[(2 * i + 1) % len(members)]
        )
    agreement = services.agreement_publish(
        network=network, text=AGREEMENT, published_by=facilitator
    )
    for member in members[: len(members) // 2 + 1]:
        services.agreement_acknowledge(agreement=agreement, member=member)


PARTICIPANT_IDEAS = [
    "Een warme overdracht: de pedagogisch medewerker gaat mee naar de eerste schooldag.",
    "Samen een kijkwijzer maken voor de overgang.",
    "Foto's van de eigen groep meenemen en vergelijken.",
    "Ouders vragen wat zij merken bij de overstap.",
]
PARTICIPANT_QUESTIONS = [
    "Hoe sluiten onze dagritmes beter op elkaar aan?",
    "Wat vertellen we ouders over de overstap, en wanneer?",
    "Welke spelactiviteiten kunnen we samen doen?",
]


def seed_contributions(rng: random.Random, network: Network, held: list[Meeting]) -> None:
    """What participants bring in a network that works: ideas on the wall from the start, their
    learning questions and the shared goal from Development on, worked on in the meetings."""
    cycle = network.current_cycle
    if cycle is None or not cycle.phase:
        return
    memberships = network_selectors.memberships_active(network=network).select_related("user")
    participants = [m.user for m in memberships if m.role == Membership.Role.PARTICIPANT]
    facilitator = next(m.user for m in memberships if m.role == Membership.Role.FACILITATOR)
    authors = rng.sample(participants, k=min(4, len(participants)))
    for author, text in zip(authors, rng.sample(PARTICIPANT_IDEAS, len(authors)), strict=False):
        services.idea_post(network=network, author=author, text=text)
    if Phase(cycle.phase).number < Phase.DEVELOPMENT.number:
        return
    askers = rng.sample(participants, k=min(3, len(participants)))
    questions = [
        services.learning_question_propose(cycle=cycle, text=text, proposed_by=asker)
        for asker, text in zip(askers, PARTICIPANT_QUESTIONS, strict=False)
    ]
    services.shared_goal_save(cycle=cycle, text=SHARED_GOAL, edited_by=facilitator)
    mark_worked_on(rng, held, questions)


def mark_worked_on(
    rng: random.Random, held: list[Meeting], questions: list[LearningQuestion]
) -> None:
    for meeting in held:
        if questions:
            services.learning_questions_mark_worked_on(
                meeting=meeting, questions=[rng.choice(questions)]
            )
