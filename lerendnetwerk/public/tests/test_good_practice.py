"""The good-practice overview: every published result of the region, filtered and paged."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lerendnetwerk.themes.models import FocusArea

from .world import LANGUAGE, PLAY, SECRET, World, publish

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("public:good_practice", args=["utrecht"])


def titles(client, query: str = "") -> list[str]:
    response = client.get(f"{OVERVIEW}?{query}")
    assert response.status_code == 200
    return re.findall(r'<h3 class="utrecht-heading-3">([^<]+)</h3>', response.content.decode())


def test_published_results_only_newest_first(client, world: World):
    assert titles(client) == ["De spelhoek die meegroeit", "Voorleesochtend in Overvecht"]
    assert SECRET not in client.get(OVERVIEW).content.decode()


def test_filters_by_theme_phase_and_district(client, world: World):
    play = FocusArea.objects.get(title=PLAY)
    language = FocusArea.objects.get(title=LANGUAGE)
    assert titles(client, f"thema={play.pk}") == ["De spelhoek die meegroeit"]
    assert titles(client, f"thema={language.pk}") == ["Voorleesochtend in Overvecht"]
    assert titles(client, "fase=development") == ["Voorleesochtend in Overvecht"]
    assert titles(client, "wijk=west") == ["De spelhoek die meegroeit"]
    assert titles(client, "wijk=west&fase=development") == []
    assert titles(client, "thema=other") == []


def test_a_result_links_to_its_networks_page(client, world: World):
    content = client.get(OVERVIEW).content.decode()
    assert (
        f"{reverse('public:network', args=['utrecht', world.play.slug])}#goede-praktijk" in content
    )


def test_long_lists_come_in_pages_that_keep_the_filters(client, world: World):
    for n in range(13):
        publish(world.play, world.facilitator, f"Spelidee {n:02}")
    first = titles(client, "wijk=west")
    assert len(first) == 12 and first[0] == "Spelidee 12"
    content = client.get(f"{OVERVIEW}?wijk=west").content.decode()
    assert "?wijk=west&amp;pagina=2" in content
    assert titles(client, "wijk=west&pagina=2") == ["Spelidee 00", "De spelhoek die meegroeit"]


@pytest.mark.parametrize("more", [0, 20])
def test_the_page_reads_in_a_fixed_number_of_queries(client, world: World, more):
    for n in range(more):
        publish(world.play, world.facilitator, f"Spelidee {n}")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"{OVERVIEW}?fase=deepening").status_code == 200
    # Region, the choices (districts, focus areas), the count and the page.
    assert len(queries) == 5, [q["sql"] for q in queries]
