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
    return Entry.objects.select_related("topic").prefetch_related(_references())


def topics_for_stage(*, stage: str, with_sources: bool = True) -> list[Topic]:
    """The stage's questions, each with its entries (and their sources: one query more)."""
    entries = Entry.objects.prefetch_related(_references()) if with_sources else Entry.objects.all()
    return list(Topic.objects.filter(stage=stage).prefetch_related(Prefetch("entries", entries)))


def topics_of_stages(*, stages: Collection[str]) -> list[Topic]:
    """The questions of `stages` in the catalogue's order, each with its entries (no sources).

    The same for every network, so cached under the catalogue's version (core/fragments.py):
    no query once cached, two when not.
    """
    key = f"catalogue:topics:{fragments.version(CATALOGUE)}:{','.join(sorted(stages))}"
    topics: list[Topic] | None = cache.get(key)
    if topics is None:
        topics = list(
            Topic.objects.filter(stage__in=stages)
            .prefetch_related(Prefetch("entries", Entry.objects.all()))
            .order_by("order", "pk")
        )
        cache.set(key, topics, fragments.TIMEOUT)
    return topics


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
