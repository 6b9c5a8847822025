"""What a region's own data changes, for the page cache (`core/pagecache.py`): a row that points
at a region (its library, its thresholds, its own catalogue entries) changes that region's
overviews and, since the pages of its networks show it too, `shared`. Such rows are written by
coordinators now and then, and a cached page lives minutes, so the wider bump costs little."""

from django.db import models

from lerendnetwerk.core import pagecache

from .models import Region


def _resolve(model: type[models.Model]) -> pagecache.Finder | None:
    if model is Region:
        return lambda instance: [pagecache.region(instance.pk), pagecache.SHARED]
    if not pagecache.points_at(model, Region):
        return None
    # Pointing at no region (a shared catalogue entry, the shared framework): `shared` alone.
    return lambda instance: [
        pagecache.SHARED,
        *(pagecache.region(pk) for pk in pagecache.pointed_at(instance, Region)),
    ]


def connect() -> None:
    pagecache.register(_resolve)
