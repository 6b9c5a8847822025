"""The theme page, proposing a theme and adopting one, with plain forms."""

import pytest
from django.urls import reverse

from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.themes import services
from lerendnetwerk.themes.models import Theme, ThemeProposal

pytestmark = pytest.mark.django_db


def test_a_member_proposes_a_theme_through_the_form(network, participant, focus_area):
    response = login(participant).post(
        reverse("themes:propose", args=[network.slug]),
        {"title": "Woordenschat", "why": "Kinderen missen woorden.", "focus_area": focus_area.pk},
    )
    assert response["Location"] == reverse("themes:overview", args=[network.slug])
    proposal = ThemeProposal.objects.get()
    assert (proposal.title, proposal.focus_area, proposal.proposed_by) == (
        "Woordenschat",
        focus_area,
        participant,
    )


def test_the_focus_areas_are_grouped_by_chapter(network, participant):
    page = login(participant).get(reverse("themes:propose", args=[network.slug]))
    groups = [label for label, _areas in page.context["form"].fields["focus_area"].choices[1:]]
    assert groups[0].startswith("1. ") and groups[-1].startswith("4. ")
    assert "<optgroup" in page.content.decode()


def test_a_bad_proposal_keeps_what_was_typed_and_says_why(network, participant):
    response = login(participant).post(
        reverse("themes:propose", args=[network.slug]),
        {"title": "Ouders", "why": "", "focus_area": "999999"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Ouders"' in page
    assert "id_why_error" in page and "id_focus_area_error" in page
    assert not ThemeProposal.objects.exists()


def test_the_overview_shows_the_adopted_theme_to_readers(
    network, cycle, facilitator, proposals, coordinator, manager
):
    network_services.manager_commitment_record(network=network, manager=manager, role="sponsor")
    services.theme_adopt(cycle=cycle, proposal=proposals[0], adopted_by=facilitator)
    for reader in (coordinator, manager):
        page = login(reader).get(reverse("themes:overview", args=[network.slug]))
        assert page.status_code == 200
        html = page.content.decode()
        assert "Woordenschat" in html and "Taalontwikkeling en woordenschat" in html
        # Readers read; they get no buttons and no links to the members' pages.
        assert reverse("themes:propose", args=[network.slug]) not in html
        assert 'action="/en/netwerken/' not in html


def test_the_facilitator_adopts_a_proposal_with_one_button(network, cycle, facilitator, proposals):
    client = login(facilitator)
    page = client.get(reverse("themes:overview", args=[network.slug])).content.decode()
    url = reverse("themes:adopt", args=[network.slug, proposals[1].pk])
    assert f'action="{url}"' in page
    response = client.post(url)
    assert response["Location"] == reverse("themes:overview", args=[network.slug])
    cycle.refresh_from_db()
    assert cycle.theme == "Warme overdracht"
    assert Theme.objects.get().proposal == proposals[1]


def test_adopting_while_a_round_is_open_is_refused_with_a_message(
    network, facilitator, proposals, dot_vote
):
    client = login(facilitator)
    response = client.post(
        reverse("themes:adopt", args=[network.slug, proposals[0].pk]), follow=True
    )
    assert "utrecht-alert--error" in response.content.decode()
    assert not Theme.objects.exists()


def test_a_proposal_of_another_network_is_not_found(network, facilitator, outsider):
    other = outsider.memberships.get().network
    foreign = services.theme_proposal_create(
        cycle=other.current_cycle, title="Elders", why="W", proposed_by=outsider
    )
    response = login(facilitator).post(reverse("themes:adopt", args=[network.slug, foreign.pk]))
    assert response.status_code == 404
