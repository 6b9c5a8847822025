"""Permission-matrix rows for the theme pages (see core/tests/permissions.py)."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from lerendnetwerk.core.tests.permissions import NETWORK_READERS, REDIRECT, Row, network, only
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.themes import services

MEMBERS = ("participant", "facilitator")


def build(w: Any) -> None:
    participant, facilitator = w.people["participant"], w.people["facilitator"]
    cycle = w.network.current_cycle
    proposals = [
        services.theme_proposal_create(
            cycle=cycle, title=title, why="Voor de praktijk.", proposed_by=participant
        )
        for title in ("Woordenschat", "Warme overdracht")
    ]
    w.proposal = proposals[0]
    w.idea = services.idea_post(network=w.network, author=participant, text="Samen voorlezen")
    w.dot_vote = services.dot_vote_open(cycle=cycle, opened_by=facilitator, proposals=proposals)
    w.question = services.learning_question_propose(
        cycle=cycle, text="Hoe betrekken we ouders?", proposed_by=participant
    )
    # Not shared: only the participant and the facilitator may read it.
    w.challenge = services.personal_challenge_save(
        cycle=cycle, member=participant, learning_goal="Meer vragen", question="Hoe vraag ik door?"
    )
    services.agreement_publish(
        network=w.network, text="We laten elkaar uitpraten.", published_by=facilitator
    )
    starts = timezone.now() + timedelta(days=3)
    w.theme_meeting = meeting_services.meeting_schedule(
        network=w.network,
        title="Thema kiezen",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Utrecht",
        created_by=facilitator,
    )
    # The region's own copy of the framework, for its coordinators' pages.
    w.framework = services.framework_copy_for_region(region=w.network.district.region)
    w.chapter = w.framework.chapters.order_by("number").first()
    w.focus_area = w.chapter.focus_areas.order_by("order").first()


def _with(**builders: Any) -> Any:
    def kwargs(w: Any) -> dict[str, Any]:
        return {"slug": w.network.slug, **{key: get(w) for key, get in builders.items()}}

    return kwargs


idea = _with(idea_id=lambda w: w.idea.pk)
dot_vote = _with(pk=lambda w: w.dot_vote.pk)
question = _with(question_id=lambda w: w.question.pk)


def region(w: Any) -> dict[str, Any]:
    return {"region_slug": w.network.district.region.slug}


def chapter(w: Any) -> dict[str, Any]:
    return {**region(w), "chapter_id": w.chapter.pk}


def focus_area(w: Any) -> dict[str, Any]:
    return {**region(w), "pk": w.focus_area.pk}


COORDINATOR_POSTS = only("coordinator", granted=REDIRECT)

ROWS: dict[str, Row] = {
    "themes:overview": ("get", network, only(*NETWORK_READERS)),
    "themes:propose": ("get", network, only(*MEMBERS)),
    "themes:adopt": (
        "post",
        _with(proposal_id=lambda w: w.proposal.pk),
        only("facilitator", granted=REDIRECT),
    ),
    "themes:idea_wall": ("get", network, only(*MEMBERS)),
    "themes:idea_mark": ("post", idea, only(*MEMBERS, granted=REDIRECT)),
    # An empty comment comes back on the wall with its error.
    "themes:idea_comment": ("post", idea, only(*MEMBERS)),
    "themes:idea_group": ("post", idea, only("facilitator", granted=REDIRECT)),
    "themes:idea_group_new": ("post", network, only("facilitator", granted=REDIRECT)),
    "themes:idea_group_rename": ("post", network, only("facilitator", granted=REDIRECT)),
    "themes:idea_to_proposal": ("get", idea, only("facilitator")),
    "themes:vote_open": ("get", network, only("facilitator")),
    "themes:vote": ("get", dot_vote, only(*NETWORK_READERS)),
    # Stickers without numbers come back on the page with their errors.
    "themes:vote_place": ("post", dot_vote, only(*MEMBERS)),
    "themes:vote_close": ("post", dot_vote, only("facilitator", granted=REDIRECT)),
    "themes:goals": ("get", network, only(*MEMBERS)),
    "themes:goal_comment": ("post", network, only(*MEMBERS, granted=REDIRECT)),
    "themes:shared_goal_edit": ("get", network, only("facilitator")),
    "themes:my_challenge": ("get", network, only(*MEMBERS)),
    "themes:challenge": ("get", _with(pk=lambda w: w.challenge.pk), only(*MEMBERS)),
    "themes:agenda": ("get", network, only(*MEMBERS)),
    "themes:agenda_move": ("post", question, only("facilitator", granted=REDIRECT)),
    "themes:agenda_remove": ("post", question, only("facilitator", granted=REDIRECT)),
    "themes:agenda_meeting": (
        "get",
        _with(meeting_id=lambda w: w.theme_meeting.pk),
        only("facilitator"),
    ),
    "themes:agreement": ("get", network, only(*MEMBERS)),
    "themes:agreement_suggest": ("post", network, only(*MEMBERS)),
    "themes:agreement_acknowledge": ("post", network, only(*MEMBERS, granted=REDIRECT)),
    "themes:agreement_publish": ("get", network, only("facilitator")),
    # A region's framework (another region's coordinator: test_region_framework.py).
    "themes:framework": ("get", region, only("coordinator")),
    "themes:framework_copy": ("post", region, COORDINATOR_POSTS),
    "themes:chapter_add": ("get", region, only("coordinator")),
    "themes:chapter_edit": ("get", chapter, only("coordinator")),
    "themes:chapter_move": ("post", chapter, COORDINATOR_POSTS),
    "themes:chapter_delete": ("post", chapter, COORDINATOR_POSTS),
    "themes:focus_area_add": ("get", chapter, only("coordinator")),
    "themes:focus_area_edit": ("get", focus_area, only("coordinator")),
    "themes:focus_area_move": ("post", focus_area, COORDINATOR_POSTS),
    "themes:focus_area_retire": ("post", focus_area, COORDINATOR_POSTS),
    "themes:focus_area_delete": ("post", focus_area, COORDINATOR_POSTS),
}
