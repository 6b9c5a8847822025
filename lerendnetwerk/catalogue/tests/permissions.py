"""Permission-matrix rows for a region's own catalogue entries (see core/tests/permissions.py).
Another region's coordinator is refused too: see test_region_entries.py."""

from typing import Any

from lerendnetwerk.catalogue import services
from lerendnetwerk.catalogue.models import Entry, Topic
from lerendnetwerk.core.tests.permissions import Row, only


def build(w: Any) -> None:
    w.region_entry = services.region_entry_add(
        region=w.network.district.region,
        topic=Topic.objects.get(slug="kennismaken"),
        kind=Entry.Kind.ACTIVITY,
        title="Wijkwandeling",
        summary="Samen door de wijk lopen.",
    )


def region(w: Any) -> dict[str, Any]:
    return {"region_slug": w.network.district.region.slug}


def region_entry(w: Any) -> dict[str, Any]:
    return {**region(w), "pk": w.region_entry.pk}


ROWS: dict[str, Row] = {
    "catalogue:region_entries": ("get", region, only("coordinator")),
    "catalogue:region_entry_add": ("get", region, only("coordinator")),
    "catalogue:region_entry_edit": ("get", region_entry, only("coordinator")),
    "catalogue:region_entry_delete": ("get", region_entry, only("coordinator")),
}
