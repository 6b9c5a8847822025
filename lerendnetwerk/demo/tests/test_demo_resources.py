import io

import pytest
from django.core.management import call_command

from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.resources.models import Resource, ResourcePhase

pytestmark = pytest.mark.django_db


def test_utrecht_has_a_library_with_a_film_for_every_phase_and_suggestions():
    call_command("seed_demo", password="x-demo-123", stdout=io.StringIO())
    published = Resource.objects.filter(region__slug="utrecht", status="published")
    assert published.count() >= 10
    film_phases = set(
        ResourcePhase.objects.filter(resource__in=published.filter(kind="film")).values_list(
            "phase", flat=True
        )
    )
    assert film_phases == set(Phase.values)
    assert {"film", "article", "method", "website"} <= set(published.values_list("kind", flat=True))
    # Tagged with the Handbook's work forms and Utrecht's own focus areas.
    assert published.filter(entries__isnull=False).distinct().count() >= 8
    assert published.filter(focus_areas__chapter__framework__region__slug="utrecht").exists()
    assert all(resource.source and resource.description for resource in published)
    kartrekker = Resource.objects.filter(suggested_by__email="kartrekker@example.org")
    assert sorted(kartrekker.values_list("status", flat=True)) == ["rejected", "suggested"]
