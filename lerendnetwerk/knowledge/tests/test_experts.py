"""Experts: a profile the expert keeps herself (her expertise stays on her account), a public
directory of the profiles she made public, and a contact form that mails her without showing
her address."""

import pytest
from django.core import mail
from django.urls import reverse

from lerendnetwerk.core.tests.factories import UserFactory, login
from lerendnetwerk.knowledge import selectors
from lerendnetwerk.knowledge.models import ExpertProfile

from .conftest import profile_for

pytestmark = pytest.mark.django_db


def test_the_expert_fills_in_her_profile_and_her_expertise_stays_on_her_account(
    expert, utrecht, language_area
):
    client = login(expert)
    page = client.get(reverse("knowledge:expert_profile")).content.decode()
    # What the account already holds is the starting point.
    assert "Taalontwikkeling" in page
    response = client.post(
        reverse("knowledge:expert_profile"),
        {
            "expertise": "Interactief voorlezen en woordenschat",
            "institute": "Marnix Academie",
            "focus_areas": [language_area.pk],
            "regions": [utrecht.pk],
            "availability": "Dinsdagmiddag",
            "how_to_ask": "Vier weken vooraf",
            "is_public": "on",
        },
    )
    assert response["Location"] == reverse("knowledge:expert_home")
    expert.refresh_from_db()
    assert expert.expertise == "Interactief voorlezen en woordenschat"
    profile = ExpertProfile.objects.get(user=expert)
    assert profile.is_public and profile.workplace == "Marnix Academie"
    assert list(profile.regions.all()) == [utrecht]
    assert list(profile.focus_areas.all()) == [language_area]
    # The dashboard reads the same expertise and links to her page.
    dashboard = client.get(reverse("pages:dashboard")).content.decode()
    assert "Interactief voorlezen en woordenschat" in dashboard
    assert reverse("knowledge:expert_home") in dashboard


def test_a_public_profile_says_what_the_expertise_is(expert, utrecht):
    response = login(expert).post(
        reverse("knowledge:expert_profile"),
        {"expertise": "", "regions": [utrecht.pk], "is_public": "on"},
    )
    assert response.status_code == 200
    assert "expertise" in response.context["form"].errors
    assert not ExpertProfile.objects.exists()


def test_someone_who_is_no_expert_has_no_expert_pages(participant):
    client = login(participant)
    assert client.get(reverse("knowledge:expert_home")).status_code == 403
    assert client.get(reverse("knowledge:expert_profile")).status_code == 403


def test_the_directory_shows_public_profiles_of_current_experts_only(client, profile, utrecht):
    hidden = profile_for(
        UserFactory.create(name="Henk Verborgen", is_expert=True), utrecht, is_public=False
    )
    former = profile_for(UserFactory.create(name="Frits Vroeger", is_expert=True), utrecht)
    former.user.is_expert = False
    former.user.save()
    page = client.get(reverse("knowledge:experts", args=["utrecht"])).content.decode()
    assert "Eva Expert" in page and "Hogeschool Utrecht" in page
    assert "Henk Verborgen" not in page and "Frits Vroeger" not in page
    for gone in (hidden, former):
        url = reverse("knowledge:expert", args=["utrecht", gone.pk])
        assert client.get(url).status_code == 404
    assert list(selectors.public_experts(region=utrecht)) == [profile]
    # Facilitators can still ask the expert who is not public.
    assert {p.pk for p in selectors.experts_to_ask(region=utrecht)} == {profile.pk, hidden.pk}


def test_the_directory_filters_by_focus_area(client, profile, utrecht, play_area):
    profile_for(
        UserFactory.create(name="Sam Spel", is_expert=True), utrecht, focus_areas=[play_area]
    )
    url = reverse("knowledge:experts", args=["utrecht"])
    page = client.get(url, {"thema": play_area.pk}).content.decode()
    assert "Sam Spel" in page and "Eva Expert" not in page


def test_a_visitor_writes_to_an_expert_in_her_language_without_seeing_her_address(
    client, expert, profile, django_capture_on_commit_callbacks
):
    expert.language = "en"
    expert.save()
    detail = client.get(reverse("knowledge:expert", args=["utrecht", profile.pk])).content.decode()
    assert expert.email not in detail
    url = reverse("knowledge:expert_contact", args=["utrecht", profile.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"name": "Kim", "email": "kim@example.org", "message": "Komt u bij ons?"}
        )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [expert.email]
    assert "Message from Kim" in message.subject
    assert "Komt u bij ons?" in message.body


def test_the_expert_contact_form_has_a_brake_per_sender(
    client, profile, settings, django_capture_on_commit_callbacks
):
    settings.CONTACT_LIMIT_PER_SENDER_PER_NETWORK = 2
    url = reverse("knowledge:expert_contact", args=["utrecht", profile.pk])
    data = {"name": "Kim", "email": "kim@example.org", "message": "Hallo"}
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [client.post(url, data).status_code for _ in range(3)]
        other = client.post(url, data, REMOTE_ADDR="203.0.113.9").status_code
    assert statuses == [302, 302, 429]
    assert other == 302
    assert len(mail.outbox) == 3
