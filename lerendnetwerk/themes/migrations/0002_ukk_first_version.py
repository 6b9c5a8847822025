"""The first version of the Utrecht quality framework (UKK) on the platform.

The chapters the Handreiking refers to (its aim cites chapters 1, 3 and 4; its first tip says to
read chapter 2 first), with focus areas in the platform's own words. Coordinators keep it current
in the admin site; a renewed framework becomes a new version next to this one.
"""

from django.db import migrations

VERSION = "UKK, versie 1"
DESCRIPTION = (
    "De hoofdstukken van het Utrechts Kwaliteitskader waar de Handreiking naar verwijst, met "
    "speerpunten in eigen woorden. Vul in het beheer het jaar van de editie aan."
)
CHAPTERS = [
    (
        1,
        "De pedagogische en educatieve praktijk van het jonge kind",
        [
            (
                "Taalontwikkeling en woordenschat",
                "Kinderen rijke taal aanbieden en hun woordenschat gericht uitbreiden, in spel, gesprek en voorlezen.",
            ),
            (
                "Spel en ontwikkeling",
                "Spel als motor van ontwikkeling: meespelen, het spel verrijken en kinderen de ruimte geven.",
            ),
            (
                "Observeren en volgen",
                "Zien wat een kind kan en nodig heeft, dat vastleggen en het aanbod erop afstemmen.",
            ),
            (
                "Interactievaardigheden",
                "Sensitief reageren, de eigenheid van kinderen respecteren, structuur bieden, praten en uitleggen.",
            ),
            (
                "Sociaal-emotionele ontwikkeling",
                "Kinderen helpen zich veilig te voelen, samen te spelen en hun gevoelens te verwoorden.",
            ),
        ],
    ),
    (
        2,
        "Lerende professionals en een cultuur van leren",
        [
            (
                "Een onderzoekende houding",
                "Nieuwsgierig zijn naar de eigen praktijk: vragen stellen, uitproberen en terugkijken.",
            ),
            (
                "Van en met elkaar leren",
                "Kennis en ervaring delen tussen kinderopvang, peutercentrum en school: geven en nemen.",
            ),
            (
                "Reflecteren op het eigen handelen",
                "Het eigen werk bespreekbaar maken met collega's en feedback vragen en geven.",
            ),
        ],
    ),
    (
        3,
        "Samenwerking met ouders",
        [
            (
                "Ouderbetrokkenheid bij de overgang",
                "Ouders meenemen in de stap van kinderopvang of peutercentrum naar de basisschool.",
            ),
            (
                "Gesprekken met ouders",
                "Open en gelijkwaardige gesprekken, ook met ouders die minder makkelijk te bereiken zijn.",
            ),
            (
                "Thuis verder leren",
                "Ouders ideeën meegeven om thuis met taal, spel en voorlezen verder te gaan.",
            ),
        ],
    ),
    (
        4,
        "De doorgaande lijn",
        [
            (
                "Warme overdracht kinderopvang–school",
                "Een persoonlijke overdracht van kinderdagverblijf of peutercentrum naar de basisschool, met de ouders erbij.",
            ),
            (
                "Afstemming van aanbod en thema's",
                "Samen thema's en werkwijzen afstemmen, zodat kinderen bij de overstap herkennen wat ze kennen.",
            ),
            (
                "Bij elkaar op bezoek",
                "Elkaars praktijk leren kennen door te kijken en mee te doen op de groep of in de klas.",
            ),
            (
                "Samen volgen en signaleren",
                "Dezelfde taal spreken over ontwikkeling en zorgen over een kind tijdig samen oppakken.",
            ),
        ],
    ),
]


def load(apps, schema_editor):
    QualityFramework = apps.get_model("themes", "QualityFramework")
    Chapter = apps.get_model("themes", "Chapter")
    FocusArea = apps.get_model("themes", "FocusArea")
    framework, _ = QualityFramework.objects.get_or_create(
        version=VERSION, defaults={"description": DESCRIPTION, "is_active": True}
    )
    for number, title, focus_areas in CHAPTERS:
        chapter, _ = Chapter.objects.get_or_create(
            framework=framework, number=number, defaults={"title": title}
        )
        for order, (area_title, description) in enumerate(focus_areas, start=1):
            FocusArea.objects.get_or_create(
                chapter=chapter,
                title=area_title,
                defaults={"description": description, "order": order},
            )


def unload(apps, schema_editor):
    apps.get_model("themes", "QualityFramework").objects.filter(version=VERSION).delete()


class Migration(migrations.Migration):
    dependencies = [("themes", "0001_choosing_a_theme_together")]
    operations = [migrations.RunPython(load, unload)]
