"""The public site's lists are cached for everyone until what they show changes."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lerendnetwerk.core.tests.factories import OrganisationFactory, UserFactory, add_member
from lerendnetwerk.networks import services
from lerendnetwerk.networks.models import Network
from lerendnetwerk.networks.tests.test_services_phases import record_all_prerequisites
from lerendnetwerk.showcases import services as showcase_services

from .world import World, publish

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("public:region", args=["utrecht"])
THEMES = reverse("public:themes", args=["utrecht"])
GOOD_PRACTICE = reverse("public:good_practice", args=["utrecht"])


def card(client: Client, network: Network) -> str:
    """The text of the network's card on the overview."""
    content: str = client.get(OVERVIEW).content.decode()
    start = content.index(f">{network.name}<")
    return content[start : content.index("</article>", start)]


def queries_of(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", [OVERVIEW, f"{OVERVIEW}?fase=development", THEMES, GOOD_PRACTICE])
def test_a_second_visit_reads_nothing(client, world: World, path):
    """The region is kept too, until something shared changes (regions/selectors.py)."""
    client.get(path)
    assert queries_of(client, path) == 0


def test_a_phase_move_shows_at_once(
    client, network, facilitator, manager, django_capture_on_commit_callbacks
):
    assert "Verkenning" not in card(client, network)
    with django_capture_on_commit_callbacks(execute=True):
        record_all_prerequisites(network, facilitator, manager)
        services.network_move_phase(network=network, to_phase="exploration", moved_by=facilitator)
    assert "Verkenning" in card(client, network)
    assert "Verkenning" in client.get(f"{OVERVIEW}?fase=exploration").content.decode()


def test_a_new_name_and_a_new_organisation_show_at_once(
    client, network, facilitator, django_capture_on_commit_callbacks
):
    before = card(client, network)
    with django_capture_on_commit_callbacks(execute=True):
        network.name = "LN Overvecht Samen"
        network.save()
        add_member(network, UserFactory.create(organisation=OrganisationFactory.create()))
    after = card(client, network)
    assert after.startswith(">LN Overvecht Samen")
    assert after != before


def test_publishing_shows_at_once_everywhere(
    client, world: World, django_capture_on_commit_callbacks
):
    for path in (OVERVIEW, THEMES, GOOD_PRACTICE):
        client.get(path)
    with django_capture_on_commit_callbacks(execute=True):
        showcase_services.showcase_publish(
            showcase=world.unpublished, published_by=world.facilitator
        )
        publish(world.play, world.facilitator, "Nieuw spelidee")
    assert "2 gepubliceerde resultaten" in card(client, world.language)
    assert "Nieuw spelidee" in client.get(THEMES).content.decode()
    assert "Nieuw spelidee" in client.get(GOOD_PRACTICE).content.decode()


def test_a_language_has_its_own_cached_overview(client, network, facilitator):
    assert "Theme" not in card(client, network)
    english = client.get(OVERVIEW.replace("/", "/en/", 1))
    assert "Theme" in english.content.decode()


def test_logging_in_does_not_throw_the_overview_away(
    client, network, facilitator, django_capture_on_commit_callbacks
):
    client.get(OVERVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        facilitator.save(update_fields=["last_login"])
    assert queries_of(client, OVERVIEW) == 0


def test_an_odd_query_string_is_answered_but_not_shared(client, world: World):
    """Other parameters would end up in the links of the cached page that others get."""
    odd = f"{OVERVIEW}?fase=development&utm_source=nieuwsbrief"
    content = client.get(odd).content.decode()
    assert "utm_source" in content  # the links keep what this visitor sent
    # Kept as a page of its own address only (core/pagecache.py), never in the shared fragments.
    queries_of(client, odd)
    clean = client.get(f"{OVERVIEW}?fase=development").content.decode()
    assert "utm_source" not in clean
