"""A network's public page: what it is, its theme, its published good practice, its contact."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lerendnetwerk.core.tests.factories import add_member
from lerendnetwerk.showcases import services as showcase_services
from lerendnetwerk.themes.models import FocusArea

from .world import LANGUAGE, SECRET, World, publish

pytestmark = pytest.mark.django_db


def url(world: World, network=None) -> str:
    return reverse("public:network", args=["utrecht", (network or world.language).slug])


def test_the_page_shows_theme_focus_area_and_published_good_practice(client, world: World):
    content = client.get(url(world)).content.decode()
    assert "Woordenschat en voorlezen" in content
    # The focus area leads to its place on the themes page.
    area = FocusArea.objects.get(title=LANGUAGE)
    assert f"{reverse('public:themes', args=['utrecht'])}#thema-{area.pk}" in content
    assert LANGUAGE in content
    assert 'id="goede-praktijk"' in content
    assert "Voorleesochtend in Overvecht" in content
    assert reverse("showcases:public", args=["utrecht", world.language.slug]) in content


def test_an_unpublished_result_never_shows(client, world: World):
    content = client.get(url(world)).content.decode()
    assert SECRET not in content
    showcase_services.showcase_unpublish(showcase=world.published)
    content = client.get(url(world)).content.decode()
    assert "Voorleesochtend in Overvecht" not in content
    assert "nog geen resultaten gepubliceerd" in content


def test_the_facilitator_is_named_but_their_address_is_not_shown(client, world: World):
    content = client.get(url(world)).content.decode()
    assert world.facilitator.name in content
    assert world.facilitator.email not in content
    assert reverse("networks:contact", args=["utrecht", world.language.slug]) in content


def test_a_facilitator_who_agreed_shows_their_address(client, world: World):
    world.facilitator.show_email_publicly = True
    world.facilitator.save()
    assert world.facilitator.email in client.get(url(world)).content.decode()


def test_the_breadcrumb_leads_back_to_the_networks_district(client, world: World):
    content = client.get(url(world)).content.decode()
    assert f"{reverse('public:region', args=['utrecht'])}?wijk=overvecht#netwerken" in content


def test_a_network_of_another_region_or_none_is_not_found(client, world: World):
    assert (
        client.get(reverse("public:network", args=["elders", world.language.slug])).status_code
        == 404
    )
    assert client.get(reverse("public:network", args=["utrecht", "nergens"])).status_code == 404


@pytest.mark.parametrize("more", [0, 8])
def test_the_page_reads_in_a_fixed_number_of_queries(client, world: World, more):
    for n in range(more):
        publish(world.language, world.facilitator, f"Resultaat {n}")
        add_member(world.language)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(world))
    assert response.status_code == 200
    # Region, network, its organisations, its facilitators, its results.
    assert len(queries) == 5, [q["sql"] for q in queries]
