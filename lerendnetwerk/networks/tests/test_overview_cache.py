"""The public district overview is cached for everyone until what it shows changes."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lerendnetwerk.core.tests.factories import OrganisationFactory, UserFactory, add_member
from lerendnetwerk.networks import services
from lerendnetwerk.networks.models import Network

from .test_services_phases import record_all_prerequisites

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("networks:region", args=["utrecht"])


def card(client: Client, network: Network) -> str:
    """The text of the network's card on the overview."""
    content: str = client.get(OVERVIEW).content.decode()
    start = content.index(network.name)
    return content[start : content.index("</article>", start)]


def test_a_second_visit_reads_only_the_region(client, network, facilitator):
    client.get(OVERVIEW)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(OVERVIEW)
    assert network.name in response.content.decode()
    assert len(queries) == 1, [q["sql"] for q in queries]


def test_a_phase_move_shows_at_once(
    client, network, facilitator, manager, django_capture_on_commit_callbacks
):
    assert "Verkenning" not in card(client, network)
    with django_capture_on_commit_callbacks(execute=True):
        record_all_prerequisites(network, facilitator, manager)
        services.network_move_phase(network=network, to_phase="exploration", moved_by=facilitator)
    assert "Verkenning" in card(client, network)


def test_a_new_name_and_a_new_organisation_show_at_once(
    client, network, facilitator, django_capture_on_commit_callbacks
):
    before = card(client, network)
    with django_capture_on_commit_callbacks(execute=True):
        network.name = "LN Overvecht Samen"
        network.save()
        add_member(network, UserFactory.create(organisation=OrganisationFactory.create()))
    after = card(client, network)
    assert after.startswith("LN Overvecht Samen")
    assert after != before


def test_a_language_has_its_own_cached_overview(client, network, facilitator):
    assert "Theme" not in card(client, network)
    english = client.get(reverse("networks:region", args=["utrecht"]).replace("/", "/en/", 1))
    assert "Theme" in english.content.decode()


def test_logging_in_does_not_throw_the_overview_away(
    client, network, facilitator, django_capture_on_commit_callbacks
):
    client.get(OVERVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        facilitator.save(update_fields=["last_login"])
    with CaptureQueriesContext(connection) as queries:
        client.get(OVERVIEW)
    assert len(queries) == 1


def test_the_network_page_shows_the_phase_questions_of_the_current_catalogue(
    network, facilitator, manager, django_capture_on_commit_callbacks
):
    from lerendnetwerk.catalogue.models import Topic
    from lerendnetwerk.core.tests.factories import login

    with django_capture_on_commit_callbacks(execute=True):
        record_all_prerequisites(network, facilitator, manager)
        services.network_move_phase(network=network, to_phase="exploration", moved_by=facilitator)
    client = login(facilitator)
    page = reverse("pages:network", args=[network.slug])
    topic = Topic.objects.filter(stage="exploration").first()
    assert topic is not None
    assert topic.title in client.get(page).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        topic.title = "Wat willen we samen leren?"
        topic.save()
    assert "Wat willen we samen leren?" in client.get(page).content.decode()
