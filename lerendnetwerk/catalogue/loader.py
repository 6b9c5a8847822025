"""Load the reviewed data file `data/handreiking.yaml` into the catalogue tables.

Upserts by slug (topics, entries) and title (sources), so running it again after the file changed
updates the database without touching what meetings refer to. The data migration calls it with the
historical models; `manage.py load_catalogue` with the current ones.
"""

from pathlib import Path
from typing import Any

import yaml

DATA_FILE = Path(__file__).resolve().parent / "data" / "handreiking.yaml"


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
            entry, _ = Entry.objects.update_or_create(
                slug=entry_data["slug"],
                defaults={
                    "topic": topic,
                    "kind": entry_data["kind"],
                    "title": entry_data["title"],
                    "summary": entry_data["summary"].strip(),
                    "order": entry_order,
                },
            )
            entry.references.all().delete()
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
