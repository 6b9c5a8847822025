"""Knowledge offers: kept by the organisation's managers and the region's coordinators, shown
to the public once published, per district and focus area, with a contact form that mails the
contact person without showing the address."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from lerendnetwerk.core.tests.factories import OrganisationFactory, UserFactory, login
from lerendnetwerk.knowledge import selectors
from lerendnetwerk.knowledge.models import KnowledgeOffer
from lerendnetwerk.themes import services as framework_services
from lerendnetwerk.themes.models import FocusArea

from .conftest import offer_for

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Spelbegeleiding in de hoeken",
    "description": "Onze leerkrachten laten zien hoe zij spel begeleiden.",
    "contact_name": "Sanne de Vries",
    "contact_role": "Bouwcoördinator",
    "contact_email": "Sanne.de.Vries@Example.org",
    "status": "published",
}


def test_a_manager_adds_an_offer_of_their_own_organisation(manager, play_area):
    client = login(manager)
    page = client.get(reverse("knowledge:offer_create")).content.decode()
    # One organisation to choose from: the manager's own.
    assert manager.organisation.name in page
    response = client.post(
        reverse("knowledge:offer_create"),
        {**FORM, "organisation": manager.organisation.pk, "focus_areas": [play_area.pk]},
    )
    assert response.status_code == 302
    offer = KnowledgeOffer.objects.get()
    assert offer.organisation == manager.organisation
    assert offer.contact_email == "sanne.de.vries@example.org"
    assert list(offer.focus_areas.all()) == [play_area]
    assert offer.created_by == offer.updated_by == manager
    assert FORM["title"] in client.get(reverse("knowledge:offers_manage")).content.decode()


def test_a_manager_cannot_add_an_offer_for_another_organisation(manager, district):
    other = OrganisationFactory.create(district=district)
    response = login(manager).post(
        reverse("knowledge:offer_create"), {**FORM, "organisation": other.pk}
    )
    assert response.status_code == 200
    assert not KnowledgeOffer.objects.exists()


def test_a_coordinator_keeps_the_offers_of_the_region_but_not_of_another(
    coordinator, manager, offer
):
    client = login(coordinator)
    assert client.get(reverse("knowledge:offer_edit", args=[offer.pk])).status_code == 200
    elsewhere = OrganisationFactory.create()  # in a region of its own
    other = UserFactory.create(is_manager=True, organisation=elsewhere)
    foreign = offer_for(other)
    assert client.get(reverse("knowledge:offer_edit", args=[foreign.pk])).status_code == 403
    assert offer in selectors.offers_editable_by(user=coordinator)
    assert foreign not in selectors.offers_editable_by(user=coordinator)


def test_changing_an_offer_keeps_its_organisation_and_a_draft_leaves_the_public_page(
    client, manager, offer
):
    public = reverse("knowledge:offers", args=["utrecht"])
    assert offer.title in client.get(public).content.decode()
    response = login(manager).post(
        reverse("knowledge:offer_edit", args=[offer.pk]),
        {**FORM, "title": "Voorlezen", "status": "draft"},
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert (offer.title, offer.status) == ("Voorlezen", "draft")
    assert offer.organisation == manager.organisation
    assert "Voorlezen" not in client.get(public).content.decode()
    assert client.get(reverse("knowledge:offer", args=["utrecht", offer.pk])).status_code == 404


def test_a_manager_deletes_an_offer(manager, offer):
    client = login(manager)
    assert client.get(reverse("knowledge:offer_delete", args=[offer.pk])).status_code == 200
    response = client.post(reverse("knowledge:offer_delete", args=[offer.pk]))
    assert response["Location"] == reverse("knowledge:offers_manage")
    assert not KnowledgeOffer.objects.exists()


def test_an_offer_needs_a_title_a_description_and_a_contact(manager):
    response = login(manager).post(
        reverse("knowledge:offer_create"),
        {"organisation": manager.organisation.pk, "status": "published"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"title", "description", "contact_name", "contact_email"} <= set(errors)


def test_the_public_list_filters_by_district_and_focus_area(
    client, manager, offer, language_area, play_area, utrecht
):
    zuid = utrecht.districts.get(slug="zuid")
    school_manager = UserFactory.create(
        is_manager=True, organisation=OrganisationFactory.create(district=zuid)
    )
    play = offer_for(school_manager, title="Spelen in de hoeken", focus_areas=[play_area])
    offer_for(school_manager, title="Nog niet af", status="draft")
    url = reverse("knowledge:offers", args=["utrecht"])

    page = client.get(url).content.decode()
    assert offer.title in page and play.title in page
    assert "Nog niet af" not in page
    # Grouped per district, with the organisation and the focus areas.
    assert "Overvecht" in page and "Zuid" in page
    assert language_area.title in page

    by_district = client.get(url, {"wijk": zuid.pk}).content.decode()
    assert play.title in by_district and offer.title not in by_district
    by_area = client.get(url, {"thema": language_area.pk}).content.decode()
    assert offer.title in by_area and play.title not in by_area
    nothing = client.get(url, {"wijk": zuid.pk, "thema": language_area.pk})
    assert "Geen aanbod past bij deze filters" in nothing.content.decode()


def test_the_public_page_shows_the_contact_but_not_their_address_unless_they_agreed(
    client, manager, offer
):
    url = reverse("knowledge:offer", args=["utrecht", offer.pk])
    page = client.get(url).content.decode()
    assert "Petra Peuter" in page and "Pedagogisch coach" in page
    assert "petra.peuter@example.org" not in page
    offer.show_contact_email = True
    offer.save()
    assert "petra.peuter@example.org" in client.get(url).content.decode()


def test_the_contact_form_mails_the_contact_person(
    client, offer, django_capture_on_commit_callbacks
):
    url = reverse("knowledge:offer_contact", args=["utrecht", offer.pk])
    assert "petra.peuter@example.org" not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "name": "Kim Leerkracht",
                "email": "kim@example.org",
                "message": "Mag ik komen kijken?",
            },
        )
    assert response["Location"] == reverse("knowledge:offer", args=["utrecht", offer.pk])
    [message] = mail.outbox
    assert message.to == ["petra.peuter@example.org"]
    assert "Interactief voorlezen" in message.subject
    assert "Mag ik komen kijken?" in message.body
    assert "kim@example.org" in message.body


def test_the_contact_form_has_a_brake(client, offer, django_capture_on_commit_callbacks):
    url = reverse("knowledge:offer_contact", args=["utrecht", offer.pk])
    data = {"name": "Kim", "email": "kim@example.org", "message": "Hallo"}
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [client.post(url, data).status_code for _ in range(5)]
    assert statuses == [302] * 3 + [429] * 2
    assert len(mail.outbox) == 3


def test_a_draft_cannot_be_contacted(client, manager):
    draft = offer_for(manager, status="draft")
    url = reverse("knowledge:offer_contact", args=["utrecht", draft.pk])
    assert client.get(url).status_code == 404


def test_the_manager_page_shows_the_organisations_offers(manager, offer):
    page = login(manager).get(reverse("pages:manager")).content.decode()
    assert reverse("knowledge:offer_edit", args=[offer.pk]) in page
    assert reverse("knowledge:offer_create") in page


def test_a_region_with_its_own_framework_offers_its_own_focus_areas(
    client, manager, utrecht, language_area
):
    """Utrecht keeps its own copy of the UKK: the offer's focus areas, the form and the filter
    come from that copy, a retired one no longer; the shared areas are refused."""
    framework = framework_services.framework_copy_for_region(region=utrecht)
    own = FocusArea.objects.get(chapter__framework=framework, title=language_area.title)
    retired = FocusArea.objects.get(chapter__framework=framework, title="Spel en ontwikkeling")
    framework_services.focus_area_retire(focus_area=retired)

    form = login(manager).get(reverse("knowledge:offer_create")).context["form"]
    offered = {pk for pk, _title in form.fields["focus_areas"].choices}
    assert own.pk in offered
    assert language_area.pk not in offered and retired.pk not in offered
    with pytest.raises(ValidationError):
        offer_for(manager, focus_areas=[language_area])
    offer = offer_for(manager, focus_areas=[own])
    page = client.get(reverse("knowledge:offers", args=["utrecht"]), {"thema": own.pk})
    assert offer.title in page.content.decode()
    assert page.content.decode().count(f">{own.title}</option>") == 1
