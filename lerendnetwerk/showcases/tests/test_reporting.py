"""The results' part of the cycle report and the annual report: published results only, counts per
kind and per district, and never who added them."""

from typing import Any

import pytest
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.networks import report_parts
from lerendnetwerk.networks.models import Network
from lerendnetwerk.showcases import services
from lerendnetwerk.showcases.models import Showcase

from .files import MINIMAL_PDF, png_bytes, upload

pytestmark = pytest.mark.django_db


def part() -> report_parts.ReportPart:
    return next(p for p in report_parts.parts() if p.key == "showcases")


def add(
    network: Network,
    person: User,
    title: str,
    kind: str = "document",
    data: bytes = MINIMAL_PDF,
    **extra: Any,
) -> Showcase:
    return services.showcase_create(
        network=network,
        uploaded_by=person,
        title=title,
        description="",
        kind=kind,
        upload=upload("x.pdf", data),
        **extra,
    )


def test_the_cycle_part_lists_published_results_with_a_link(network, participant, facilitator):
    shown = add(network, participant, "Voorleesochtend met ouders")
    add(network, participant, "Concept dat nog niet af is")
    photo = add(network, participant, "Kring", kind="photo", data=png_bytes(), consent=True)
    for showcase in (shown, photo):
        services.showcase_publish(showcase=showcase, published_by=facilitator)
    html = part().cycle_html(network.current_cycle)
    assert "Voorleesochtend met ouders" in html
    assert "Concept dat nog niet af is" not in html
    assert f"/wijkoverzicht/utrecht/{network.slug}/resultaten/" in html
    assert participant.name not in html
    figures = set(part().cycle_figures(network.current_cycle))
    assert ("document", "results", 2) in figures
    assert ("document", "published", 1) in figures
    assert ("photo", "published", 1) in figures
    assert ("film", "results", 0) in figures


def test_the_region_part_counts_per_district(network, participant, facilitator, utrecht):
    shown = add(network, participant, "Voorleesochtend")
    add(network, participant, "Concept")
    services.showcase_publish(showcase=shown, published_by=facilitator)
    year = timezone.now().year
    region_figures, region_html = part().region_figures, part().region_html
    assert region_figures is not None and region_html is not None
    figures = set(region_figures(utrecht, year))
    assert (network.district.name, "results", 2) in figures
    assert (network.district.name, "published", 1) in figures
    assert ("Zuid", "results", 0) in figures
    html = region_html(utrecht, year)
    assert network.district.name in html
    assert "Concept" not in html
    assert set(region_figures(utrecht, year - 1)) == {
        (name, measure, 0) for name, measure, _ in figures
    }
