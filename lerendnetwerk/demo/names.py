"""Dutch names and texts for the demo data: fictional people in real Utrecht neighbourhoods.

This is demo content, not interface text, so it is Dutch and not translated.
"""

from typing import NamedTuple

# Most pedagogical staff and infant teachers are women; the lists reflect that.
FIRST_NAMES_WOMEN = [
    "Anouk", "Sanne", "Lotte", "Femke", "Marloes", "Esther", "Ilse", "Eline", "Sophie", "Nienke",
    "Judith", "Marieke", "Inge", "Linda", "Petra", "Monique", "Anja", "Karin", "Mirjam", "Wendy",
    "Yvonne", "Saskia", "Charlotte", "Floor", "Iris", "Joyce", "Kim", "Laura", "Maaike", "Noor",
    "Renske", "Roos", "Suzanne", "Tamara", "Vera", "Hanneke", "Annemiek", "Ellen", "Jolanda",
    "Margriet", "Fatima", "Khadija", "Samira", "Nadia", "Hatice", "Elif", "Zeynep", "Yasmina",
    "Naima", "Priya", "Mei", "Anna", "Emma", "Julia", "Lisa", "Eva", "Merel", "Fleur", "Daphne",
    "Astrid", "Bianca", "Chantal", "Dewi", "Ingeborg", "Jasmijn", "Loes", "Malika", "Rianne",
]  # fmt: skip
FIRST_NAMES_MEN = [
    "Jeroen", "Mark", "Bas", "Thijs", "Ruben", "Sander", "Martijn", "Niels", "Pieter", "Joost",
    "Daan", "Koen", "Mohamed", "Youssef", "Hakan", "Emre", "Rachid", "Stefan", "Wouter", "Tim",
    "Erik", "Bram", "Sem", "Arjen", "Gijs", "Hamza", "Jesse", "Vincent",
]  # fmt: skip
LAST_NAMES = [
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
    "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs",
    "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn",
    "de Jong", "van Dijk", "Verhoeven", "Schouten", "van Beek", "Willems", "van Vliet",
    "Hoekstra", "Maas", "Verbeek", "Kuipers", "Postma", "Veenstra", "van Wijk", "Koster",
    "van Rijn", "Prins", "Huisman", "Wouters", "Timmermans", "Groen", "van Dam", "Lammers",
    "Kramer", "Sanders", "van Doorn", "ten Brink", "Yilmaz", "Öztürk", "Kaya", "Demir", "Şahin",
    "El Amrani", "Bouzid", "Benali", "El Idrissi", "Aziz", "Ouali", "Boukhari", "Tahiri",
    "Ramdin", "Sewdien", "Martina", "Nguyen", "Chen", "Hoogendoorn", "van Ommen", "Rietveld",
]  # fmt: skip

# Real neighbourhoods and streets per district, keyed by the district's slug.
NEIGHBOURHOODS = {
    "binnenstad": ["Wijk C", "Breedstraatbuurt", "Hooch Boulandt"],
    "leidsche-rijn": ["Terwijde", "Parkwijk", "Langerak", "Het Zand", "Grauwaart"],
    "noordoost": ["Tuindorp", "Wittevrouwen", "Tuinwijk", "Voordorp", "Zeeheldenbuurt"],
    "noordwest": ["Zuilen", "Ondiep", "Pijlsweerd", "Elinkwijk"],
    "oost": ["Oudwijk", "Abstede", "Sterrenwijk", "Wilhelminapark", "Watervogelbuurt"],
    "overvecht": ["Overvecht-Noord", "Overvecht-Zuid", "Overvecht-Centrum", "Vechtzoom"],
    "vleuten-de-meern": ["Vleuten", "De Meern", "Vleuterweide", "Veldhuizen", "Haarzuilens"],
    "west": ["Lombok", "Oog in Al", "Nieuw Engeland", "Schepenbuurt", "Halve Maan"],
    "zuid": ["Hoograven", "Lunetten", "Tolsteeg", "Rotsoord"],
    "zuidwest": ["Kanaleneiland", "Transwijk", "Rivierenwijk", "Dichterswijk"],
}
STREETS = {
    "binnenstad": ["Oudegracht", "Nieuwegracht", "Lange Nieuwstraat", "Springweg", "Breedstraat"],
    "leidsche-rijn": ["Langerakbaan", "Vleutensebaan", "Merelstraat", "Lindelaan", "Parkzoom"],
    "noordoost": ["Biltstraat", "Kardinaal de Jongweg", "Blauwkapelseweg", "Adelaarstraat"],
    "noordwest": ["Amsterdamsestraatweg", "Julianaweg", "Ondiep", "Marnixlaan"],
    "oost": ["Burgemeester Reigerstraat", "Prins Hendriklaan", "Abstederdijk", "Koningsweg"],
    "overvecht": ["Zambesidreef", "Tigrisdreef", "Gloriantdreef", "Nijldreef", "Donaudreef"],
    "vleuten-de-meern": ["Dorpsstraat", "Meerndijk", "Zandweg", "Kastanjelaan"],
    "west": ["Kanaalstraat", "Vleutenseweg", "Cartesiusweg", "Damstraat"],
    "zuid": ["Briljantlaan", "Vondellaan", "Hooft Graaflandstraat", "Zevenwouden"],
    "zuidwest": ["Marshallaan", "Columbuslaan", "Churchilllaan", "Jutfaseweg"],
}

# Trees, birds, animals and children's-book characters: the names daycares and schools carry.
CHILDCARE_NAMES = [
    "De Boomhut", "Het Kabouterhuis", "De Egeltjes", "Ukkepuk", "De Kleine Wereld", "Dikkertje Dap",
    "Pluk", "Jip en Janneke", "Kikker", "Rupsje Nooitgenoeg", "Dribbel", "Kleine Beer",
    "De Vlindertuin", "Het Zonnetje", "Klavertje Vier", "De Wilg", "De Linde", "De Kastanje",
    "Het Vogelnest", "Het Merelnest", "De Koolmees", "De Roodborst", "De Zwaluw", "Het Eekhoorntje",
    "Het Lieveheersbeestje", "Tijgertje", "Olifantje", "Pinkeltje", "Sassefras", "Boefje",
    "Ot en Sien", "Pippeloentje", "De Speelwolk", "Het Mierennest", "De Kikkerpoel",
    "De Berenboot", "Madelief", "Vlieg er eens uit", "De Notenboom", "Het Hazenpad",
    "Kleine Kapitein", "Koekeloer", "De Dikke Deur", "Het Klimrek", "Wolkewietje", "De Uiltjes",
    "Pompelmoes", "Het Wilgenkatje", "De Berkenhof", "Zevensprong",
]  # fmt: skip
SCHOOL_NAMES = [
    "De Kameleon", "De Regenboog", "Het Kompas", "De Wegwijzer", "De Fontein", "De Klimop",
    "De Vuurvogel", "De Achtbaan", "De Twaalf Ambachten", "Het Zonnelied", "De Kleine Prins",
    "De Sterrenkijker", "De Horizon", "De Piramide", "De Bron", "Het Anker", "De Boog",
    "De Zeven Zeeën", "De Wereldboom", "De Windroos", "Het Palet", "De Vlieger", "De Brug",
    "De Ontdekking", "De Eikenhorst", "De Watertoren", "De Zonnewijzer", "Het Spectrum",
    "De Schakel", "De Tuinen", "Het Mozaïek", "De Lanteerne", "Het Tuinhuis", "De Pijler",
    "De Zwaluwen", "De Springplank", "Het Carillon", "De Boomgaard", "De Koppeling", "Het Baken",
]  # fmt: skip
ORGANISATION_PREFIXES = {
    "daycare": ["Kinderdagverblijf"],
    "preschool": ["Peutercentrum"],
    "primary_school": ["Basisschool", "Basisschool", "OBS", "CBS"],
    "other": ["Jeugdgezondheidszorg", "Consultatiebureau", "Buurtteam Jeugd en Gezin"],
}
ORGANISATION_STEMS = {
    "daycare": CHILDCARE_NAMES,
    "preschool": CHILDCARE_NAMES,
    "primary_school": SCHOOL_NAMES,
    "other": [],  # named after their neighbourhood
}

JOB_TITLES = {
    "daycare": ["Pedagogisch medewerker"] * 5 + ["Pedagogisch coach", "Locatieleider"],
    "preschool": ["Pedagogisch medewerker"] * 3
    + ["Pedagogisch medewerker VE", "VE-coördinator", "Pedagogisch beleidsmedewerker"],
    "primary_school": ["Leerkracht groep 1-2"] * 4
    + ["Intern begeleider", "Bouwcoördinator onderbouw", "Taalcoördinator"],
    "other": ["Jeugdverpleegkundige", "Jeugdarts", "Medewerker buurtteam"],
}
MANAGER_TITLES = {
    "daycare": ["Clustermanager kinderopvang", "Regiomanager kinderopvang"],
    "preschool": ["Clustermanager peuteropvang", "Locatiemanager"],
    "primary_school": ["Directeur", "Meerscholendirecteur"],
    "other": ["Teamleider"],
}


# The five demo logins, keyed by the e-mail's local part: (name, job title, role in Dutch).
DEMO_PEOPLE = {
    "coordinator": (
        "Ingrid Verhoeven",
        "Coördinator lerende netwerken, gemeente Utrecht",
        "coördinator",
    ),
    "kartrekker": ("Samira El Amrani", "Intern begeleider", "kartrekker"),
    "deelnemer": ("Lotte van Dijk", "Pedagogisch medewerker VE", "deelnemer"),
    "manager": ("Mark de Graaf", "Clustermanager kinderopvang", "manager"),
    "expert": ("Hanneke Vermeulen", "Docent-onderzoeker", "expert"),
}
DEMO_EXPERTISE = (
    "Taalontwikkeling jonge kind en interactief voorlezen. Begeleidt teams bij een doorgaande "
    "lijn taal van peutergroep naar groep 1-2."
)


class Institute(NamedTuple):
    name: str
    district_slug: str
    address: str


INSTITUTES = [
    Institute("Marnix Academie", "noordoost", "Vogelsanglaan 1"),
    Institute("Hogeschool Utrecht", "oost", "Padualaan 97"),
    Institute("Nederlands Jeugdinstituut", "binnenstad", "Catharijnesingel 47"),
    Institute("Universiteit Utrecht", "oost", "Heidelberglaan 1"),
]
EXPERTISE = [
    "Taalontwikkeling jonge kind en interactief voorlezen",
    "Ouderbetrokkenheid en educatief partnerschap met ouders",
    "Spelend leren en spelbegeleiding in peutergroep en kleutergroep",
    "Executieve functies bij jonge kinderen",
    "Meertalige ontwikkeling en tweede-taalverwerving",
    "Observeren en volgen van de ontwikkeling van kinderen van 0 tot 6 jaar",
    "Sociaal-emotionele ontwikkeling en pedagogisch klimaat",
    "Ontluikende gecijferdheid bij peuters en kleuters",
]
EXPERT_OFFER = "Ondersteunt lerende netwerken in de voor- en vroegschoolse educatie."
EXPERT_TITLES = ["Docent-onderzoeker", "Trainer en adviseur", "Onderzoeker", "Opleidingsdocent"]


class Topic(NamedTuple):
    """What a network works on: a word for its name, a theme for its cycle, a description, and
    the UKK focus area it belongs to ("" for a theme of the network's own)."""

    short: str
    theme: str
    description: str
    focus_area: str = ""


TOPICS = [
    Topic(
        "Taal",
        "Woordenschat en voorlezen",
        "Pedagogisch medewerkers en leerkrachten delen hoe zij voorlezen en nieuwe woorden "
        "aanbieden, zodat kinderen met een rijke woordenschat aan groep 1 beginnen.",
        "Taalontwikkeling en woordenschat",
    ),
    Topic(
        "Ouders",
        "Ouderbetrokkenheid bij de overgang naar groep 1",
        "We zoeken samen naar manieren om ouders al op de peutergroep te betrekken bij de stap "
        "naar de basisschool.",
        "Ouderbetrokkenheid bij de overgang",
    ),
    Topic(
        "Spel",
        "Spelend leren",
        "Hoe begeleid je spel zo dat kinderen er het meest van leren? We kijken bij elkaar in de "
        "groep en proberen nieuwe spelhoeken uit.",
        "Spel en ontwikkeling",
    ),
    Topic(
        "Overdracht",
        "Warme overdracht",
        "Peuteropvang en basisschool maken samen afspraken over een overdracht waarin ouders, "
        "pedagogisch medewerker en leerkracht met elkaar om tafel zitten.",
        "Warme overdracht kinderopvang–school",
    ),
    Topic(
        "Executieve functies",
        "Executieve functies",
        "We verdiepen ons in plannen, impulsbeheersing en werkgeheugen van jonge kinderen en "
        "vertalen dat naar de dagelijkse praktijk in de groep.",
    ),
    Topic(
        "Rekenen",
        "Ontluikende gecijferdheid",
        "Tellen, meten en vergelijken zitten overal in het spel; we maken samen een doorgaande "
        "lijn rekenen van peutergroep tot groep 2.",
        "Afstemming van aanbod en thema's",
    ),
    Topic(
        "Meertaligheid",
        "Meertaligheid als kracht",
        "Veel kinderen in de wijk groeien meertalig op. We leren hoe we hun thuistaal benutten "
        "bij het leren van het Nederlands.",
        "Taalontwikkeling en woordenschat",
    ),
    Topic(
        "Welbevinden",
        "Sociaal-emotionele ontwikkeling en welbevinden",
        "We werken aan een veilig pedagogisch klimaat dat doorloopt van kinderdagverblijf tot "
        "kleutergroep.",
        "Sociaal-emotionele ontwikkeling",
    ),
    Topic(
        "Observeren",
        "Samen observeren en volgen",
        "We stemmen af hoe we de ontwikkeling van kinderen observeren, zodat de basisschool "
        "verder kan bouwen op wat de peuteropvang al weet.",
        "Samen volgen en signaleren",
    ),
]
DESCRIPTION_TAIL = (
    "Deelnemers komen van kinderdagverblijven, peutercentra en basisscholen uit {place} "
    "en omgeving."
)

PREREQUISITE_EVIDENCE = {
    "participant_motivation": "In de startbijeenkomst vertelden alle deelnemers wat zij willen "
    "leren; de motivatie is per organisatie besproken in het teamoverleg.",
    "management_commitment": "De leidinggevenden van {organisations} steunen het netwerk en "
    "schuiven twee keer per jaar aan bij de klankbordgroep.",
    "time": "Elke deelnemer krijgt {hours} uur per maand voor de bijeenkomsten en de "
    "voorbereiding; dit staat in de jaarplanning van de organisaties.",
    "budget_and_expert": "Budget uit de VVE-middelen van de gemeente. {expert} verzorgt twee "
    "inhoudelijke bijeenkomsten en is tussendoor aanspreekbaar.",
}
COMMITMENT_NOTES = [
    "Geeft medewerkers tijd voor de bijeenkomsten en zit in de klankbordgroep.",
    "Zorgt voor vervanging op de groep tijdens de bijeenkomsten.",
    "Stelt budget beschikbaar voor de inzet van een expert.",
    "Bespreekt de opbrengsten van het netwerk in het directieoverleg.",
]
STEP_BACK_REASON = (
    "De groep wil eerst de gezamenlijke leervraag scherper maken voordat we verder verdiepen."
)
