"""Coordinators keep their region's library; facilitators suggest additions and follow them."""

import pytest
from django.core import mail
from django.urls import reverse

from lerendnetwerk.core.tests.factories import UserFactory, login
from lerendnetwerk.regions.models import Region
from lerendnetwerk.resources import selectors, services
from lerendnetwerk.resources.models import Resource
from lerendnetwerk.resources.services import ResourceData

from .conftest import add

pytestmark = pytest.mark.django_db


def form_data(**extra: str | list[str]) -> dict[str, object]:
    return {
        "title": "Kijken in elkaars groep",
        "kind": "film",
        "language": "nl",
        "description": "Een pedagogisch medewerker en een leerkracht bezoeken elkaar.",
        "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "minutes": "9",
        "source": "Gemeente Utrecht, 2023",
        "phases": ["deepening"],
        **extra,
    }


def test_a_coordinator_adds_and_publishes(utrecht, coordinator, language_area):
    client = login(coordinator)
    response = client.post(
        reverse("resources:create", args=["utrecht"]),
        form_data(focus_areas=[str(language_area.pk)], publish="1"),
    )
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert resource.is_published
    assert resource.reviewed_by == coordinator
    assert [phase.value for phase in resource.phases] == ["deepening"]
    assert list(resource.focus_areas.all()) == [language_area]
    assert resource.minutes == 9
    # Saved without publishing, it waits.
    client.post(reverse("resources:create", args=["utrecht"]), form_data(title="Later"))
    assert Resource.objects.get(title="Later").status == Resource.Status.SUGGESTED


def test_bad_input_keeps_what_was_typed(utrecht, coordinator):
    response = login(coordinator).post(
        reverse("resources:create", args=["utrecht"]), form_data(url="", title="Zonder adres")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Geef het webadres waar het staat" in page
    assert 'value="Zonder adres"' in page
    assert not Resource.objects.exists()


def test_a_facilitator_suggests_and_the_coordinators_hear_in_their_language(
    utrecht, facilitator, coordinator, django_capture_on_commit_callbacks
):
    english = UserFactory.create(name="Chris Coordinator", language="en")
    english.coordinator_of.add(utrecht)
    client = login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("resources:suggest", args=["utrecht"]), form_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("resources:suggestions")
    resource = Resource.objects.get()
    assert resource.status == Resource.Status.SUGGESTED
    assert resource.suggested_by == facilitator
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[coordinator.email] == "Voorstel voor de bibliotheek: “Kijken in elkaars groep”"
    assert subjects[english.email] == "Suggestion for the library: “Kijken in elkaars groep”"
    assert reverse("resources:manage", args=["utrecht"]) in mail.outbox[0].body
    assert "Fatima Kartrekker" in mail.outbox[0].body


def test_the_coordinator_sees_what_waits_and_decides(utrecht, facilitator, coordinator):
    suggestion = services.resource_suggest(
        region=utrecht,
        suggested_by=facilitator,
        data=ResourceData(kind="article", title="Artikel", url="https://example.org/a"),
    )
    client = login(coordinator)
    page = client.get(reverse("resources:manage", args=["utrecht"])).content.decode()
    assert "Eén voorstel wacht op je besluit." in page
    assert "Artikel" in page
    review = reverse("resources:review", args=["utrecht", suggestion.pk])
    response = client.post(review, {"decision": "reject", "note": "Staat al in de lijst."})
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == Resource.Status.REJECTED
    # The suggester reads the decision and the note.
    page = login(facilitator).get(reverse("resources:suggestions")).content.decode()
    assert "Niet opgenomen" in page and "Staat al in de lijst." in page
    client.post(review, {"decision": "publish"})
    suggestion.refresh_from_db()
    assert suggestion.is_published and suggestion.review_note == ""
    page = login(facilitator).get(reverse("resources:suggestions")).content.decode()
    assert "Gepubliceerd" in page


def test_the_coordinator_edits_and_deletes(utrecht, coordinator, film):
    client = login(coordinator)
    edit = reverse("resources:edit", args=["utrecht", film.pk])
    page = client.get(edit).content.decode()
    assert 'value="Een ochtend in de kring"' in page
    response = client.post(edit, form_data(title="Een ochtend in de kring (ingekort)"))
    assert response.status_code == 302
    film.refresh_from_db()
    assert film.title.endswith("(ingekort)")
    assert film.is_published  # a change keeps the status
    response = client.post(reverse("resources:delete", args=["utrecht", film.pk]))
    assert response.status_code == 302
    assert not Resource.objects.exists()


def test_only_the_regions_coordinators_keep_its_library(
    utrecht, film, facilitator, participant, outsider
):
    other = Region.objects.create(name="Amersfoort", slug="amersfoort")
    elsewhere = UserFactory.create(name="Andere Coördinator")
    elsewhere.coordinator_of.add(other)
    for person in (facilitator, participant, outsider, elsewhere):
        client = login(person)
        assert client.get(reverse("resources:manage", args=["utrecht"])).status_code == 403
        assert client.get(reverse("resources:edit", args=["utrecht", film.pk])).status_code == 403
    # Someone without a network to facilitate cannot suggest either.
    assert login(participant).get(reverse("resources:suggest", args=["utrecht"])).status_code == 403


def test_published_resources_is_a_queryset_for_a_search(utrecht, coordinator, film):
    add(utrecht, coordinator, title="Wacht", publish=False)
    assert list(selectors.published_resources()) == [film]
    assert selectors.published_resources(utrecht).filter(title__icontains="ochtend").count() == 1
