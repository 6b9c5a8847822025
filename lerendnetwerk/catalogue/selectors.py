from collections.abc import Collection
from typing import Any

from django.core.cache import cache
from django.db.models import Prefetch, Q, QuerySet

from lerendnetwerk.core import fragments

from .invalidation import CATALOGUE
from .models import PREREQUISITES, STAGE_CHOICES, Entry, SourceReference, Topic

# Readable Dutch URL parts for the stages; the code names stay English (glossary).
STAGE_SLUGS = {
    PREREQUISITES: "randvoorwaarden",
    "exploration": "verkenning",
    "development": "ontwikkeling",
    "deepening": "verdieping",
    "embedding": "inbedding",
    "anchoring": "verankering",
}
STAGE_BY_SLUG = {slug: stage for stage, slug in STAGE_SLUGS.items()}
STAGE_LABELS = dict(STAGE_CHOICES)


def _references() -> Prefetch[str, QuerySet[SourceReference], str]:
    return Prefetch("references", queryset=SourceReference.objects.select_related("source"))


def entries_all() -> QuerySet[Entry]:
    """Every entry, the shared ones and each region's own (marked on the public pages)."""
    return Entry.objects.select_related("topic", "region").prefetch_related(_references())


def entries_for_region(*, region_id: int | None) -> QuerySet[Entry]:
    """What a network of the region works with: the shared Handbook and the region's own
    entries (only the shared ones without a region)."""
    return Entry.objects.filter(Q(region__isnull=True) | Q(region_id=region_id))


def topics_for_stage(*, stage: str, with_sources: bool = True) -> list[Topic]:
    """The stage's questions, each with its entries (and their sources: one query more)."""
    entries = Entry.objects.select_related("region")
    if with_sources:
        entries = entries.prefetch_related(_references())
    return list(Topic.objects.filter(stage=stage).prefetch_related(Prefetch("entries", entries)))


def topics_of_stages(*, stages: Collection[str], region_id: int | None = None) -> list[Topic]:
    """The questions of `stages` in the catalogue's order, each with its entries (no sources):
    the shared ones and those of the region `region_id`.

    The same for every network of a region, so cached under the catalogue's version
    (core/fragments.py): no query once cached, two when not.
    """
    version = fragments.version(CATALOGUE)
    key = f"catalogue:topics:{version}:{region_id or ''}:{','.join(sorted(stages))}"
    topics: list[Topic] | None = cache.get(key)
    if topics is None:
        topics = list(
            Topic.objects.filter(stage__in=stages)
            .prefetch_related(Prefetch("entries", entries_for_region(region_id=region_id)))
            .order_by("order", "pk")
        )
        cache.set(key, topics, fragments.TIMEOUT)
    return topics


# --- A region's own entries, for its coordinators --------------------------------------------


def region_entries(*, region_id: int) -> list[Entry]:
    """The region's own entries in the catalogue's order, with their questions."""
    return list(
        Entry.objects.filter(region_id=region_id)
        .select_related("topic")
        .order_by("topic__order", "order", "pk")
    )


def region_entry_find(*, region_id: int, pk: int) -> Entry | None:
    """One of the region's own entries; None for a shared one or another region's."""
    return Entry.objects.filter(region_id=region_id, pk=pk).select_related("topic").first()


def topic_choices() -> list[tuple[str, list[tuple[int, str]]]]:
    """Every phase's questions for a <select>, grouped by phase (one query)."""
    topics = list(Topic.objects.order_by("order", "pk").values_list("pk", "title", "stage"))
    return [
        (str(label), [(pk, title) for pk, title, topic_stage in topics if topic_stage == stage])
        for stage, label in STAGE_CHOICES
        if any(topic_stage == stage for _pk, _title, topic_stage in topics)
    ]


def topic_find(*, pk: int) -> Topic | None:
    return Topic.objects.filter(pk=pk).first()


def shared_entry_count() -> int:
    return Entry.objects.filter(region__isnull=True).count()


def entries_search(*, query: str, stage: str = "", kind: str = "") -> QuerySet[Entry]:
    entries = entries_all()
    for word in query.split():
        entries = entries.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(purpose__icontains=word)
            | Q(topic__title__icontains=word)
        )
    if stage:
        entries = entries.filter(topic__stage=stage)
    if kind:
        entries = entries.filter(kind=kind)
    return entries.order_by("topic__order", "order")


def stage_summaries() -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for stage in Entry.objects.values_list("topic__stage", flat=True):
        counts[stage] = counts.get(stage, 0) + 1
    topics: dict[str, list[str]] = {}
    for stage, title in Topic.objects.values_list("stage", "title"):
        topics.setdefault(stage, []).append(title)
    return [
        {
            "stage": stage,
            "slug": STAGE_SLUGS[stage],
            "label": label,
            "entry_count": counts.get(stage, 0),
            "topics": topics.get(stage, []),
        }
        for stage, label in STAGE_CHOICES
    ]


def catalogue_export() -> dict[str, list[dict[str, Any]]]:
    return {
        "entries": [
            {
                "title": entry.title,
                "kind": entry.kind,
                "phases": [entry.topic.stage],
                "topic": entry.topic.title,
                "summary": entry.summary,
                "purpose": entry.purpose,
                "steps": list(entry.steps),
                "duration": [entry.duration_min, entry.duration_max]
                if entry.duration_min
                else None,
                "duration_note": entry.duration_note or None,
                "group_size": entry.group_size or None,
                "materials": list(entry.materials),
                "details_suggested": entry.details_suggested,
                "platform_links": list(entry.platform_links),
                "sources": [
                    {
                        "source": ref.source.title,
                        "pages": list(ref.pages),
                        "card": ref.card or None,
                        "chapter": ref.chapter or None,
                    }
                    for ref in entry.references.all()
                ],
            }
            for entry in entries_all().order_by("topic__order", "order")
        ]
    }
