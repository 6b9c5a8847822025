"""The district overview: the list with its filters, and the map beside it."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lerendnetwerk.core.tests.factories import (
    DistrictFactory,
    NetworkFactory,
    RegionFactory,
    UserFactory,
    add_member,
)
from lerendnetwerk.regions.models import District, Region
from lerendnetwerk.themes.models import FocusArea

from .world import LANGUAGE, SECRET, World

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("public:region", args=["utrecht"])
SVG = "{http://www.w3.org/2000/svg}"


def page(client: Client, query: str = "") -> str:
    response = client.get(f"{OVERVIEW}?{query}" if query else OVERVIEW)
    assert response.status_code == 200
    return str(response.content.decode())


def listed(content: str) -> list[str]:
    """The names of the networks in the list, in order."""
    start = content.index('id="netwerken"')
    return re.findall(r'<h4 class="utrecht-heading-4">\s*<a [^>]*>([^<]+)</a>', content[start:])


def the_map(content: str) -> ET.Element:
    """The map, parsed as XML: it has to be well-formed SVG."""
    # The first drawing in the page's main part (the header has the platform's mark).
    found = re.search(r"<svg\b.*?</svg>", content[content.index("<main") :], re.DOTALL)
    assert found, "no map on the page"
    return ET.fromstring(found.group(0))  # noqa: S314 - our own page, not untrusted input


def areas(svg: ET.Element) -> dict[str, ET.Element]:
    """The map's districts by the district slug their link chooses."""
    links = svg.findall(f"{SVG}a")
    return {re.search(r"wijk=([\w-]+)", a.get("href", "")).group(1): a for a in links}  # type: ignore[union-attr]


def count_on_map(svg: ET.Element, slug: str) -> int:
    return int(areas(svg)[slug].findall(f".//{SVG}tspan")[-1].text or "")


def test_every_network_of_the_region_in_its_district(client, world: World):
    content = page(client)
    # Districts by name, every district listed (those without a network say so).
    assert listed(content) == ["LN Overvecht", "LN West Spel", "LN Zuid Samen"]
    overvecht = content[content.index('id="wijk-overvecht"') :]
    assert overvecht.index("LN Overvecht") < overvecht.index('id="wijk-west"')
    assert 'id="wijk-binnenstad"' in content
    # A card says the network's theme, its focus area and how much it published.
    assert "Woordenschat en voorlezen" in content and LANGUAGE in content
    assert "1 gepubliceerd resultaat" in content


def test_the_theme_filter_keeps_the_networks_on_that_focus_area(client, world: World):
    language = FocusArea.objects.get(title=LANGUAGE)
    assert listed(page(client, f"thema={language.pk}")) == ["LN Overvecht"]
    assert listed(page(client, "thema=other")) == ["LN Zuid Samen"]


def test_the_phase_filter(client, world: World):
    assert listed(page(client, "fase=deepening")) == ["LN West Spel"]
    assert listed(page(client, "fase=preparing")) == ["LN Zuid Samen"]
    assert listed(page(client, "fase=anchoring")) == []


def test_the_organisation_filter_looks_at_the_member_organisations(client, world: World):
    assert listed(page(client, "organisatie=daycare")) == ["LN Overvecht"]
    assert listed(page(client, "organisatie=primary_school")) == ["LN Zuid Samen"]
    assert listed(page(client, "organisatie=preschool&fase=deepening")) == ["LN West Spel"]


def test_the_district_filter_shows_one_district_and_keeps_the_other_filters(client, world: World):
    content = page(client, "wijk=west&fase=deepening")
    assert listed(content) == ["LN West Spel"]
    assert 'id="wijk-overvecht"' not in content
    # The map still counts every district, with the other filters applied.
    svg = the_map(content)
    assert count_on_map(svg, "west") == 1
    assert count_on_map(svg, "overvecht") == 0
    assert areas(svg)["west"].get("aria-current") == "true"
    assert "fase=deepening" in areas(svg)["overvecht"].get("href", "")


def test_a_value_that_is_not_a_choice_filters_nothing(client, world: World):
    assert len(listed(page(client, "thema=999999&fase=ergens"))) == 3


def test_the_map_has_every_district_as_a_named_link_with_its_count(client, world: World):
    svg = the_map(page(client))
    assert svg.get("role") == "group"
    assert svg.get("aria-labelledby") == "map-heading"
    by_slug = areas(svg)
    districts = District.objects.filter(region__slug="utrecht")
    assert set(by_slug) == set(districts.values_list("slug", flat=True)) and len(by_slug) == 10
    for district in districts:
        area = by_slug[district.slug]
        count = district.networks.count()
        assert area.get("aria-label", "").startswith(f"{district.name}: {count} netwerk")
        assert area.get("href", "").endswith("#netwerken")
        assert area.find(f"{SVG}path") is not None
        assert count_on_map(svg, district.slug) == count
    # Utrecht has outlines: a schematic map, and it says so.
    assert "schematische kaart" in page(client).lower()


def test_the_maps_counts_follow_the_filters(client, world: World):
    svg = the_map(page(client, "thema=other"))
    assert count_on_map(svg, "zuid") == 1
    assert count_on_map(svg, "overvecht") == 0
    assert count_on_map(svg, "west") == 0


def test_a_region_without_outlines_gets_a_grid_of_its_districts(client, db):
    region = RegionFactory.create(name="Amersfoort")
    for name in ("Centrum", "Noord", "Vathorst"):
        DistrictFactory.create(region=region, name=name)
    NetworkFactory.create(name="LN Vathorst", district=region.districts.get(slug="vathorst"))
    content = client.get(reverse("public:region", args=["amersfoort"])).content.decode()
    svg = the_map(content)
    assert set(areas(svg)) == {"centrum", "noord", "vathorst"}
    assert count_on_map(svg, "vathorst") == 1
    assert "geen kaart" in content


def test_the_overview_of_an_unknown_region_is_not_found(client, db):
    assert client.get(reverse("public:region", args=["nergens"])).status_code == 404


def test_one_region_sends_the_visitor_straight_to_it(client, db):
    assert Region.objects.count() == 1
    response = client.get(reverse("public:overview"))
    assert response.status_code == 302 and response.url == OVERVIEW


def test_an_unpublished_result_is_not_counted(client, world: World):
    content = page(client)
    assert SECRET not in content
    card = content[content.index(">LN Overvecht<") :]
    card = card[: card.index("</article>")]
    assert "1 gepubliceerd resultaat" in card


@pytest.mark.parametrize("networks_per_district", [1, 3])
def test_the_overview_reads_in_a_fixed_number_of_queries(client, utrecht, networks_per_district):
    for district in utrecht.districts.all():
        for _ in range(networks_per_district):
            network = NetworkFactory.create(district=district)
            add_member(network, UserFactory.create(), role="facilitator")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{OVERVIEW}?organisatie=daycare&fase=preparing")
    assert response.status_code == 200
    # The region, its districts and focus areas (the filters' choices), the networks.
    assert len(queries) == 4, [q["sql"] for q in queries]
