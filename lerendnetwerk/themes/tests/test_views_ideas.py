"""The idea wall with plain forms: post, mark, comment, group and promote."""

import pytest
from django.urls import reverse

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.networks.models import Network
from lerendnetwerk.themes import services
from lerendnetwerk.themes.models import Idea, IdeaComment, IdeaMark, ThemeProposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(network: Network, participant: User) -> Idea:
    return services.idea_post(network=network, author=participant, text="Samen voorlezen")


def wall(network: Network) -> str:
    return reverse("themes:idea_wall", args=[network.slug])


def test_posting_an_idea(network, participant):
    response = login(participant).post(wall(network), {"text": "Ouders op de groep"})
    assert response["Location"] == wall(network)
    assert Idea.objects.get().text == "Ouders op de groep"


def test_a_too_long_idea_keeps_its_text(network, participant):
    text = "lang " * 60
    response = login(participant).post(wall(network), {"text": text})
    assert response.status_code == 200
    assert text.strip() in response.content.decode()
    assert "id_text_error" in response.content.decode()
    assert not Idea.objects.exists()


def test_the_others_mark_an_idea_and_can_change_their_mark(network, idea, colleague, participant):
    client = login(colleague)
    url = reverse("themes:idea_mark", args=[network.slug, idea.pk])
    assert client.post(url, {"feasible": "yes"}).status_code == 302
    assert client.post(url, {"feasible": "no"}).status_code == 302
    assert list(IdeaMark.objects.values_list("feasible", flat=True)) == [False]
    page = client.get(wall(network)).content.decode()
    assert "feasible: 0, not feasible: 1" in page
    # The author sees no buttons on their own idea, and a forged post is refused politely.
    own = login(participant)
    assert url not in own.get(wall(network)).content.decode()
    refused = own.post(url, {"feasible": "yes"}, follow=True)
    assert "utrecht-alert--error" in refused.content.decode()
    assert IdeaMark.objects.count() == 1


def test_a_bad_mark_is_refused_with_a_message(network, idea, colleague):
    response = login(colleague).post(
        reverse("themes:idea_mark", args=[network.slug, idea.pk]),
        {"feasible": "maybe"},
        follow=True,
    )
    assert "utrecht-alert--error" in response.content.decode()
    assert not IdeaMark.objects.exists()


def test_commenting_and_an_empty_comment_shows_its_error_at_the_idea(network, idea, colleague):
    client = login(colleague)
    url = reverse("themes:idea_comment", args=[network.slug, idea.pk])
    response = client.post(url, {f"idea-{idea.pk}-text": "Goed idee!"})
    assert response.status_code == 302
    assert IdeaComment.objects.get().text == "Goed idee!"
    response = client.post(url, {f"idea-{idea.pk}-text": "   "})
    assert response.status_code == 200
    assert f"id_idea-{idea.pk}-text_error" in response.content.decode()


def test_buttons_have_unique_accessible_names(network, participant, colleague):
    for text in ("Voorlezen", "Ouderavond"):
        services.idea_post(network=network, author=participant, text=text)
    page = login(colleague).get(wall(network)).content.decode()
    assert 'Feasible<span class="ln-visually-hidden">: Voorlezen</span>' in page
    assert 'Feasible<span class="ln-visually-hidden">: Ouderavond</span>' in page


def test_the_facilitator_turns_an_idea_into_a_proposal(network, idea, facilitator):
    client = login(facilitator)
    url = reverse("themes:idea_to_proposal", args=[network.slug, idea.pk])
    assert 'value="Samen voorlezen"' in client.get(url).content.decode()
    bad = client.post(url, {"title": "Samen voorlezen", "why": ""})
    assert bad.status_code == 200 and "id_why_error" in bad.content.decode()
    response = client.post(url, {"title": "Samen voorlezen", "why": "Ouders lezen weinig voor."})
    assert response["Location"] == reverse("themes:overview", args=[network.slug])
    idea.refresh_from_db()
    assert idea.proposal == ThemeProposal.objects.get()
    again = client.post(url, {"title": "Nog eens", "why": "W"})
    assert again.status_code == 200 and "already" in again.content.decode()


def test_ideas_of_another_network_are_not_found(network, facilitator, outsider):
    other = outsider.memberships.get().network
    foreign = services.idea_post(network=other, author=outsider, text="Elders")
    url = reverse("themes:idea_group", args=[network.slug, foreign.pk])
    assert login(facilitator).post(url, {}).status_code == 404
