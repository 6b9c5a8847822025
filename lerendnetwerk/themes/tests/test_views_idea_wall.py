"""The idea wall as a wall: columns per group, moving cards by form and in the background."""

import pytest
from django.urls import reverse

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.networks.models import Network
from lerendnetwerk.themes import services
from lerendnetwerk.themes.models import Idea

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(network: Network, participant: User) -> Idea:
    return services.idea_post(network=network, author=participant, text="Samen voorlezen")


@pytest.fixture
def other_idea(network: Network, participant: User) -> Idea:
    return services.idea_post(network=network, author=participant, text="Ouderavond")


def wall(network: Network) -> str:
    return reverse("themes:idea_wall", args=[network.slug])


def move_url(network: Network, idea: Idea) -> str:
    return reverse("themes:idea_group", args=[network.slug, idea.pk])


def new_group(network: Network, idea: Idea, label: str) -> dict[str, object]:
    return {"group-new-label": label, "group-new-idea": idea.pk}


def labels() -> dict[str, str]:
    return dict(Idea.objects.values_list("text", "group_label"))


def test_the_facilitator_starts_a_group_and_moves_ideas_by_form(
    network, idea, other_idea, facilitator
):
    client = login(facilitator)
    response = client.post(
        reverse("themes:idea_group_new", args=[network.slug]), new_group(network, idea, " Ouders ")
    )
    assert response["Location"] == f"{wall(network)}#idea-{idea.pk}"
    response = client.post(move_url(network, other_idea), {f"idea-{other_idea.pk}-label": "Ouders"})
    assert response["Location"] == f"{wall(network)}#idea-{other_idea.pk}"
    assert labels() == {"Samen voorlezen": "Ouders", "Ouderavond": "Ouders"}
    page = client.get(wall(network)).content.decode()
    # A column for the group and one for ideas not in a group, which is now empty.
    assert 'data-group="Ouders"' in page and 'data-group=""' in page
    assert "No ideas in this column yet." in page
    assert 'Move<span class="ln-visually-hidden">: Ouderavond</span>' in page
    client.post(move_url(network, idea), {f"idea-{idea.pk}-label": ""})
    assert labels() == {"Samen voorlezen": "", "Ouderavond": "Ouders"}


def test_a_group_that_is_not_on_the_wall_cannot_be_chosen(network, idea, facilitator):
    client = login(facilitator)
    response = client.post(
        move_url(network, idea), {f"idea-{idea.pk}-label": "Verzonnen"}, follow=True
    )
    assert "no longer on the wall" in response.content.decode()
    assert labels() == {"Samen voorlezen": ""}


def test_the_script_moves_a_card_in_the_background(network, idea, other_idea, facilitator):
    client = login(facilitator)
    services.idea_group(idea=other_idea, label="Taal")
    json = {"Accept": "application/json"}
    response = client.post(move_url(network, idea), {f"idea-{idea.pk}-label": "Taal"}, headers=json)
    assert response.status_code == 200
    assert response.json() == {"status": "“Samen voorlezen” is now in: Taal."}
    assert labels()["Samen voorlezen"] == "Taal"
    refused = client.post(move_url(network, idea), {f"idea-{idea.pk}-label": "Weg"}, headers=json)
    assert refused.status_code == 400 and "Reload the wall" in refused.json()["status"]
    assert labels()["Samen voorlezen"] == "Taal"


def test_the_facilitator_renames_a_group(network, idea, other_idea, facilitator):
    client = login(facilitator)
    services.idea_group(idea=idea, label="Ouders")
    services.idea_group(idea=other_idea, label="Ouders")
    url = reverse("themes:idea_group_rename", args=[network.slug])
    page = client.get(wall(network)).content.decode()
    assert 'Rename<span class="ln-visually-hidden">: Ouders</span>' in page
    client.post(url, {"old": "Ouders", "label": "Ouders en school"})
    assert set(labels().values()) == {"Ouders en school"}
    gone = client.post(url, {"old": "Ouders", "label": "Anders"}, follow=True)
    assert "no longer on the wall" in gone.content.decode()
    assert set(labels().values()) == {"Ouders en school"}


def test_members_who_do_not_lead_and_outsiders_cannot_group(network, idea, participant, outsider):
    services.idea_group(idea=idea, label="Ouders")
    for person in (participant, outsider):
        client = login(person)
        assert (
            client.post(move_url(network, idea), {f"idea-{idea.pk}-label": ""}).status_code == 403
        )
        new = reverse("themes:idea_group_new", args=[network.slug])
        assert client.post(new, new_group(network, idea, "Nieuw")).status_code == 403
        rename = reverse("themes:idea_group_rename", args=[network.slug])
        assert client.post(rename, {"old": "Ouders", "label": "X"}).status_code == 403
    assert labels() == {"Samen voorlezen": "Ouders"}
    page = login(participant).get(wall(network)).content.decode()
    # Members see the wall's columns, without the controls or the script that moves cards.
    assert 'data-group="Ouders"' in page
    assert "idea_wall.js" not in page and "ln-idea__move" not in page


def test_the_script_is_self_hosted_and_carries_the_nonce(network, idea, facilitator):
    response = login(facilitator).get(wall(network))
    page = response.content.decode()
    assert '<script type="module" src="/static/themes/idea_wall.js" nonce="' in page
    nonce = page.split('idea_wall.js" nonce="')[1].split('"')[0]
    assert nonce and f"'nonce-{nonce}'" in response["Content-Security-Policy"]
