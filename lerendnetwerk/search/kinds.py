"""What the search finds, one provider per kind: which rows a visitor may see (the owning app's
public selector), which of their fields are searched with which weight, and how a found row is
shown. The search itself (`selectors.py`) knows nothing of the kinds; adding one is adding a
`Kind` to `KINDS`.

Weights as PostgreSQL's: A (the title, 1.0) before B (the text, 0.4) before C (0.2)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.catalogue import selectors as catalogue_selectors
from lerendnetwerk.knowledge import selectors as knowledge_selectors
from lerendnetwerk.resources import selectors as resource_selectors
from lerendnetwerk.showcases import selectors as showcase_selectors

if TYPE_CHECKING:
    from lerendnetwerk.regions.models import Region


@dataclass(frozen=True)
class Result:
    """A found row as the results page lists it."""

    title: str
    url: str
    meta: str  # what and whose it is, in a few words
    summary: str


@dataclass(frozen=True)
class Kind:
    key: str  # the value of `?soort=`, Dutch like the rest of the address
    label: str | Promise  # the heading above its results
    rows: Callable[["Region"], QuerySet[Any]]  # only what a visitor of the region may see
    weights: dict[str, tuple[str, ...]]  # "A", "B", "C" -> fields (through relations too)
    order: tuple[str, ...]  # among equally good matches
    result: Callable[[Any, "Region"], Result]


def _entry(entry: Any, region: "Region") -> Result:
    stage = entry.topic.stage
    return Result(
        title=entry.title,
        url=reverse("catalogue:entry", args=[catalogue_selectors.STAGE_SLUGS[stage], entry.slug]),
        meta=f"{entry.get_kind_display()} · {catalogue_selectors.STAGE_LABELS[stage]}",
        summary=entry.summary,
    )


def _offer(offer: Any, region: "Region") -> Result:
    return Result(
        title=offer.title,
        url=reverse("knowledge:offer", args=[region.slug, offer.pk]),
        meta=offer.organisation.name,
        summary=offer.description,
    )


def _expert(profile: Any, region: "Region") -> Result:
    return Result(
        title=profile.user.name,
        url=reverse("knowledge:expert", args=[region.slug, profile.pk]),
        meta=profile.workplace,
        summary=profile.user.expertise,
    )


def _showcase(showcase: Any, region: "Region") -> Result:
    url = reverse("showcases:public", args=[region.slug, showcase.network.slug])
    return Result(
        title=showcase.title,
        url=f"{url}#resultaat-{showcase.pk}",
        meta=f"{showcase.get_kind_display()} · {showcase.network.name}",
        summary=showcase.description,
    )


def _resource(resource: Any, region: "Region") -> Result:
    meta = resource.get_kind_display()
    return Result(
        title=resource.title,
        url=reverse("resources:detail", args=[region.slug, resource.pk]),
        meta=f"{meta} · {resource.source}" if resource.source else meta,
        summary=resource.description,
    )


KINDS: tuple[Kind, ...] = (
    Kind(
        key="handreiking",
        label=_("The Handbook"),
        rows=lambda region: catalogue_selectors.entries_for_region(
            region_id=region.pk
        ).select_related("topic"),
        weights={"A": ("title",), "B": ("summary",), "C": ("purpose", "topic__title")},
        order=("topic__order", "order"),
        result=_entry,
    ),
    Kind(
        key="kennisaanbod",
        label=_("Knowledge offer"),
        rows=lambda region: knowledge_selectors.published_offers(region=region),
        weights={"A": ("title",), "B": ("description",), "C": ("organisation__name",)},
        order=("title",),
        result=_offer,
    ),
    Kind(
        key="experts",
        label=_("Experts"),
        rows=lambda region: knowledge_selectors.public_experts(region=region),
        weights={"A": ("user__name",), "B": ("user__expertise",), "C": ("institute",)},
        order=("user__name",),
        result=_expert,
    ),
    Kind(
        key="bronnen",
        label=_("Films and resources"),
        rows=lambda region: resource_selectors.published_resources(region=region),
        weights={"A": ("title",), "B": ("description",), "C": ("source",)},
        order=("title",),
        result=_resource,
    ),
    Kind(
        key="goede-praktijk",
        label=_("Good practice"),
        rows=lambda region: showcase_selectors.showcases_public(region=region),
        weights={"A": ("title",), "B": ("description",), "C": ("network__name",)},
        order=("-published_at",),
        result=_showcase,
    ),
)
BY_KEY = {kind.key: kind for kind in KINDS}
