"""Theme proposals, the idea wall and adopting the cycle's theme."""

import pytest
from django.core.exceptions import ValidationError

from lerendnetwerk.networks import services as network_services
from lerendnetwerk.networks.models import Membership
from lerendnetwerk.themes import services
from lerendnetwerk.themes.models import Idea, IdeaMark, QualityFramework, Theme, ThemeProposal

pytestmark = pytest.mark.django_db


def test_a_member_proposes_a_theme_with_a_focus_area(cycle, participant, focus_area):
    proposal = services.theme_proposal_create(
        cycle=cycle,
        title="  Woordenschat  ",
        why="Veel kinderen missen woorden.",
        proposed_by=participant,
        focus_area=focus_area,
    )
    assert (proposal.title, proposal.focus_area) == ("Woordenschat", focus_area)


@pytest.mark.parametrize(
    ("title", "why", "fields"),
    [
        ("", "Omdat", {"title"}),
        ("Thema", "   ", {"why"}),
        ("", "", {"title", "why"}),
        ("x" * 201, "Omdat", {"title"}),
    ],
)
def test_a_proposal_needs_a_title_and_a_reason(cycle, participant, title, why, fields):
    with pytest.raises(ValidationError) as refusal:
        services.theme_proposal_create(cycle=cycle, title=title, why=why, proposed_by=participant)
    assert set(refusal.value.error_dict) == fields
    assert not ThemeProposal.objects.exists()


def test_only_members_propose(cycle, outsider):
    with pytest.raises(ValidationError):
        services.theme_proposal_create(cycle=cycle, title="T", why="W", proposed_by=outsider)


def test_focus_areas_of_an_old_framework_are_refused(cycle, participant, focus_area):
    QualityFramework.objects.update(is_active=False)
    with pytest.raises(ValidationError) as refusal:
        services.theme_proposal_create(
            cycle=cycle, title="T", why="W", proposed_by=participant, focus_area=focus_area
        )
    assert "focus_area" in refusal.value.error_dict


def test_adopting_sets_the_cycle_theme_and_keeps_the_link(cycle, facilitator, proposals):
    theme = services.theme_adopt(cycle=cycle, proposal=proposals[0], adopted_by=facilitator)
    cycle.refresh_from_db()
    assert cycle.theme == "Woordenschat"
    assert (theme.proposal, theme.focus_area) == (proposals[0], proposals[0].focus_area)
    # Adopting another replaces the choice: one theme per cycle.
    services.theme_adopt(cycle=cycle, proposal=proposals[1], adopted_by=facilitator)
    cycle.refresh_from_db()
    assert cycle.theme == "Warme overdracht"
    assert Theme.objects.get().proposal == proposals[1]


def test_no_adopting_while_a_round_is_open(cycle, facilitator, proposals, dot_vote):
    with pytest.raises(ValidationError, match="Close the dot vote"):
        services.theme_adopt(cycle=cycle, proposal=proposals[0], adopted_by=facilitator)
    assert not Theme.objects.exists()


def test_no_adopting_a_proposal_of_another_cycle(cycle, facilitator, proposals, outsider):
    other_cycle = outsider.memberships.get().network.current_cycle
    with pytest.raises(ValidationError):
        services.theme_adopt(cycle=other_cycle, proposal=proposals[0], adopted_by=facilitator)


@pytest.mark.parametrize(
    ("text", "ok"), [("Samen voorlezen", True), ("  ", False), ("x" * 281, False)]
)
def test_posting_an_idea(network, participant, text, ok):
    if ok:
        assert services.idea_post(network=network, author=participant, text=text).text == text
    else:
        with pytest.raises(ValidationError) as refusal:
            services.idea_post(network=network, author=participant, text=text)
        assert "text" in refusal.value.error_dict


def test_one_mark_per_person_per_idea_and_it_can_change(network, participant, colleague):
    idea = services.idea_post(network=network, author=participant, text="Ouderochtend")
    services.idea_mark(idea=idea, member=colleague, feasible=True)
    services.idea_mark(idea=idea, member=colleague, feasible=False)
    assert list(IdeaMark.objects.values_list("feasible", flat=True)) == [False]


def test_you_cannot_mark_your_own_idea(network, participant):
    idea = services.idea_post(network=network, author=participant, text="Ouderochtend")
    with pytest.raises(ValidationError):
        services.idea_mark(idea=idea, member=participant, feasible=True)


def test_a_person_who_left_cannot_mark_or_comment(network, participant, colleague):
    idea = services.idea_post(network=network, author=participant, text="Ouderochtend")
    network_services.membership_end(membership=Membership.objects.get(user=colleague))
    with pytest.raises(ValidationError):
        services.idea_mark(idea=idea, member=colleague, feasible=True)
    with pytest.raises(ValidationError):
        services.idea_comment_add(idea=idea, author=colleague, text="Goed plan")


def test_grouping_and_ungrouping(network, participant):
    idea = services.idea_post(network=network, author=participant, text="Ouderochtend")
    assert services.idea_group(idea=idea, label=" Ouders ").group_label == "Ouders"
    assert services.idea_group(idea=idea, label="").group_label == ""
    with pytest.raises(ValidationError):
        services.idea_group(idea=idea, label="x" * 81)


def test_an_idea_becomes_a_proposal_once(network, participant, facilitator, cycle):
    idea = services.idea_post(network=network, author=participant, text="Ouderochtend")
    proposal = services.idea_to_proposal(
        idea=idea,
        title="Ouders op de groep",
        why="Ouders komen weinig binnen.",
        proposed_by=facilitator,
    )
    assert proposal.cycle == cycle
    assert Idea.objects.get().proposal == proposal
    with pytest.raises(ValidationError, match="already"):
        services.idea_to_proposal(idea=idea, title="X", why="Y", proposed_by=facilitator)


def test_renaming_a_group_moves_all_its_ideas_and_may_join_another(network, participant):
    first = services.idea_post(network=network, author=participant, text="Een")
    second = services.idea_post(network=network, author=participant, text="Twee")
    services.idea_group(idea=first, label="Ouders")
    services.idea_group(idea=second, label="School")
    assert services.idea_group_rename(network=network, old="Ouders", new="  School ") == 1
    assert set(Idea.objects.values_list("group_label", flat=True)) == {"School"}
    with pytest.raises(ValidationError):
        services.idea_group_rename(network=network, old="School", new=" ")
    with pytest.raises(ValidationError):
        services.idea_group_rename(network=network, old="Ouders", new="Weer")
    with pytest.raises(ValidationError):
        services.idea_group_rename(network=network, old="", new="Alles")
    assert set(Idea.objects.values_list("group_label", flat=True)) == {"School"}
