"""The default Netwerkbarometer (version 1, for every region without its own).

Written in the platform's own words around the Handreiking's central questions (Toolkit
Netwerkleren, instrumentenkaart Oranje): how do we function as a network, do we discuss the
right subjects, are they relevant for our daily work. The texts are content, not interface
strings: coordinators change them per region in a new version, keeping the keys.
"""

from django.db import migrations

INTRODUCTION = (
    "Hoe staat ons Lerend Netwerk ervoor? Geef bij elke stelling aan in hoeverre je het ermee "
    "eens bent. Er zijn geen goede of foute antwoorden: het gaat om jouw ervaring. Samen "
    "bespreken we de uitkomsten in een volgende bijeenkomst."
)

# (key, dimension, text); the order here is the order in the questionnaire.
STATEMENTS = [
    (
        "onderwerp_juiste_onderwerpen",
        "subject",
        "In ons netwerk bespreken we de onderwerpen die er voor mij echt toe doen.",
    ),
    (
        "onderwerp_leervraag_duidelijk",
        "subject",
        "Onze gezamenlijke leervraag is mij duidelijk en ik herken me erin.",
    ),
    (
        "onderwerp_eigen_inbreng",
        "subject",
        "Ik kan mijn eigen vragen en ideeën inbrengen in het netwerk.",
    ),
    ("onderwerp_rode_draad", "subject", "Er zit een rode draad in onze bijeenkomsten."),
    (
        "band_veilig",
        "cohesion",
        "Ik voel me veilig genoeg om ook twijfels en knelpunten te bespreken.",
    ),
    (
        "band_halen_brengen",
        "cohesion",
        "In ons netwerk is het halen én brengen: iedereen draagt iets bij.",
    ),
    (
        "band_elkaar_kennen",
        "cohesion",
        "Ik ken de andere deelnemers en weet wat ik aan wie kan vragen.",
    ),
    (
        "band_gelijkwaardig",
        "cohesion",
        "Kinderopvang en basisschool werken in ons netwerk samen als gelijkwaardige partners.",
    ),
    (
        "praktijk_relevant",
        "practice",
        "Wat we in het netwerk bespreken, is relevant voor mijn dagelijkse werk.",
    ),
    (
        "praktijk_toegepast",
        "practice",
        "Ik heb iets uit het netwerk uitgeprobeerd in mijn eigen praktijk.",
    ),
    (
        "praktijk_doorgaande_lijn",
        "practice",
        "Door het netwerk sluiten we beter op elkaar aan in de doorgaande lijn van kinderen.",
    ),
    (
        "organisatie_tijd",
        "organisations",
        "Ik krijg van mijn organisatie genoeg tijd voor het netwerk.",
    ),
    (
        "organisatie_leidinggevende",
        "organisations",
        "Mijn leidinggevende is geïnteresseerd in wat ik in het netwerk leer.",
    ),
    (
        "organisatie_delen_team",
        "organisations",
        "Ik krijg de ruimte om wat ik leer te delen met mijn team.",
    ),
]
OPEN_QUESTIONS = [
    ("open_gaat_goed", "Wat gaat er goed in ons netwerk?"),
    ("open_kan_beter", "Wat kan er beter, en wat is daarvoor nodig?"),
]


def create_default(apps, schema_editor):
    Questionnaire = apps.get_model("barometer", "Questionnaire")
    Question = apps.get_model("barometer", "Question")
    questionnaire, created = Questionnaire.objects.get_or_create(
        region=None,
        version=1,
        defaults={"title": "Netwerkbarometer", "introduction": INTRODUCTION, "is_published": True},
    )
    if not created:
        return
    order = 0
    for key, dimension, text in STATEMENTS:
        order += 1
        Question.objects.create(
            questionnaire=questionnaire,
            key=key,
            kind="scale",
            dimension=dimension,
            text=text,
            order=order,
        )
    for key, text in OPEN_QUESTIONS:
        order += 1
        Question.objects.create(
            questionnaire=questionnaire, key=key, kind="open", dimension="", text=text, order=order
        )


def remove_default(apps, schema_editor):
    Questionnaire = apps.get_model("barometer", "Questionnaire")
    Questionnaire.objects.filter(region=None, version=1, rounds__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("barometer", "0001_questionnaire_rounds_and_answers")]
    operations = [migrations.RunPython(create_default, remove_default)]
