"""Permission-matrix rows for the evaluation pages (see core/tests/permissions.py)."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from lerendnetwerk.core.tests.permissions import (
    LOGGED_IN,
    LOGIN,
    OK,
    REDIRECT,
    ROLES,
    Row,
    network,
    only,
)
from lerendnetwerk.evaluation import services
from lerendnetwerk.meetings import services as meeting_services

MEMBERS = ("participant", "facilitator")
NOT_FOUND = 404


def build(w: Any) -> None:
    participant, facilitator = w.people["participant"], w.people["facilitator"]
    starts = timezone.now() + timedelta(days=3)
    meeting = meeting_services.meeting_schedule(
        network=w.network,
        title="Terugblik",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Utrecht",
        created_by=facilitator,
    )
    # Held yesterday: planning refuses the past, so the meeting is moved back afterwards.
    ended = timezone.now() - timedelta(days=1)
    type(meeting).objects.filter(pk=meeting.pk).update(
        starts_at=ended - timedelta(hours=2), ends_at=ended
    )
    meeting.refresh_from_db()
    w.evaluated_meeting = meeting
    w.reflection = services.reflection_open(
        network=w.network, opened_by=facilitator, meeting=meeting
    )
    w.gain = services.learning_gain_save(
        cycle=w.network.current_cycle, author=participant, level="individual", text="Ik vraag door."
    )


def past_meeting(w: Any) -> dict[str, Any]:
    return {"pk": w.evaluated_meeting.pk}


def reflection(w: Any) -> dict[str, Any]:
    return {"slug": w.network.slug, "pk": w.reflection.pk}


AUTHOR_ONLY = {
    role: OK if role == "participant" else (LOGIN if role == "anonymous" else NOT_FOUND)
    for role in ROLES
}
READERS = (*MEMBERS, "coordinator")

ROWS: dict[str, Row] = {
    "evaluation:meeting": ("get", past_meeting, only(*MEMBERS)),
    "evaluation:meeting_evaluate": ("get", past_meeting, only(*MEMBERS)),
    "evaluation:meeting_request": ("post", past_meeting, only("facilitator", granted=REDIRECT)),
    "evaluation:cycle": ("get", network, only(*READERS)),
    "evaluation:goal_outcome": ("get", network, only("facilitator")),
    "evaluation:my_outcome": ("get", network, only(*MEMBERS)),
    "evaluation:look_ahead": ("get", network, only(*MEMBERS)),
    "evaluation:look_ahead_proposals": ("post", network, only("facilitator", granted=REDIRECT)),
    "evaluation:gain_create": ("get", network, only(*MEMBERS)),
    "evaluation:reflection_start": ("get", network, only("facilitator")),
    "evaluation:reflection": ("get", reflection, only(*READERS)),
    "evaluation:mine": ("get", None, LOGGED_IN),
    "evaluation:gain_edit": ("get", lambda w: {"pk": w.gain.pk}, AUTHOR_ONLY),
}
