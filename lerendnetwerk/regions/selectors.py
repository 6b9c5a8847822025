"""Reads of municipalities, districts and organisations, for the apps above."""

from collections.abc import Iterable

from django.db.models import QuerySet
from django.utils.functional import Promise

from lerendnetwerk.core import pagecache

from .models import District, Organisation, Region


def regions_all() -> QuerySet[Region]:
    return Region.objects.order_by("name")


def region_find(*, slug: str) -> Region | None:
    """Kept in the cache until something shared changes (a region's save bumps `shared`)."""
    found = pagecache.recall(f"regions:region:{slug}", [pagecache.SHARED])
    if found is None:
        found = Region.objects.filter(slug=slug).first()
        if found is not None:
            pagecache.keep(f"regions:region:{slug}", [pagecache.SHARED], found)
    return found  # type: ignore[no-any-return]


def regions_coordinated_by(*, user_id: int) -> QuerySet[Region]:
    """The regions this person coordinates, by name."""
    return Region.objects.filter(coordinators=user_id).order_by("name")


def districts_coordinated_by(*, user_id: int) -> QuerySet[District]:
    """The districts of the regions this person coordinates, by region and name."""
    return (
        District.objects.filter(region__coordinators=user_id)
        .select_related("region")
        .order_by("region__name", "name")
    )


def districts_of_regions(*, region_ids: Iterable[int]) -> QuerySet[District]:
    """The districts of these regions, by region and name."""
    return (
        District.objects.filter(region__in=list(region_ids))
        .select_related("region")
        .order_by("region__name", "name")
    )


def organisations_in_regions(*, regions: Iterable[Region | int]) -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(district__region__in=list(regions))
        .select_related("district")
        .order_by("name")
    )


def organisations_of_network(*, network_id: int) -> QuerySet[Organisation]:
    """A network's member organisations by name (where its meetings can be held). It takes the
    network's id, so that this lowest app does not name a model of the networks app."""
    return Organisation.objects.filter(networks=network_id).order_by("name")


def organisation_kinds() -> list[tuple[str, str | Promise]]:
    """The kinds of organisation (daycare centre, preschool, ...), as choices for a filter."""
    return list(Organisation.Kind.choices)
