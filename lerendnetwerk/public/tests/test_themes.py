"""The themes page: the focus areas the networks work on, with their networks and good
practice, and the themes of their own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lerendnetwerk.themes.models import FocusArea

from .world import LANGUAGE, PLAY, SECRET, World, choose_theme

pytestmark = pytest.mark.django_db
THEMES = reverse("public:themes", args=["utrecht"])


def section(content: str, anchor: str) -> str:
    start = content.index(f'id="{anchor}"')
    end = content.find("</section>", start)
    return content[start:end]


def test_each_focus_area_in_use_with_its_networks_and_good_practice(client, world: World):
    content = client.get(THEMES).content.decode()
    language = FocusArea.objects.get(title=LANGUAGE)
    play = FocusArea.objects.get(title=PLAY)
    language_part = section(content, f"thema-{language.pk}")
    assert "LN Overvecht" in language_part
    assert "Voorleesochtend in Overvecht" in language_part
    assert "LN West Spel" not in language_part
    play_part = section(content, f"thema-{play.pk}")
    assert "LN West Spel" in play_part and "De spelhoek die meegroeit" in play_part
    # A link to all good practice on the theme, filtered.
    assert f"{reverse('public:good_practice', args=['utrecht'])}?thema={play.pk}" in play_part
    # The network with a theme of its own.
    assert "LN Zuid Samen" in section(content, "thema-other")
    # The UKK's chapters head their focus areas; focus areas nobody works on are left out.
    assert "UKK hoofdstuk 1" in content
    assert "Warme overdracht kinderopvang" not in content


def test_no_unpublished_result_on_the_themes_page(client, world: World):
    assert SECRET not in client.get(THEMES).content.decode()


def test_a_result_belongs_to_the_theme_of_the_cycle_it_was_made_in(client, world: World):
    # West starts a new cycle on language; what it made on play stays with play.
    lead = world.play.memberships.get().user
    world.play.current_cycle = world.play.cycles.create(number=2)
    world.play.save()
    choose_theme(world.play, lead, "Taal in de huishoek", FocusArea.objects.get(title=LANGUAGE))
    content = client.get(THEMES).content.decode()
    play_part = section(content, f"thema-{FocusArea.objects.get(title=PLAY).pk}")
    networks, good_practice = play_part.split('class="utrecht-heading-4"')[1:3]
    assert "De spelhoek die meegroeit" in good_practice
    assert "LN West Spel" not in networks
    language_part = section(content, f"thema-{FocusArea.objects.get(title=LANGUAGE).pk}")
    assert "LN West Spel" in language_part


def test_the_page_reads_in_a_fixed_number_of_queries(client, world: World):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(THEMES).status_code == 200
    # Region, districts and focus areas (the choices), networks, results.
    assert len(queries) == 5, [q["sql"] for q in queries]
    with CaptureQueriesContext(connection) as queries:
        client.get(THEMES)
    assert len(queries) == 0
