"""The dot vote: opening, placing stickers, closing and the ranking."""

import pytest
from django.core.exceptions import ValidationError

from lerendnetwerk.networks import services as network_services
from lerendnetwerk.networks.models import Membership
from lerendnetwerk.themes import selectors, services
from lerendnetwerk.themes.models import DotVote, DotVoteSticker

pytestmark = pytest.mark.django_db


def ranking(dot_vote: DotVote) -> list[tuple[int, str, int]]:
    results = selectors.dot_vote_results(dot_vote=dot_vote)
    return [(row.rank, row.proposal.title, row.stickers) for row in results.ranking]


def test_a_round_has_three_stickers_and_hidden_results_by_default(dot_vote, proposals):
    assert dot_vote.stickers_per_member == 3
    assert dot_vote.show_results_while_open is False
    assert set(dot_vote.proposals.all()) == set(proposals)


@pytest.mark.parametrize(
    ("how_many", "stickers", "field"),
    [
        (1, 3, "proposals"),
        (0, 3, "proposals"),
        (3, 0, "stickers_per_member"),
        (3, 11, "stickers_per_member"),
    ],
)
def test_bad_rounds_are_refused(cycle, facilitator, proposals, how_many, stickers, field):
    with pytest.raises(ValidationError) as refusal:
        services.dot_vote_open(
            cycle=cycle,
            opened_by=facilitator,
            proposals=proposals[:how_many],
            stickers_per_member=stickers,
        )
    assert field in refusal.value.error_dict
    assert not DotVote.objects.exists()


def test_one_open_round_per_cycle(cycle, facilitator, proposals, dot_vote):
    with pytest.raises(ValidationError, match="already open"):
        services.dot_vote_open(cycle=cycle, opened_by=facilitator, proposals=proposals)
    services.dot_vote_close(dot_vote=dot_vote)
    services.dot_vote_open(cycle=cycle, opened_by=facilitator, proposals=proposals[:2])
    assert DotVote.objects.count() == 2


def test_several_stickers_on_one_proposal_and_changing_them(dot_vote, proposals, participant):
    a, b, _c = proposals
    services.dot_vote_place(dot_vote=dot_vote, member=participant, stickers={a.pk: 3})
    assert selectors.member_stickers(dot_vote=dot_vote, member=participant) == {a.pk: 3}
    services.dot_vote_place(dot_vote=dot_vote, member=participant, stickers={a.pk: 1, b.pk: 2})
    assert selectors.member_stickers(dot_vote=dot_vote, member=participant) == {a.pk: 1, b.pk: 2}
    services.dot_vote_place(dot_vote=dot_vote, member=participant, stickers={a.pk: 0, b.pk: 0})
    assert not DotVoteSticker.objects.exists()


@pytest.mark.parametrize(
    ("stickers", "message"),
    [
        ({0: 2, 1: 2}, "you placed 4"),
        ({0: 4}, "you placed 4"),
        ({0: -1}, "below zero"),
        ({"other": 1}, "themes of this round"),
    ],
)
def test_refused_stickers_leave_the_earlier_ones(
    dot_vote, proposals, participant, cycle, stickers, message
):
    services.dot_vote_place(dot_vote=dot_vote, member=participant, stickers={proposals[2].pk: 1})
    other = services.theme_proposal_create(
        cycle=cycle, title="Niet op het stembiljet", why="W", proposed_by=participant
    )
    keys = {0: proposals[0].pk, 1: proposals[1].pk, "other": other.pk}
    with pytest.raises(ValidationError, match=message):
        services.dot_vote_place(
            dot_vote=dot_vote,
            member=participant,
            stickers={keys[key]: count for key, count in stickers.items()},
        )
    assert selectors.member_stickers(dot_vote=dot_vote, member=participant) == {proposals[2].pk: 1}


def test_only_members_vote(dot_vote, proposals, outsider):
    with pytest.raises(ValidationError, match="Only members"):
        services.dot_vote_place(dot_vote=dot_vote, member=outsider, stickers={proposals[0].pk: 1})


def test_a_closed_round_cannot_be_changed(dot_vote, proposals, participant):
    services.dot_vote_place(dot_vote=dot_vote, member=participant, stickers={proposals[0].pk: 2})
    services.dot_vote_close(dot_vote=dot_vote)
    with pytest.raises(ValidationError, match="closed"):
        services.dot_vote_place(
            dot_vote=dot_vote, member=participant, stickers={proposals[1].pk: 1}
        )
    with pytest.raises(ValidationError, match="already been closed"):
        services.dot_vote_close(dot_vote=dot_vote)
    assert selectors.member_stickers(dot_vote=dot_vote, member=participant) == {proposals[0].pk: 2}


def test_the_ranking_puts_most_stickers_first_and_shares_places(
    dot_vote, proposals, participant, facilitator, colleague
):
    a, b, c = proposals
    services.dot_vote_place(dot_vote=dot_vote, member=participant, stickers={a.pk: 2, b.pk: 1})
    services.dot_vote_place(dot_vote=dot_vote, member=facilitator, stickers={b.pk: 1, c.pk: 2})
    services.dot_vote_place(dot_vote=dot_vote, member=colleague, stickers={c.pk: 1})
    services.dot_vote_close(dot_vote=dot_vote)
    assert ranking(dot_vote) == [(1, "Spel", 3), (2, "Warme overdracht", 2), (2, "Woordenschat", 2)]
    results = selectors.dot_vote_results(dot_vote=dot_vote)
    assert (results.voters, results.stickers) == (3, 7)


def test_a_member_who_leaves_keeps_no_votes(dot_vote, proposals, participant, colleague):
    a, b, _c = proposals
    services.dot_vote_place(dot_vote=dot_vote, member=participant, stickers={a.pk: 3})
    services.dot_vote_place(dot_vote=dot_vote, member=colleague, stickers={b.pk: 1})
    network_services.membership_end(membership=Membership.objects.get(user=participant))
    # While open: not counted, and no more voting.
    assert ranking(dot_vote)[0] == (1, "Warme overdracht", 1)
    with pytest.raises(ValidationError):
        services.dot_vote_place(dot_vote=dot_vote, member=participant, stickers={a.pk: 1})
    # Closing removes them for good, so the closed ranking does not depend on later changes.
    services.dot_vote_close(dot_vote=dot_vote)
    assert not DotVoteSticker.objects.filter(member=participant).exists()
    assert selectors.dot_vote_results(dot_vote=dot_vote).stickers == 1


def test_a_member_who_leaves_after_the_close_stays_counted(dot_vote, proposals, participant):
    services.dot_vote_place(dot_vote=dot_vote, member=participant, stickers={proposals[0].pk: 3})
    services.dot_vote_close(dot_vote=dot_vote)
    network_services.membership_end(membership=Membership.objects.get(user=participant))
    assert selectors.dot_vote_results(dot_vote=dot_vote).stickers == 3


def test_deleting_accounts_does_not_change_a_closed_result(
    dot_vote, proposals, participant, facilitator, colleague
):
    a, b, c = proposals
    services.dot_vote_place(dot_vote=dot_vote, member=participant, stickers={a.pk: 2, b.pk: 1})
    services.dot_vote_place(dot_vote=dot_vote, member=facilitator, stickers={b.pk: 1, c.pk: 2})
    services.dot_vote_place(dot_vote=dot_vote, member=colleague, stickers={c.pk: 1})
    services.dot_vote_close(dot_vote=dot_vote)
    before = ranking(dot_vote)
    participant.delete()  # as the admin site's delete does
    colleague.delete()
    dot_vote.refresh_from_db()
    assert ranking(dot_vote) == before
    results = selectors.dot_vote_results(dot_vote=dot_vote)
    assert (results.voters, results.stickers) == (3, 7)


def test_a_deleted_account_keeps_no_votes_while_the_round_is_open(
    dot_vote, proposals, participant, colleague
):
    a, b, _c = proposals
    services.dot_vote_place(dot_vote=dot_vote, member=participant, stickers={a.pk: 3})
    services.dot_vote_place(dot_vote=dot_vote, member=colleague, stickers={b.pk: 1})
    participant.delete()
    assert selectors.dot_vote_results(dot_vote=dot_vote).stickers == 1
    services.dot_vote_close(dot_vote=dot_vote)
    results = selectors.dot_vote_results(dot_vote=dot_vote)
    assert (results.voters, results.stickers) == (1, 1)
