"""The dot vote with plain forms: open, place stickers, close, see the ranking."""

import pytest
from django.urls import reverse

from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.networks.models import Network
from lerendnetwerk.themes import selectors, services
from lerendnetwerk.themes.models import DotVote

pytestmark = pytest.mark.django_db


def vote_url(network: Network, dot_vote: DotVote, name: str = "themes:vote") -> str:
    return reverse(name, args=[network.slug, dot_vote.pk])


def test_the_facilitator_opens_a_round_with_all_proposals_ticked(network, facilitator, proposals):
    client = login(facilitator)
    url = reverse("themes:vote_open", args=[network.slug])
    form = client.get(url).context["form"]
    assert [p.pk for p in form.fields["proposals"].initial] == [p.pk for p in proposals]
    response = client.post(
        url, {"proposals": [p.pk for p in proposals[:2]], "stickers_per_member": 5}
    )
    dot_vote = DotVote.objects.get()
    assert response["Location"] == vote_url(network, dot_vote)
    assert (dot_vote.stickers_per_member, dot_vote.proposals.count()) == (5, 2)


def test_a_bad_round_keeps_the_choices(network, facilitator, proposals):
    response = login(facilitator).post(
        reverse("themes:vote_open", args=[network.slug]),
        {"proposals": [proposals[0].pk], "stickers_per_member": 4},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "id_proposals_error" in page
    assert 'value="4"' in page
    assert not DotVote.objects.exists()


def test_placing_stickers_and_changing_them(network, participant, proposals, dot_vote):
    client = login(participant)
    a, b, c = proposals
    page = client.get(vote_url(network, dot_vote))
    assert f'name="proposal_{a.pk}"' in page.content.decode()
    data = {f"proposal_{a.pk}": 2, f"proposal_{b.pk}": 1, f"proposal_{c.pk}": 0}
    assert client.post(vote_url(network, dot_vote, "themes:vote_place"), data).status_code == 302
    data = {f"proposal_{a.pk}": 3, f"proposal_{b.pk}": 0, f"proposal_{c.pk}": 0}
    client.post(vote_url(network, dot_vote, "themes:vote_place"), data)
    assert selectors.member_stickers(dot_vote=dot_vote, member=participant) == {a.pk: 3}
    page = client.get(vote_url(network, dot_vote))
    assert page.context["form"].initial == {f"proposal_{a.pk}": 3}


@pytest.mark.parametrize(
    ("counts", "error"),
    [((2, 2, 0), "you placed 4"), ((4, 0, 0), "id_proposal_"), (("x", 0, 0), "id_proposal_")],
)
def test_too_many_stickers_are_refused_and_the_numbers_stay(
    network, participant, proposals, dot_vote, counts, error
):
    data = {f"proposal_{p.pk}": n for p, n in zip(proposals, counts, strict=True)}
    response = login(participant).post(vote_url(network, dot_vote, "themes:vote_place"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert error in page
    assert f'name="proposal_{proposals[0].pk}" value="{counts[0]}"' in page
    assert selectors.member_stickers(dot_vote=dot_vote, member=participant) == {}


def test_results_are_hidden_until_the_round_closes(
    network, participant, facilitator, proposals, dot_vote
):
    services.dot_vote_place(dot_vote=dot_vote, member=participant, stickers={proposals[1].pk: 3})
    page = login(participant).get(vote_url(network, dot_vote))
    assert page.context["results"] is None
    assert "<table" not in page.content.decode()
    login(facilitator).post(vote_url(network, dot_vote, "themes:vote_close"))
    page = login(participant).get(vote_url(network, dot_vote))
    ranking = page.context["results"].ranking
    assert (ranking[0].proposal, ranking[0].stickers) == (proposals[1], 3)
    assert page.context["form"] is None  # a closed round takes no stickers


def test_a_round_can_show_its_results_while_open(network, cycle, facilitator, proposals):
    dot_vote = services.dot_vote_open(
        cycle=cycle, opened_by=facilitator, proposals=proposals, show_results_while_open=True
    )
    page = login(facilitator).get(vote_url(network, dot_vote))
    assert page.context["results"] is not None


def test_voting_in_a_closed_round_gives_a_clear_message(network, participant, proposals, dot_vote):
    services.dot_vote_close(dot_vote=dot_vote)
    data = {f"proposal_{p.pk}": 1 for p in proposals}
    response = login(participant).post(
        vote_url(network, dot_vote, "themes:vote_place"), data, follow=True
    )
    page = response.content.decode()
    assert "utrecht-alert--error" in page and "closed" in page
    assert selectors.member_stickers(dot_vote=dot_vote, member=participant) == {}


def test_after_closing_the_facilitator_adopts_the_winner_from_the_ranking(
    network, cycle, facilitator, participant, proposals, dot_vote
):
    services.dot_vote_place(dot_vote=dot_vote, member=participant, stickers={proposals[2].pk: 2})
    client = login(facilitator)
    client.post(vote_url(network, dot_vote, "themes:vote_close"))
    page = client.get(vote_url(network, dot_vote)).content.decode()
    adopt = reverse("themes:adopt", args=[network.slug, proposals[2].pk])
    assert f'action="{adopt}"' in page
    client.post(adopt)
    cycle.refresh_from_db()
    assert cycle.theme == "Spel"


def test_readers_see_the_round_but_cannot_vote(
    network, manager, coordinator, participant, proposals, dot_vote
):
    network_services.manager_commitment_record(network=network, manager=manager, role="sponsor")
    for reader in (manager, coordinator):
        client = login(reader)
        page = client.get(vote_url(network, dot_vote))
        assert page.status_code == 200 and page.context["form"] is None
        data = {f"proposal_{p.pk}": 1 for p in proposals}
        assert (
            client.post(vote_url(network, dot_vote, "themes:vote_place"), data).status_code == 403
        )


def test_a_round_of_another_network_is_not_found(network, participant, outsider):
    other = outsider.memberships.get().network
    foreign = [
        services.theme_proposal_create(
            cycle=other.current_cycle, title=t, why="W", proposed_by=outsider
        )
        for t in "AB"
    ]
    from lerendnetwerk.core.tests.factories import add_member

    lead = add_member(other, role="facilitator")
    round_elsewhere = services.dot_vote_open(
        cycle=other.current_cycle, opened_by=lead, proposals=foreign
    )
    assert login(participant).get(vote_url(network, round_elsewhere)).status_code == 404
