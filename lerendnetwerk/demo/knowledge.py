"""The knowledge exchange in the demo: knowledge offers of organisations in several districts
(the demo manager's organisation has a published one and a draft), expert profiles (the demo
expert's among them, public) and, in the kartrekker's network, one request waiting for the demo
expert and one she accepted. Offers and profiles go through the services (they send nothing);
the requests are written directly, so that no e-mail is queued, and the accepted one names the
expert on its agenda item through the meetings service.

`scale_knowledge` adds offers and experts to the national-scale data, so the query budgets of
the public lists are measured on lists that grow."""

import random
from datetime import timedelta

from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.demo import names
from lerendnetwerk.knowledge import services
from lerendnetwerk.knowledge.models import ExpertProfile, ExpertRequest, KnowledgeOffer
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import AgendaItem, Meeting
from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import Organisation, Region
from lerendnetwerk.themes import selectors as themes_selectors
from lerendnetwerk.themes.models import FocusArea

# (title, what we can share, focus areas by title, the contact person's role)
OFFERS = [
    (
        "Interactief voorlezen met peuters",
        "Onze pedagogisch medewerkers lezen voor in kleine groepjes en stellen open vragen. "
        "Kom een ochtend meekijken en bespreek daarna met ons hoe je het in je eigen groep doet.",
        ["Taalontwikkeling en woordenschat", "Interactievaardigheden"],
        "Pedagogisch coach",
    ),
    (
        "Warme overdracht naar groep 1",
        "Wij werken met één overdrachtsformulier en een gesprek met ouders, pedagogisch "
        "medewerker en leerkracht. We delen het formulier en onze ervaringen van twee jaar.",
        ["Warme overdracht kinderopvang–school", "Ouderbetrokkenheid bij de overgang"],
        "Intern begeleider",
    ),
    (
        "Spelbegeleiding in de hoeken",
        "Hoe begeleid je spel zonder het over te nemen? Onze leerkrachten groep 1-2 volgden de "
        "training spelbegeleiding en laten in de klas zien wat zij ermee doen.",
        ["Spel en ontwikkeling"],
        "Bouwcoördinator onderbouw",
    ),
    (
        "Observeren met de kijkwijzer",
        "We observeren elke peuter twee keer per jaar met dezelfde kijkwijzer als de school. "
        "We leggen graag uit hoe we dat organiseren en hoe we de uitkomsten bespreken.",
        ["Observeren en volgen", "Samen volgen en signaleren"],
        "Pedagogisch medewerker VE",
    ),
    (
        "Ouders in de klas: de koffieochtend",
        "Elke maand een koffieochtend waar ouders een activiteit meedoen en thuis verder kunnen. "
        "Wij delen de opzet, de uitnodigingen in vijf talen en wat het opleverde.",
        ["Thuis verder leren", "Gesprekken met ouders"],
        "Ouder- en kindadviseur",
    ),
    (
        "Collegiale consultatie tussen opvang en school",
        "Pedagogisch medewerkers en leerkrachten bezoeken elkaar met een kijkvraag. We delen "
        "de kijkvragen en hoe we de nabespreking houden.",
        ["Bij elkaar op bezoek", "Van en met elkaar leren"],
        "Locatiemanager",
    ),
    (
        "Een veilig groepsklimaat",
        "Met vaste rituelen en een rustige inrichting werken we aan een veilig klimaat voor "
        "peuters die net binnenkomen. Kom kijken en neem onze dagplanning mee.",
        ["Sociaal-emotionele ontwikkeling"],
        "Pedagogisch coach",
    ),
]
DRAFT = (
    "Thema's afstemmen met de school",
    "We zetten op een rij hoe we onze thema's afstemmen op die van groep 1-2; nog niet klaar.",
    ["Afstemming van aanbod en thema's"],
    "Clustermanager kinderopvang",
)
EXPERT_FOCUS = {
    "expert@example.org": ["Taalontwikkeling en woordenschat", "Interactievaardigheden"],
}
# For the other experts, in the order of names.EXPERTISE[1:].
FOCUS_BY_EXPERTISE = [
    ["Ouderbetrokkenheid bij de overgang", "Gesprekken met ouders"],
    ["Spel en ontwikkeling"],
    ["Reflecteren op het eigen handelen"],
]
AVAILABILITY = "Dinsdag- en donderdagmiddag, niet in de schoolvakanties."
HOW_TO_ASK = (
    "Vraag me via het platform, liefst vier weken vooraf, en vertel welke leervraag de groep "
    "heeft. Ik help de deelnemers er zelf mee aan de slag te gaan."
)


def _areas(region: Region, titles: list[str]) -> list[FocusArea]:
    """The focus areas with these titles in the framework the region's networks choose from
    (Utrecht keeps its own copy of the UKK)."""
    return [
        area
        for chapter in themes_selectors.active_chapters(region_id=region.pk)
        for area in chapter.focus_areas.all()
        if area.title in titles
    ]


def _contact(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(names.FIRST_NAMES_WOMEN), rng.choice(names.LAST_NAMES)
    local = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
    return f"{first} {last}", f"{local}@example.org"


def seed_knowledge(
    rng: random.Random,
    *,
    region: Region,
    organisations: dict[int, list[Organisation]],
    experts: list[User],
    demo_expert: User,
    manager: User,
    kartrekker: User,
    network: Network,
) -> None:
    _offers(rng, organisations, manager)
    _profiles(region, experts, demo_expert)
    _requests(network, demo_expert, kartrekker)


SCHOOL, CHILDCARE = ("primary_school",), ("daycare", "preschool")
# Which kind of organisation offers each of OFFERS after the first (the demo manager's own).
OFFER_KINDS = [SCHOOL, SCHOOL, CHILDCARE, SCHOOL, CHILDCARE, CHILDCARE]


def _offers(
    rng: random.Random, organisations: dict[int, list[Organisation]], manager: User
) -> None:
    assert manager.organisation is not None
    own = manager.organisation
    districts = rng.sample([d for d in organisations if d != own.district_id], len(OFFER_KINDS))
    places = [own] + [
        rng.choice([o for o in organisations[district] if o.kind in kinds])
        for district, kinds in zip(districts, OFFER_KINDS, strict=True)
    ]
    for (title, description, areas, role), organisation in zip(OFFERS, places, strict=True):
        _offer(rng, organisation, manager, title, description, areas, role, "published")
    _offer(rng, own, manager, *DRAFT, "draft")


def _offer(
    rng: random.Random,
    organisation: Organisation,
    manager: User,
    title: str,
    description: str,
    areas: list[str],
    role: str,
    status: str,
) -> None:
    name, email = _contact(rng)
    services.offer_create(
        organisation=organisation,
        created_by=manager,
        title=title,
        description=description,
        focus_areas=_areas(organisation.district.region, areas),
        contact_name=name,
        contact_role=role,
        contact_email=email,
        # One contact person agreed to show the address; the others are reached by the form.
        show_contact_email=title == OFFERS[1][0],
        status=status,
    )


def _profiles(region: Region, experts: list[User], demo_expert: User) -> None:
    others = [e for e in experts if e != demo_expert][: len(FOCUS_BY_EXPERTISE)]
    services.expert_profile_save(
        user=demo_expert,
        expertise=demo_expert.expertise,
        institute="",
        focus_areas=_areas(region, EXPERT_FOCUS[demo_expert.email]),
        regions=[region],
        availability=AVAILABILITY,
        how_to_ask=HOW_TO_ASK,
        is_public=True,
    )
    for i, (expert, areas) in enumerate(zip(others, FOCUS_BY_EXPERTISE, strict=False)):
        services.expert_profile_save(
            user=expert,
            expertise=expert.expertise,
            institute="",
            focus_areas=_areas(region, areas),
            regions=[region],
            availability=AVAILABILITY if i % 2 else "",
            how_to_ask=HOW_TO_ASK,
            # One of them is found by facilitators only.
            is_public=i != len(FOCUS_BY_EXPERTISE) - 1,
        )


def _requests(network: Network, expert: User, kartrekker: User) -> None:
    upcoming = list(
        Meeting.objects.filter(network=network, starts_at__gt=timezone.now()).order_by("starts_at")
    )
    if not upcoming:
        return
    first, last = upcoming[0], upcoming[-1]
    asked = _item(first, "Input: interactief voorlezen, wat werkt?", 30)
    accepted = _item(last, "Voorleesgesprek oefenen met feedback", 45)
    now = timezone.now()
    ExpertRequest.objects.create(
        agenda_item=asked,
        expert=expert,
        requested_by=kartrekker,
        message=(
            "We willen leren hoe we open vragen stellen tijdens het voorlezen. Wil je een korte "
            "inleiding geven en ons daarna laten oefenen?"
        ),
        created_at=now - timedelta(days=2),
    )
    meeting_services.agenda_item_set_expert(item=accepted, expert=expert)
    ExpertRequest.objects.create(
        agenda_item=accepted,
        expert=expert,
        requested_by=kartrekker,
        message="Wil je meekijken terwijl we in tweetallen oefenen, en feedback geven?",
        status=ExpertRequest.Status.ACCEPTED,
        answer_note="Graag. Ik neem twee prentenboeken mee om mee te oefenen.",
        created_at=now - timedelta(days=9),
        answered_at=now - timedelta(days=7),
    )


def _item(meeting: Meeting, title: str, minutes: int) -> AgendaItem:
    last = meeting.agenda_items.order_by("-order").values_list("order", flat=True).first() or 0
    return AgendaItem.objects.create(
        meeting=meeting,
        order=last + 1,
        title=title,
        duration_minutes=minutes,
        lead=AgendaItem.Lead.FACILITATOR,
    )


# National-scale data


def scale_knowledge(
    rng: random.Random, organisations: list[Organisation], people: list[User]
) -> None:
    """A published offer for every third organisation and an expert for every 25th person,
    each with two focus areas; experts public in their organisation's region."""
    # The generated regions have no framework of their own: they choose from the shared one.
    areas = list(
        FocusArea.objects.filter(
            chapter__framework__region__isnull=True, is_retired=False
        ).values_list("pk", flat=True)
    )
    offers = KnowledgeOffer.objects.bulk_create(
        KnowledgeOffer(
            organisation=organisation,
            title=f"Kennisaanbod {i}",
            description="Wat wij delen met collega-organisaties in de wijk.",
            contact_name=f"Contactpersoon {i}",
            contact_email=f"contact{i}@schaal.example",
            status=KnowledgeOffer.Status.PUBLISHED,
        )
        for i, organisation in enumerate(organisations[::3])
    )
    Through = KnowledgeOffer.focus_areas.through
    Through.objects.bulk_create(
        Through(knowledgeoffer_id=offer.pk, focusarea_id=area)
        for offer in offers
        for area in rng.sample(areas, 2)
    )
    experts = people[::25]
    User.objects.filter(pk__in=[u.pk for u in experts]).update(
        is_expert=True, expertise="Taalontwikkeling jonge kind"
    )
    profiles = ExpertProfile.objects.bulk_create(
        ExpertProfile(user=expert, is_public=True) for expert in experts
    )
    by_pk = {o.pk: o for o in organisations}
    ExpertProfile.regions.through.objects.bulk_create(
        ExpertProfile.regions.through(
            expertprofile_id=profile.pk,
            region_id=by_pk[expert.organisation_id].district.region_id,  # type: ignore[index]
        )
        for profile, expert in zip(profiles, experts, strict=True)
    )
    ExpertProfile.focus_areas.through.objects.bulk_create(
        ExpertProfile.focus_areas.through(expertprofile_id=profile.pk, focusarea_id=area)
        for profile in profiles
        for area in rng.sample(areas, 2)
    )
