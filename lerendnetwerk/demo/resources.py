"""Utrecht's library of films and resources in the demo: published public material on the
doorgaande lijn (the continuous line from preschool to school), early childhood education and
professional learning communities, tagged with phases, the Handbook's work forms and the UKK's
focus areas, with at least one film for every phase; and two suggestions of the demo kartrekker,
one waiting for the coordinator and one turned down with a note.

Every resource is a link to where its maker published it; the descriptions are the platform's
own words, the source names the maker. Everything goes through the services; the suggestions are
added as not yet published (as the service for suggesting would e-mail the coordinators, and the
demo sends no e-mail).

`scale_resources` adds a library to the national-scale data, so that the query budgets of its
public list are measured on a list that grows.
"""

import random
from dataclasses import dataclass, field

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import District, Region
from lerendnetwerk.resources import services
from lerendnetwerk.resources.models import Resource, ResourcePhase
from lerendnetwerk.resources.services import ResourceData
from lerendnetwerk.themes import selectors as themes_selectors
from lerendnetwerk.themes.models import FocusArea


@dataclass(frozen=True)
class Item:
    kind: str
    title: str
    url: str
    source: str
    description: str
    phases: list[str]
    entries: list[str] = field(default_factory=list)  # catalogue slugs
    areas: list[str] = field(default_factory=list)  # focus area titles
    minutes: int | None = None
    extent: str = ""
    licence: str = ""


LINKED = "Gelinkt naar de website van de maker; alle rechten bij de maker."

LIBRARY = [
    Item(
        kind="film",
        title="Kennisclip: Doorgaande lijn",
        url="https://goab.eu/kennisbank/kennisclip-doorgaande-lijn/",
        source="GOAB-ondersteuningsprogramma (Oberon, Sardes en CED-Groep), kennisbank goab.eu",
        description=(
            "Een korte uitlegfilm over de overstap van voorschool naar basisschool: waarom een "
            "goede aansluiting kinderen een betere start geeft, welke afspraken gemeente, "
            "opvang en school maken, hoe kindgegevens worden overgedragen en welke aanpakken "
            "elders werkten. Goed om in de eerste bijeenkomst samen te bekijken en te bespreken "
            "wat dit voor de eigen wijk betekent."
        ),
        phases=["exploration", "development"],
        entries=["filmpjes-nuvoorlaterutrecht-tonen", "speerpunten-ukk-bestuderen"],
        areas=["Warme overdracht kinderopvang–school", "Afstemming van aanbod en thema's"],
        licence=LINKED,
    ),
    Item(
        kind="film",
        title="Lerende scholen: Samen Beter Leren",
        url="https://delichtjagers.nl/nl/onderwijs/lerende-scholen-samen-beter-leren",
        source="De Lichtjagers, korte documentaire in opdracht van Stichting Florente",
        description=(
            "Een documentaire, gefilmd in drie groepen van drie basisscholen, over leerkrachten "
            "die samen leren: leerdoelen zichtbaar maken, vakmanschap en een veranderende rol. "
            "Laat zien hoe leren in een team eruitziet als het gewoon is geworden, en helpt bij "
            "de vraag hoe een netwerk zijn opbrengst borgt in de eigen organisaties."
        ),
        phases=["deepening", "embedding", "anchoring"],
        entries=["ga-bij-elkaar-op-bezoek", "kritische-reflectie"],
        areas=["Van en met elkaar leren", "Reflecteren op het eigen handelen"],
        licence=LINKED,
    ),
    Item(
        kind="website",
        title="Doorgaande lijnen voor voor- en vroegschoolse educatie",
        url=(
            "https://www.nji.nl/voor-en-vroegschoolse-educatie-vve/"
            "doorgaande-lijnen-voor-voor-en-vroegschoolse-educatie"
        ),
        source="Nederlands Jeugdinstituut (NJi)",
        description=(
            "Een overzicht van wat bij een doorgaande lijn hoort: coördinatie tussen voor- en "
            "vroegschool, doorstroom, warme overdracht, afstemming van aanbod, pedagogisch "
            "handelen, ouderbeleid en zorg. Bruikbaar als kapstok bij het kiezen van een thema."
        ),
        phases=["exploration"],
        entries=["speerpunten-ukk-bestuderen"],
        areas=["Warme overdracht kinderopvang–school", "Ouderbetrokkenheid bij de overgang"],
    ),
    Item(
        kind="method",
        title="Checklist Doorgaande lijn",
        url=(
            "https://www.nji.nl/voor-en-vroegschoolse-educatie-vve/"
            "doorgaande-lijnen-voor-voor-en-vroegschoolse-educatie"
        ),
        source=(
            "Sardes, in opdracht van de gemeente Haarlem; te vinden via de pagina van het NJi "
            "(bijlage bij het verslag van een themabijeenkomst)"
        ),
        description=(
            "Een lijst om samen na te lopen hoe de doorgaande lijn tussen een voorschool en een "
            "school er nu voor staat. Handig om in de verkenning het gesprek te openen en later "
            "te zien wat het netwerk heeft veranderd."
        ),
        phases=["exploration", "embedding"],
        entries=["ideeenmuur"],
        areas=["Afstemming van aanbod en thema's"],
    ),
    Item(
        kind="article",
        title="Doorgaande lijn: van peuteropvang naar kleuteronderwijs",
        url="https://expertisecentrumkinderopvang.nl/onderwerpen/doorgaande-lijn",
        source="Expertisecentrum Kinderopvang",
        description=(
            "Wat een drempelloze overgang is, waarom die ertoe doet en voor welke kinderen de "
            "overstap naar school moeilijker is. Onderscheidt de doorgaande lijn in brede zin "
            "(pedagogiek, doelen, aanbod) van de overgang zelf (de start en het wennen)."
        ),
        phases=["exploration", "development"],
        entries=["gewichten-plakken-aan-de-themas"],
        areas=["Warme overdracht kinderopvang–school", "Sociaal-emotionele ontwikkeling"],
    ),
    Item(
        kind="article",
        title="Samen werken, samen leren: professionele leergemeenschappen",
        url=(
            "https://www.drs-magazine.nl/artikelen/"
            "samen-werken-samen-leren-professionele-leergemeenschappen"
        ),
        source="Erik Jan Vinke, DRS Magazine",
        description=(
            "Over wat een professionele leergemeenschap onderscheidt van af en toe overleggen: "
            "gedeelde verantwoordelijkheid, gedeeld leiderschap en het gewoon vinden om lessen "
            "met elkaar te bespreken. Een goede inleiding voor een netwerk dat zijn "
            "samenwerkingsafspraken maakt."
        ),
        phases=["development", "deepening"],
        entries=["maak-een-contract", "onderzoekende-en-kritische-vragen-stellen"],
        areas=["Van en met elkaar leren"],
        extent="Artikel, circa 5 pagina's",
    ),
    Item(
        kind="article",
        title="Jongekindprofessionals samen opleiden",
        url="https://lejk.nl/verslag-onderzoekslijn-jongekindprofessionals-samen-opleiden",
        source=(
            "Ineke Oenema-Mostert (NHL Stenden), Landelijk Expertisecentrum Jonge Kind, "
            "januari 2024"
        ),
        description=(
            "Verslag van een onderzoekslijn naar de vraag hoe werken als professionele "
            "leergemeenschap pedagogisch professionals en leerkrachten op de werkvloer met "
            "elkaar verbindt, met de doorgaande lijn voor kinderen van 2 tot 8 als inhoud."
        ),
        phases=["deepening", "anchoring"],
        entries=["werkvormen-kenniscreatie"],
        areas=["Van en met elkaar leren", "Bij elkaar op bezoek"],
    ),
    Item(
        kind="article",
        title="De peuter-kleutergroep: peuters, kleuters, leerkrachten en pedagogisch "
        "medewerkers in beeld",
        url=(
            "https://www.researchgate.net/publication/370608232_De_peuter-kleuter-groep_"
            "Peuters_kleuters_leerkrachten_en_pedagogisch_medewerkers_in_beeld"
        ),
        source="Ruben Fukkink, Pauline Slot, Merel Breedeveld en Loes Leistra, mei 2023",
        description=(
            "Een observatiestudie in groepen waar peuters en kleuters samen zijn, met een "
            "leerkracht en een pedagogisch medewerker. Beschrijft de kwaliteit van de interacties "
            "en hoe de professionals samenwerken: stof voor een netwerk dat verder wil dan "
            "afstemmen."
        ),
        phases=["deepening"],
        entries=["worldcafe"],
        areas=["Interactievaardigheden", "Spel en ontwikkeling"],
    ),
    Item(
        kind="method",
        title="Kijk je rijk: interactievaardigheden oefenen met videofeedback",
        url="https://www.kanskwadraat.nl/nieuws/kijk-je-digitaal-rijk/",
        source="Kans Kwadraat, ontwikkeld met het NCKO",
        description=(
            "Een training waarin een pedagogisch coach een medewerker op de groep filmt en de "
            "beelden samen bespreekt, gericht op de zes interactievaardigheden. Het idee van "
            "samen naar beelden kijken past ook in een netwerkbijeenkomst."
        ),
        phases=["deepening", "embedding"],
        entries=["ga-bij-elkaar-op-bezoek"],
        areas=["Interactievaardigheden", "Reflecteren op het eigen handelen"],
    ),
    Item(
        kind="website",
        title="Doorgaande lijn in de voor- en vroegschoolse educatie",
        url="https://goab.eu/C66-Doorgaande-lijn.html",
        source="GOAB-ondersteuningsprogramma, goab.eu",
        description=(
            "Wat gemeente, houders en schoolbesturen ten minste afspreken over de doorgaande lijn "
            "en hoe die afspraken jaarlijks terugkomen. Helpt bij het borgen: wat het netwerk "
            "leerde, vastleggen waar het beleid wordt gemaakt."
        ),
        phases=["anchoring"],
        areas=["Afstemming van aanbod en thema's"],
    ),
]

# The demo kartrekker's suggestions: one waiting, one turned down.
WAITING = Item(
    kind="website",
    title="Doorgaande lijn: praktijkvoorbeelden van opvang en onderwijs",
    url="https://www.poraad.nl/trefwoorden/doorgaande-lijn",
    source="PO-Raad",
    description=(
        "Voorbeelden van scholen en kinderopvang die samen optrekken, met een format voor een "
        "samenwerkingsovereenkomst. Misschien iets voor netwerken die afspraken willen vastleggen."
    ),
    phases=["anchoring"],
)
TURNED_DOWN = Item(
    kind="website",
    title="Een doorgaande ontwikkelingslijn 0 - 6 jaar",
    url=(
        "https://www.opgroeien.be/kennis/themas/thuis-buurt-opvang-en-kleuterschool-verbinden-"
        "en-integreren/een-doorgaande-ontwikkelingslijn-0-6-jaar"
    ),
    source="Opgroeien (Vlaanderen)",
    description="De Vlaamse kijk op een doorgaande lijn van thuis, opvang en kleuterschool.",
    phases=["exploration"],
)
TURNED_DOWN_NOTE = (
    "Mooi stuk, maar het gaat over de Vlaamse situatie. We nemen liever Nederlandse bronnen op; "
    "het NJi-overzicht staat er al in."
)


def _data(item: Item, region: Region) -> ResourceData:
    entries = list(Entry.objects.filter(slug__in=item.entries, region__isnull=True))
    areas: list[FocusArea] = [
        area
        for chapter in themes_selectors.active_chapters(region_id=region.pk)
        for area in chapter.focus_areas.all()
        if area.title in item.areas
    ]
    return ResourceData(
        kind=item.kind,
        title=item.title,
        description=item.description,
        minutes=item.minutes,
        extent=item.extent,
        source=item.source,
        licence=item.licence,
        url=item.url,
        phases=item.phases,
        entries=entries,
        focus_areas=areas,
    )


def seed_resources(*, region: Region, coordinator: User, kartrekker: User) -> None:
    for item in LIBRARY:
        services.resource_create(
            region=region, added_by=coordinator, data=_data(item, region), publish=True
        )
    services.resource_create(
        region=region, added_by=kartrekker, data=_data(WAITING, region), publish=False
    )
    turned_down = services.resource_create(
        region=region, added_by=kartrekker, data=_data(TURNED_DOWN, region), publish=False
    )
    services.resource_reject(resource=turned_down, reviewed_by=coordinator, note=TURNED_DOWN_NOTE)


# National-scale data


def scale_resources(rng: random.Random, networks: list[Network]) -> None:
    """Two published resources per network in its region (a film and an article), each with two
    phases and a focus area: a library that grows with the data, for the query budgets."""
    areas = list(
        FocusArea.objects.filter(
            chapter__framework__region__isnull=True, is_retired=False
        ).values_list("pk", flat=True)
    )
    region_of = dict(
        District.objects.filter(pk__in={n.district_id for n in networks}).values_list(
            "pk", "region_id"
        )
    )
    resources = Resource.objects.bulk_create(
        Resource(
            region_id=region_of[network.district_id],
            kind=kind,
            title=f"{label} {i}",
            description="Een bron over de doorgaande lijn.",
            source="Schaaldata",
            url=f"https://bron.example/{i}/{kind}",
            status=Resource.Status.PUBLISHED,
        )
        for i, network in enumerate(networks)
        for kind, label in (("film", "Film"), ("article", "Artikel"))
    )
    ResourcePhase.objects.bulk_create(
        ResourcePhase(resource=resource, phase=phase)
        for resource in resources
        for phase in rng.sample(Phase.values, 2)
    )
    Resource.focus_areas.through.objects.bulk_create(
        Resource.focus_areas.through(resource_id=resource.pk, focusarea_id=rng.choice(areas))
        for resource in resources
    )
