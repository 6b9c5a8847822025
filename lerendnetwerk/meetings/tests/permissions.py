"""Permission-matrix rows for the meeting pages."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from lerendnetwerk.core.tests.permissions import (
    ALL_OK,
    LOGGED_IN,
    NETWORK_READERS,
    REDIRECT,
    Row,
    network,
    only,
)
from lerendnetwerk.meetings import services
from lerendnetwerk.meetings.tokens import rsvp_token


def build(w: Any) -> None:
    starts = timezone.now() + timedelta(days=7)
    participant = w.people["participant"]
    w.meeting = services.meeting_schedule(
        network=w.network,
        title="Bijeenkomst",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Utrecht",
        created_by=w.people["facilitator"],
    )
    w.item = services.agenda_item_add(
        meeting=w.meeting, title="Opening", duration_minutes=10, lead="facilitator"
    )
    w.rsvp_token = rsvp_token(meeting_id=w.meeting.pk, user_id=participant.pk)
    w.feed_token = services.calendar_feed_renew(user=participant).token


def meeting(w: Any) -> dict[str, Any]:
    return {"pk": w.meeting.pk}


def agenda_item(w: Any) -> dict[str, Any]:
    return {"pk": w.meeting.pk, "item_id": w.item.pk}


ROWS: dict[str, Row] = {
    "meetings:network": ("get", network, only(*NETWORK_READERS)),
    "meetings:schedule": ("get", network, only("facilitator")),
    "meetings:detail": ("get", meeting, only(*NETWORK_READERS)),
    "meetings:ics": ("get", meeting, only(*NETWORK_READERS)),
    "meetings:edit": ("get", meeting, only("facilitator")),
    "meetings:cancel": ("get", meeting, only("facilitator")),
    "meetings:send_invitations": ("post", meeting, only("facilitator", granted=REDIRECT)),
    "meetings:agenda": ("get", meeting, only("facilitator")),
    "meetings:agenda_remove": ("post", agenda_item, only("facilitator", granted=REDIRECT)),
    "meetings:agenda_move": ("post", agenda_item, only("facilitator", granted=REDIRECT)),
    "meetings:preparers": ("get", meeting, only("facilitator")),
    "meetings:attendance": ("get", meeting, only("facilitator")),
    # The matrix posts no answer: the meeting page comes back with the form's errors.
    "meetings:answer": ("post", meeting, only("participant", "facilitator")),
    "meetings:answer_by_link": ("get", lambda w: {"token": w.rsvp_token}, ALL_OK),
    "meetings:mine": ("get", None, LOGGED_IN),
    "meetings:calendar": ("get", None, LOGGED_IN),
    "meetings:feed": ("get", lambda w: {"token": w.feed_token}, ALL_OK),
}
