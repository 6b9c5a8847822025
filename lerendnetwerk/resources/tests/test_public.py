"""The public library: the list with its filters, a resource's page, the consent before a
third-party player, and the resources next to the Handbook's phases and entries."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.regions.models import Region
from lerendnetwerk.resources.models import Resource
from lerendnetwerk.themes.models import FocusArea

from .conftest import add
from .files import MP4, WEBVTT, upload

pytestmark = pytest.mark.django_db


def detail_url(resource: Resource) -> str:
    return reverse("resources:detail", args=[resource.region.slug, resource.pk])


def index(client: Client, **query: str) -> str:
    return client.get(reverse("resources:index", args=["utrecht"]), query).content.decode()


def test_the_list_shows_published_resources_only(client, utrecht, coordinator, film):
    add(utrecht, coordinator, title="Nog niet klaar", publish=False)
    page = index(client)
    assert film.title in page
    assert "Nog niet klaar" not in page


def test_the_list_filters_by_phase_kind_and_focus_area(
    client, utrecht, coordinator, film, language_area
):
    add(
        utrecht,
        coordinator,
        title="Artikel over borgen",
        kind="article",
        url="https://example.org/borgen.pdf",
        phases=["anchoring"],
    )
    assert "Artikel over borgen" not in index(client, fase="exploration")
    assert film.title in index(client, fase="exploration")
    assert film.title not in index(client, fase="anchoring")
    assert film.title not in index(client, soort="article")
    assert "Artikel over borgen" in index(client, soort="article")
    by_theme = index(client, thema=str(language_area.pk))
    assert film.title in by_theme and "Artikel over borgen" not in by_theme
    # A bad filter value is ignored rather than an error.
    assert film.title in index(client, fase="zomaar")


def test_the_list_is_paged(client, utrecht, coordinator):
    for number in range(23):
        add(utrecht, coordinator, title=f"Film {number:02d}")
    first = index(client)
    assert "Film 19" in first and "Film 20" not in first
    assert "Film 22" in index(client, pagina="2")


def test_the_home_goes_to_the_only_region(client, utrecht):
    response = client.get(reverse("resources:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("resources:index", args=["utrecht"])


def test_a_second_region_makes_the_home_a_choice(client, utrecht):
    Region.objects.create(name="Amersfoort", slug="amersfoort")
    page = client.get(reverse("resources:home")).content.decode()
    assert reverse("resources:index", args=["amersfoort"]) in page


# --- A film on YouTube: no player before consent


def test_a_youtube_film_is_not_embedded_before_consent(client, film):
    response = client.get(detail_url(film))
    page = response.content.decode()
    assert "<iframe" not in page
    assert "youtube-nocookie" not in page
    assert "youtube" not in response["Content-Security-Policy"]
    # Title, description and the plain link are there; and a button to agree.
    assert film.title in page and "vertellen over hun netwerk" in page
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in page
    assert "Speel de film hier af" in page


def test_after_consent_the_privacy_enhanced_player_is_shown(client, film):
    response = client.post(reverse("resources:consent", args=["utrecht", film.pk]))
    assert response.status_code == 302
    assert response["Location"].endswith("#speler")
    response = client.get(detail_url(film))
    page = response.content.decode()
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in page
    policy = response["Content-Security-Policy"]
    assert "frame-src 'self' https://www.youtube-nocookie.com" in policy
    assert "vimeo" not in policy
    # Other pages keep the site's own policy.
    assert "youtube" not in client.get(index_url())["Content-Security-Policy"]
    # And the visitor can withdraw.
    client.post(reverse("resources:consent", args=["utrecht", film.pk]), {"withdraw": "1"})
    assert "<iframe" not in client.get(detail_url(film)).content.decode()


def index_url() -> str:
    return reverse("resources:index", args=["utrecht"])


def test_consent_for_youtube_is_no_consent_for_vimeo(client, utrecht, coordinator, film):
    vimeo = add(utrecht, coordinator, title="Vimeo-film", url="https://vimeo.com/76979871")
    client.post(reverse("resources:consent", args=["utrecht", film.pk]))
    assert "<iframe" not in client.get(detail_url(vimeo)).content.decode()
    client.post(reverse("resources:consent", args=["utrecht", vimeo.pk]))
    page = client.get(detail_url(vimeo)).content.decode()
    assert 'src="https://player.vimeo.com/video/76979871?dnt=1"' in page


def test_another_link_is_just_a_link(client, utrecht, coordinator):
    article = add(
        utrecht, coordinator, title="Artikel", kind="article", url="https://example.org/a.pdf"
    )
    page = client.get(detail_url(article)).content.decode()
    assert 'href="https://example.org/a.pdf"' in page
    assert "Speel de film" not in page
    assert (
        client.post(reverse("resources:consent", args=["utrecht", article.pk])).status_code == 404
    )


def test_an_uploaded_film_plays_natively_with_captions(client, utrecht, coordinator):
    film = add(
        utrecht,
        coordinator,
        upload=upload("kring.mp4", MP4),
        captions=upload("kring.vtt", WEBVTT, "text/vtt"),
    )
    page = client.get(detail_url(film)).content.decode()
    assert "<video" in page and "<iframe" not in page
    assert '<track kind="captions"' in page
    assert 'srclang="nl"' in page
    assert reverse("resources:captions", args=["utrecht", film.pk]) in page
    captions = client.get(reverse("resources:captions", args=["utrecht", film.pk]))
    assert captions["Content-Type"] == "text/vtt; charset=utf-8"
    assert b"".join(captions.streaming_content).startswith(b"WEBVTT")


def test_an_unpublished_resource_is_not_found_by_the_public(
    client, utrecht, coordinator, facilitator
):
    waiting = add(utrecht, facilitator, title="Voorstel", publish=False)
    assert client.get(detail_url(waiting)).status_code == 404
    # The one who added it and the coordinators do see it, marked as not public.
    assert "Niet openbaar" in login(facilitator).get(detail_url(waiting)).content.decode()
    assert login(coordinator).get(detail_url(waiting)).status_code == 200


# --- Next to the Handbook


def test_the_phase_page_shows_its_films_and_resources(client, film, utrecht, coordinator):
    add(utrecht, coordinator, title="Alleen verankering", phases=["anchoring"])
    page = client.get(reverse("catalogue:stage", args=["verkenning"])).content.decode()
    assert "Films en bronnen" in page
    assert detail_url(film) in page
    assert "Alleen verankering" not in page
    # The prerequisites are no phase: nothing there.
    page = client.get(reverse("catalogue:stage", args=["randvoorwaarden"])).content.decode()
    assert "Films en bronnen" not in page


def test_the_entry_page_shows_its_resources(client, film, kijkwijzer: Entry):
    url = reverse("catalogue:entry", args=["verkenning", kijkwijzer.slug])
    page = client.get(url).content.decode()
    assert "Films en bronnen" in page and detail_url(film) in page


def test_the_handbook_links_its_resources_key_to_the_library(client, utrecht):
    from lerendnetwerk.catalogue.platform_pages import platform_links

    assert [link.url for link in platform_links(["resources"])] == [reverse("resources:home")]


# --- Query budgets at two data sizes


def _fill(region: Region, by: User, count: int, area: FocusArea, entry: Entry) -> None:
    for number in range(count):
        add(
            region,
            by,
            title=f"Bron {number}",
            phases=["exploration", "deepening"],
            focus_areas=[area],
            entries=[entry],
        )


@pytest.mark.parametrize("count", [5, 20])
def test_public_pages_read_in_a_fixed_number_of_queries(
    client, utrecht, coordinator, language_area, kijkwijzer, django_assert_max_num_queries, count
):
    _fill(utrecht, coordinator, count, language_area, kijkwijzer)
    resource = Resource.objects.order_by("pk").first()
    assert resource is not None
    # The catalogue's pages read one query more than without the library: one per section.
    pages = {
        index_url(): 6,
        index_url() + f"?fase=exploration&thema={language_area.pk}": 6,
        detail_url(resource): 5,
        reverse("catalogue:stage", args=["verkenning"]): 6,
        reverse("catalogue:entry", args=["verkenning", kijkwijzer.slug]): 3,
    }
    for url, budget in pages.items():
        with django_assert_max_num_queries(budget):
            assert client.get(url).status_code == 200


def test_the_cached_phase_page_shows_a_change_at_once(
    client, utrecht, coordinator, film, django_capture_on_commit_callbacks
):
    from lerendnetwerk.resources import services

    page = reverse("catalogue:stage", args=["verkenning"])
    assert film.title in client.get(page).content.decode()
    with CaptureQueriesContext(connection) as queries:
        client.get(page)
    assert len(queries) == 0
    with django_capture_on_commit_callbacks(execute=True):
        add(utrecht, coordinator, title="Nieuwe film", phases=["exploration"])
    assert "Nieuwe film" in client.get(page).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_reject(resource=film, reviewed_by=coordinator)
    assert film.title not in client.get(page).content.decode()
