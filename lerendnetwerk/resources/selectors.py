"""Reads for the resource library. `published_resources` is what the public may see: a queryset,
so that a search can filter and rank it further."""

from typing import TYPE_CHECKING

from django.db.models import Count, Prefetch, QuerySet

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue import selectors as catalogue_selectors
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.regions import selectors as region_selectors
from lerendnetwerk.regions.models import Region
from lerendnetwerk.themes import selectors as themes_selectors
from lerendnetwerk.themes.models import FocusArea

from .models import Resource

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

# At most this many resources next to one catalogue entry or phase.
RELATED_MAX = 8

Choices = list[tuple[int, str]]
GroupedChoices = list[tuple[str, Choices]]


# --- For the public and for a search


def published_resources(region: Region | None = None) -> QuerySet[Resource]:
    """The published resources (of one region, if given), by title."""
    resources = Resource.objects.filter(status=Resource.Status.PUBLISHED)
    if region is not None:
        resources = resources.filter(region=region)
    return resources.select_related("region").order_by("title", "pk")


def resources_filtered(
    *,
    region: Region,
    phase: str | None = None,
    kind: str | None = None,
    focus_area_id: int | None = None,
) -> QuerySet[Resource]:
    """The public list: published resources of the region, for one phase, kind and focus area
    if asked, with their phases (one query more)."""
    resources = published_resources(region)
    if phase:
        resources = resources.filter(phase_tags__phase=phase)
    if kind:
        resources = resources.filter(kind=kind)
    if focus_area_id is not None:
        resources = resources.filter(focus_areas=focus_area_id)
    return resources.prefetch_related("phase_tags")


def _details(resources: QuerySet[Resource]) -> QuerySet[Resource]:
    return resources.prefetch_related(
        "phase_tags",
        Prefetch("entries", Entry.objects.select_related("topic").order_by("title")),
        Prefetch("focus_areas", FocusArea.objects.order_by("order")),
    )


def resource_public(*, region: Region, pk: int) -> Resource | None:
    return _details(published_resources(region).filter(pk=pk)).first()


def resource_find(*, region: Region, pk: int) -> Resource | None:
    """Any resource of the region, whatever its status (the caller checks who may see it)."""
    return _details(Resource.objects.filter(region=region, pk=pk).select_related("region")).first()


def resource_for_file(*, region_slug: str, pk: int) -> Resource | None:
    return Resource.objects.filter(region__slug=region_slug, pk=pk).select_related("region").first()


# --- Next to the catalogue's entries and phases (catalogue/related.py): one query each


def related_to_entry(*, entry_id: int) -> list[Resource]:
    return list(published_resources().filter(entries=entry_id)[:RELATED_MAX])


def related_to_phase(*, phase: str) -> list[Resource]:
    return list(published_resources().filter(phase_tags__phase=phase)[:RELATED_MAX])


# --- For coordinators and facilitators


def curation_list(*, region: Region) -> QuerySet[Resource]:
    """Every resource of the region: suggestions waiting first, then by title."""
    return (
        Resource.objects.filter(region=region)
        .select_related("suggested_by")
        .prefetch_related("phase_tags")
        .order_by(
            # "suggested" sorts before "published" and "rejected".
            "-status",
            "title",
            "pk",
        )
    )


def waiting_count(*, region: Region) -> int:
    return Resource.objects.filter(region=region, status=Resource.Status.SUGGESTED).count()


def waiting_per_region(*, region_ids: "Iterable[int]") -> list[tuple[str, str, int]]:
    """Per region (slug, name) how many suggestions wait for a coordinator: one query."""
    rows = (
        Resource.objects.filter(region_id__in=list(region_ids), status=Resource.Status.SUGGESTED)
        .values_list("region__slug", "region__name")
        .annotate(waiting=Count("pk"))
        .order_by("region__name")
    )
    return [(slug, name, waiting) for slug, name, waiting in rows]


def suggestions_of(*, user: User) -> QuerySet[Resource]:
    """What the person suggested, newest first, with its region."""
    return (
        Resource.objects.filter(suggested_by=user)
        .select_related("region")
        .order_by("-created_at", "-pk")
    )


def region_coordinators(*, region: Region) -> QuerySet[User]:
    return User.objects.filter(coordinator_of=region, is_active=True).order_by("name", "pk")


def is_region_facilitator(*, user: User, region: Region) -> bool:
    return network_selectors.is_region_facilitator(user=user, region=region)


def regions_facilitated_by(*, user: User) -> set[int]:
    return network_selectors.regions_facilitated_by(user=user)


def region_find(*, slug: str) -> Region | None:
    return region_selectors.region_find(slug=slug)


def regions_all() -> "Sequence[Region]":
    return list(region_selectors.regions_all())


def focus_area_choices(*, region: Region) -> GroupedChoices:
    """The focus areas of the UKK the region's networks choose from, by chapter."""
    return [
        (chapter.title, [(area.pk, area.title) for area in chapter.focus_areas.all()])
        for chapter in themes_selectors.active_chapters(region_id=region.pk)
    ]


def focus_areas_offered(*, region: Region, pks: list[int]) -> list[FocusArea]:
    wanted = set(pks)
    return [
        area
        for chapter in themes_selectors.active_chapters(region_id=region.pk)
        for area in chapter.focus_areas.all()
        if area.pk in wanted
    ]


# Work forms, instruments and tips: what a resource can help to carry out.
TAGGABLE_KINDS = (Entry.Kind.ACTIVITY, Entry.Kind.INSTRUMENT, Entry.Kind.TIP)


def _taggable_entries(region: Region) -> QuerySet[Entry]:
    return (
        catalogue_selectors.entries_for_region(region_id=region.pk)
        .filter(kind__in=TAGGABLE_KINDS)
        .select_related("topic")
        .order_by("topic__order", "order", "pk")
    )


def entry_choices(*, region: Region) -> GroupedChoices:
    """The catalogue's work forms, instruments and tips the region works with, by phase."""
    labels = catalogue_selectors.STAGE_LABELS
    grouped: dict[str, Choices] = {}
    for entry in _taggable_entries(region):
        grouped.setdefault(str(labels[entry.topic.stage]), []).append((entry.pk, entry.title))
    return list(grouped.items())


def entries_offered(*, region: Region, pks: list[int]) -> list[Entry]:
    return list(_taggable_entries(region).filter(pk__in=pks))
