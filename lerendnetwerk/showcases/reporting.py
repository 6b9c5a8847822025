"""The results' part of a cycle report and of the region's annual report (see
`networks.report_parts`). Only published results are listed, and never who added them."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from lerendnetwerk.networks.report_parts import Figure

from . import selectors
from .models import Showcase

if TYPE_CHECKING:
    from lerendnetwerk.networks.models import Cycle
    from lerendnetwerk.regions.models import Region


def _public_url(showcase: Showcase) -> str:
    network = showcase.network
    # Absolute: the same HTML becomes a PDF, read away from the site.
    return settings.SITE_URL + reverse(
        "showcases:public", args=[network.district.region.slug, network.slug]
    )


def cycle_html(cycle: "Cycle") -> SafeString:
    published = selectors.cycle_published(cycle=cycle)
    return mark_safe(  # noqa: S308 - a template's output, escaped by it
        render_to_string(
            "showcases/report_cycle.html",
            {"items": [(showcase, _public_url(showcase)) for showcase in published]},
        )
    )


def cycle_figures(cycle: "Cycle") -> Sequence[Figure]:
    counts = selectors.cycle_counts_by_kind(cycle=cycle)
    figures: list[Figure] = []
    for kind in Showcase.Kind:
        total, published = counts.get(kind.value, (0, 0))
        figures.append((kind.value, "results", total))
        figures.append((kind.value, "published", published))
    return figures


def region_html(region: "Region", year: int) -> SafeString:
    return mark_safe(  # noqa: S308 - a template's output, escaped by it
        render_to_string(
            "showcases/report_region.html",
            {"rows": selectors.region_counts_by_district(region=region, year=year), "year": year},
        )
    )


def region_figures(region: "Region", year: int) -> Sequence[Figure]:
    figures: list[Figure] = []
    for district, total, published in selectors.region_counts_by_district(region=region, year=year):
        figures.append((district, "results", total))
        figures.append((district, "published", published))
    return figures
