"""Load the reviewed data file `data/handreiking.yaml` into the catalogue tables.

Upserts by slug (topics, entries) and title (sources), so running it again after the file changed
updates the database without touching what meetings refer to. The data migrations call it with the
historical models, which may lack fields added later: those are left out. `manage.py
load_catalogue` calls it with the current ones. A file that `catalogue_problems` finds fault with
is refused as a whole. It owns the shared entries only: a region's own entries (with a region)
are never read or changed here.
"""

from pathlib import Path
from typing import Any

import yaml

from lerendnetwerk.core import pagecache

from .platform_pages import PAGES

DATA_FILE = Path(__file__).resolve().parent / "data" / "handreiking.yaml"

# Work forms and instruments are run in a meeting, so they say how.
HOW_TO_KINDS = {"activity", "instrument"}
ENTRY_KEYS = {
    "slug",
    "kind",
    "title",
    "summary",
    "sources",
    "purpose",
    "steps",
    "duration",
    "duration_note",
    "group_size",
    "materials",
    "details_suggested",
    "platform_links",
}


class CatalogueError(ValueError):
    """The data file is not fit to load; the message lists every problem."""


def _texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _duration_problem(value: Any) -> str:
    """A duration is [minutes] or [shortest, longest], in whole minutes."""
    if value is None:
        return ""
    if (
        not isinstance(value, list)
        or len(value) not in (1, 2)
        or not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value)
    ):
        return "duration must be [minutes] or [shortest, longest]"
    if value[0] > value[-1]:
        return "duration's shortest is longer than its longest"
    return ""


def _entry_problems(entry: dict[str, Any], sources: set[str]) -> list[str]:
    problems = [f"unknown field {key!r}" for key in sorted(set(entry) - ENTRY_KEYS)]
    if not (entry.get("summary") or "").strip():
        problems.append("no summary")
    if entry.get("kind") in HOW_TO_KINDS:
        if not (entry.get("purpose") or "").strip():
            problems.append("a work form or instrument needs a purpose")
        if not entry.get("steps") or not _texts(entry["steps"]):
            problems.append("a work form or instrument needs steps (a list of texts)")
    elif entry.get("steps") and not _texts(entry["steps"]):
        problems.append("steps must be a list of texts")
    if entry.get("materials") and not _texts(entry["materials"]):
        problems.append("materials must be a list of texts")
    if duration := _duration_problem(entry.get("duration")):
        problems.append(duration)
    if "details_suggested" in entry and not isinstance(entry["details_suggested"], bool):
        problems.append("details_suggested must be true or false")
    problems += [
        f"unknown platform page {key!r}"
        for key in entry.get("platform_links") or []
        if key not in PAGES
    ]
    problems += [
        f"unknown source {ref.get('source')!r}"
        for ref in entry.get("sources") or []
        if ref.get("source") not in sources
    ]
    return problems


def catalogue_problems(data: dict[str, Any]) -> list[str]:
    """What is wrong with the data file, one line per problem (none when it is fit)."""
    sources = {source["title"] for source in data["sources"]}
    problems = []
    seen: set[str] = set()
    for topic in data["topics"]:
        for entry in topic.get("entries") or []:
            slug = entry.get("slug", "?")
            if slug in seen:
                problems.append(f"{slug}: slug used twice")
            seen.add(slug)
            problems += [f"{slug}: {problem}" for problem in _entry_problems(entry, sources)]
    return problems


def _entry_fields(entry_data: dict[str, Any]) -> dict[str, Any]:
    duration = entry_data.get("duration") or [None]
    return {
        "kind": entry_data["kind"],
        "title": entry_data["title"],
        "summary": entry_data["summary"].strip(),
        "purpose": (entry_data.get("purpose") or "").strip(),
        "steps": [step.strip() for step in entry_data.get("steps") or []],
        "duration_min": duration[0],
        "duration_max": duration[-1],
        "duration_note": (entry_data.get("duration_note") or "").strip(),
        "group_size": (entry_data.get("group_size") or "").strip(),
        "materials": [item.strip() for item in entry_data.get("materials") or []],
        "details_suggested": entry_data.get("details_suggested", True),
        "platform_links": list(entry_data.get("platform_links") or []),
    }


def read_catalogue(path: Path = DATA_FILE) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


def load_catalogue(models: Any, path: Path = DATA_FILE) -> tuple[int, int]:
    """Load the file; `models` gives Source, Topic, Entry and SourceReference classes.

    Returns (topics, entries) loaded.
    """
    Source, Topic, Entry, SourceReference = (
        models.Source,
        models.Topic,
        models.Entry,
        models.SourceReference,
    )
    data = read_catalogue(path)
    if problems := catalogue_problems(data):
        raise CatalogueError("\n".join(problems))
    # A historical model (in a data migration) lacks the fields added after it.
    entry_fields = {field.name for field in Entry._meta.get_fields()}
    shared = (
        Entry.objects.filter(region__isnull=True) if "region" in entry_fields else Entry.objects
    )
    sources = {}
    for item in data["sources"]:
        source, _ = Source.objects.update_or_create(
            title=item["title"],
            defaults={
                "kind": item["kind"],
                "citation": item.get("citation") or "",
                "url": item.get("url") or "",
            },
        )
        sources[source.title] = source
    entry_count = 0
    for topic_order, topic_data in enumerate(data["topics"], start=1):
        topic, _ = Topic.objects.update_or_create(
            slug=topic_data["slug"],
            defaults={
                "stage": topic_data["stage"],
                "title": topic_data["title"],
                "question": topic_data.get("question") or "",
                "order": topic_order,
            },
        )
        for entry_order, entry_data in enumerate(topic_data.get("entries") or [], start=1):
            entry, _ = shared.update_or_create(
                slug=entry_data["slug"],
                defaults={
                    "topic": topic,
                    "order": entry_order,
                    **{
                        name: value
                        for name, value in _entry_fields(entry_data).items()
                        if name in entry_fields
                    },
                },
            )
            entry.references.all().delete()
            pagecache.bump(pagecache.SHARED)
            SourceReference.objects.bulk_create(
                SourceReference(
                    entry=entry,
                    source=sources[ref["source"]],
                    pages=ref.get("pages") or [],
                    card=ref.get("card") or "",
                    chapter=ref.get("chapter") or "",
                    note=ref.get("note") or "",
                    order=ref_order,
                )
                for ref_order, ref in enumerate(entry_data.get("sources") or [])
            )
            entry_count += 1
    return len(data["topics"]), entry_count
