"""With htmx, placing stickers and marking ideas update the page in place; the same views
answer plain form posts (tested in test_views_voting and test_views_ideas)."""

import pytest
from django.urls import reverse

from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.themes import selectors, services

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def test_the_pages_load_htmx_from_our_own_static_files(network, participant, dot_vote):
    for url in (
        reverse("themes:vote", args=[network.slug, dot_vote.pk]),
        reverse("themes:idea_wall", args=[network.slug]),
    ):
        page = login(participant).get(url).content.decode()
        assert '<script src="/static/django_htmx/htmx-2.min.js"' in page
        assert '"includeIndicatorStyles": false' in page  # no inline styles: the CSP forbids them


def test_stickers_are_placed_in_place(network, participant, proposals, dot_vote):
    url = reverse("themes:vote_place", args=[network.slug, dot_vote.pk])
    data = {f"proposal_{p.pk}": n for p, n in zip(proposals, (2, 1, 0), strict=True)}
    response = login(participant).post(url, data, headers=HTMX)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<html" not in page
    assert 'id="stickers"' in page and 'id="vote-status" hx-swap-oob="innerHTML"' in page
    assert "Your stickers have been placed." in page
    assert "You have placed 3 of your 3 stickers" in page
    assert selectors.member_stickers(dot_vote=dot_vote, member=participant) == {
        proposals[0].pk: 2,
        proposals[1].pk: 1,
    }


def test_too_many_stickers_in_place_keep_the_numbers(network, participant, proposals, dot_vote):
    url = reverse("themes:vote_place", args=[network.slug, dot_vote.pk])
    data = {f"proposal_{p.pk}": n for p, n in zip(proposals, (2, 2, 0), strict=True)}
    response = login(participant).post(url, data, headers=HTMX)
    page = response.content.decode()
    assert response.status_code == 200 and "<html" not in page
    assert "you placed 4" in page and "utrecht-alert--error" in page
    assert f'name="proposal_{proposals[1].pk}" value="2"' in page
    assert selectors.member_stickers(dot_vote=dot_vote, member=participant) == {}


def test_open_results_update_along(network, cycle, facilitator, participant, proposals):
    dot_vote = services.dot_vote_open(
        cycle=cycle, opened_by=facilitator, proposals=proposals, show_results_while_open=True
    )
    url = reverse("themes:vote_place", args=[network.slug, dot_vote.pk])
    data = {f"proposal_{p.pk}": n for p, n in zip(proposals, (0, 0, 3), strict=True)}
    page = login(participant).post(url, data, headers=HTMX).content.decode()
    assert '<section id="results" aria-labelledby="results-heading" hx-swap-oob="true">' in page


def test_a_closed_round_sends_htmx_to_the_page(network, participant, proposals, dot_vote):
    services.dot_vote_close(dot_vote=dot_vote)
    url = reverse("themes:vote_place", args=[network.slug, dot_vote.pk])
    data = {f"proposal_{p.pk}": 1 for p in proposals}
    response = login(participant).post(url, data, headers=HTMX)
    assert response["HX-Redirect"] == reverse("themes:vote", args=[network.slug, dot_vote.pk])


def test_marking_an_idea_in_place(network, participant, colleague):
    idea = services.idea_post(network=network, author=participant, text="Voorleesontbijt")
    url = reverse("themes:idea_mark", args=[network.slug, idea.pk])
    response = login(colleague).post(url, {"feasible": "yes"}, headers=HTMX)
    page = response.content.decode()
    assert "<html" not in page and f'<article class="ln-card ln-idea" id="idea-{idea.pk}">' in page
    assert "feasible: 1, not feasible: 0" in page and "You marked it feasible." in page
    assert 'id="wall-status" hx-swap-oob="innerHTML">Your mark has been saved.' in page
    # A refusal in place says why, in the same status region.
    refused = login(participant).post(url, {"feasible": "yes"}, headers=HTMX).content.decode()
    assert "you cannot mark your own" in refused
