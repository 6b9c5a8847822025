"""The library's films and other resources next to the catalogue's entries and phases
(registered with `catalogue.related` in the app's `ready`).

One query per page section, and none once cached: what is shown is the same for everyone, so it
is kept in the cache under the library's version (`invalidation.py`), which every change of a
resource renews. The labels are translated when the page is made, not in the cache.
"""

from typing import TYPE_CHECKING

from django.core.cache import cache
from django.urls import reverse

from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.catalogue.related import RelatedItem
from lerendnetwerk.core import fragments

from . import selectors
from .invalidation import LIBRARY
from .models import Resource

if TYPE_CHECKING:
    from collections.abc import Callable

    from lerendnetwerk.catalogue.models import Entry

# (title, region slug, region name, pk, kind)
Row = tuple[str, str, str, int, str]


def _rows(key: str, read: "Callable[[], list[Resource]]") -> list[Row]:
    cache_key = f"resources:related:{fragments.version(LIBRARY)}:{key}"
    rows: list[Row] | None = cache.get(cache_key)
    if rows is None:
        rows = [(r.title, r.region.slug, r.region.name, r.pk, r.kind) for r in read()]
        cache.set(cache_key, rows, fragments.TIMEOUT)
    return rows


def _items(rows: list[Row]) -> list[RelatedItem]:
    several_regions = len({slug for _title, slug, *_rest in rows}) > 1
    return [
        RelatedItem(
            title=title,
            url=reverse("resources:detail", kwargs={"region_slug": slug, "pk": pk}),
            kind=str(Resource.Kind(kind).label),
            note=region if several_regions else "",
        )
        for title, slug, region, pk, kind in rows
    ]


def for_entry(entry: "Entry") -> list[RelatedItem]:
    return _items(_rows(f"entry:{entry.pk}", lambda: selectors.related_to_entry(entry_id=entry.pk)))


def for_stage(stage: str) -> list[RelatedItem]:
    if stage not in Phase.values:
        return []
    return _items(_rows(f"phase:{stage}", lambda: selectors.related_to_phase(phase=stage)))
