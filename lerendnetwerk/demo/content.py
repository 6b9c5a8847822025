"""What Utrecht keeps itself, through the real services: two work forms and a tip of its own
beside the Handbook, a draft of a new Netwerkbarometer version (one statement reworded, one
open question added; the rounds keep the default), and its own copy of the quality framework
with a focus area added and one retired."""

from lerendnetwerk.barometer import services as barometer_services
from lerendnetwerk.catalogue import services as catalogue_services
from lerendnetwerk.catalogue.models import Entry, Topic
from lerendnetwerk.regions.models import Region
from lerendnetwerk.themes import services as theme_services
from lerendnetwerk.themes.models import FocusArea

ENTRIES = [
    (
        "kennismaken",
        Entry.Kind.ACTIVITY,
        "Wijkwandeling langs de locaties",
        "Loop samen langs de kinderdagverblijven, peutergroepen en scholen van de wijk. Op elke "
        "locatie vertelt iemand van daar in vijf minuten wat de kinderen er doen en wat hen "
        "opvalt bij de overstap.",
    ),
    (
        "gezamenlijk-themas-verkennen",
        Entry.Kind.ACTIVITY,
        "Overdrachtsformulier naast elkaar",
        "Leg de overdrachtsformulieren van de voorschool en groep 1 naast elkaar. Wat vraagt de "
        "school, wat vertelt de voorschool, en wat mist er?",
    ),
    (
        "kennismaken",
        Entry.Kind.TIP,
        "Begin bij de Utrechtse wijkcijfers",
        "De gemeente Utrecht publiceert per wijk cijfers over jonge kinderen. Neem ze mee naar "
        "de eerste bijeenkomst: ze maken het gesprek over de doorgaande lijn concreet.",
    ),
]


def seed_region_content(region: Region) -> None:
    for topic_slug, kind, title, summary in ENTRIES:
        catalogue_services.region_entry_add(
            region=region,
            topic=Topic.objects.get(slug=topic_slug),
            kind=kind,
            title=title,
            summary=summary,
        )
    draft = barometer_services.questionnaire_new_version(region=region)
    statement = draft.questions.filter(kind="scale").order_by("order", "pk").first()
    if statement is not None:
        barometer_services.question_reword(
            question=statement, text=f"{statement.text.rstrip('.')} (in onze wijk)."
        )
    barometer_services.question_add(
        questionnaire=draft,
        kind="open",
        dimension="",
        text="Wat heb je uit het netwerk al in je eigen groep gebruikt?",
    )
    framework = theme_services.framework_copy_for_region(region=region)
    chapter = framework.chapters.order_by("number").last()
    if chapter is not None:
        theme_services.focus_area_add(
            chapter=chapter,
            title="Warme overdracht naar groep 1",
            description="Kind, ouders, voorschool en school samen aan tafel bij de overstap.",
        )
    retired = FocusArea.objects.filter(chapter__framework=framework).order_by("pk").last()
    if retired is not None:
        theme_services.focus_area_retire(focus_area=retired)
