"""The main theme pages run a fixed number of queries, however many proposals, ideas, members,
questions or versions a network has: measured at two sizes, the counts are the same."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.core.tests.factories import add_member, login
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.themes import services

pytestmark = pytest.mark.django_db

# Budgets per page (the queries of login, session and the base layout included).
BUDGETS = {
    "overview": 12,
    "idea_wall": 12,
    "vote": 16,
    "goals": 16,
    "agenda": 12,
    "agreement": 13,
}


def grow(network, cycle, facilitator, n: int) -> None:
    """Add n of everything: members, proposals, ideas with marks and comments, goals, …"""
    members = [add_member(network) for _ in range(n)]
    proposals = [
        services.theme_proposal_create(
            cycle=cycle, title=f"Thema {network.pk}-{i}", why="W", proposed_by=m
        )
        for i, m in enumerate(members)
    ]
    for i, member in enumerate(members):
        idea = services.idea_post(network=network, author=member, text=f"Idee {i}")
        services.idea_group(idea=idea, label=f"Groep {i % 3}")
        services.idea_mark(idea=idea, member=facilitator, feasible=i % 2 == 0)
        services.idea_comment_add(idea=idea, author=facilitator, text="Mooi")
        services.personal_challenge_save(
            cycle=cycle, member=member, learning_goal="Doel", question="Vraag", is_shared=True
        )
        services.learning_question_propose(cycle=cycle, text=f"Vraag {i}", proposed_by=member)
        services.agreement_suggest(network=network, author=member, text=f"Regel {i}")
    goal = services.shared_goal_save(cycle=cycle, text="Gedeeld doel", edited_by=facilitator)
    for member in members:
        services.goal_comment_add(goal=goal, author=member, text="Eens")
    services.agreement_publish(
        network=network, text=f"Versie met {len(members)}", published_by=facilitator
    )
    starts = timezone.now() + timedelta(days=n)
    meeting = meeting_services.meeting_schedule(
        network=network,
        title=f"Bijeenkomst {n}",
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        address="Utrecht",
        created_by=facilitator,
    )
    services.learning_questions_mark_worked_on(
        meeting=meeting, questions=list(cycle.learning_questions.all())
    )
    for proposal in proposals:
        proposal.refresh_from_db()


def count(client, url: str, budget) -> int:
    with budget as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page_name", list(BUDGETS))
def test_pages_do_not_grow_with_the_network(
    network, cycle, facilitator, page_name, django_assert_max_num_queries
):
    grow(network, cycle, facilitator, 2)
    proposals = list(cycle.theme_proposals.all())
    dot_vote = services.dot_vote_open(
        cycle=cycle, opened_by=facilitator, proposals=proposals, show_results_while_open=True
    )
    client = login(facilitator)  # the facilitator sees the most: every plan, every button
    url = (
        reverse("themes:vote", args=[network.slug, dot_vote.pk])
        if page_name == "vote"
        else reverse(f"themes:{page_name}", args=[network.slug])
    )
    small = count(client, url, django_assert_max_num_queries(BUDGETS[page_name]))
    services.dot_vote_close(dot_vote=dot_vote)
    grow(network, cycle, facilitator, 12)
    dot_vote = services.dot_vote_open(
        cycle=cycle,
        opened_by=facilitator,
        proposals=cycle.theme_proposals.all(),
        show_results_while_open=True,
    )
    if page_name == "vote":
        url = reverse("themes:vote", args=[network.slug, dot_vote.pk])
    large = count(client, url, django_assert_max_num_queries(BUDGETS[page_name]))
    print(f"{page_name}: {small} queries with 2 of everything, {large} with 14")
    assert large == small
