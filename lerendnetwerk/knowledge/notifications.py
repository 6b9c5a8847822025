"""E-mail of the knowledge exchange, each in its recipient's language and queued on commit.

A visitor's message reaches an expert or an offer's contact person without the visitor learning
their address. Between a facilitator and an expert the platform carries the request and the
answer; once she accepts, each gets the other's address to arrange the details.
"""

from typing import TYPE_CHECKING

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from lerendnetwerk.core.email import email_enqueue

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User

    from .models import ExpertProfile, ExpertRequest, KnowledgeOffer


def _link(language: str, name: str, **kwargs: object) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse(name, kwargs=kwargs or None)


def _meeting_context(request: "ExpertRequest") -> dict[str, object]:
    """What the expert and the facilitator read of the meeting: no link into the network."""
    item = request.agenda_item
    meeting = item.meeting
    return {
        "network": meeting.network.name,
        "meeting": meeting.title,
        "starts_at": timezone.localtime(meeting.starts_at),
        "ends_at": timezone.localtime(meeting.ends_at),
        "place": meeting.place,
        "item": item.title,
        "minutes": item.duration_minutes,
    }


def tell_expert_asked(request: "ExpertRequest") -> None:
    expert = request.expert
    asked_by = request.requested_by
    email_enqueue(
        to=expert.email,
        template="knowledge/email/request",
        context={
            **_meeting_context(request),
            "name": expert.name,
            "facilitator": asked_by.name if asked_by else "",
            "message": request.message,
            "link": _link(expert.language, "knowledge:request_answer", pk=request.pk),
        },
        language=expert.language,
    )


def tell_facilitators_answered(request: "ExpertRequest", facilitators: list["User"]) -> None:
    accepted = request.status == request.Status.ACCEPTED
    for facilitator in facilitators:
        email_enqueue(
            to=facilitator.email,
            template="knowledge/email/answered",
            context={
                **_meeting_context(request),
                "name": facilitator.name,
                "expert": request.expert.name,
                "accepted": accepted,
                "note": request.answer_note,
                # She accepted to work with them: the facilitator may now write to her.
                "expert_email": request.expert.email if accepted else "",
                "link": _link(
                    facilitator.language,
                    "meetings:detail",
                    pk=request.agenda_item.meeting_id,
                ),
            },
            language=facilitator.language,
        )


def tell_expert_withdrawn(request: "ExpertRequest", was_accepted: bool) -> None:
    expert = request.expert
    email_enqueue(
        to=expert.email,
        template="knowledge/email/withdrawn",
        context={
            **_meeting_context(request),
            "name": expert.name,
            "was_accepted": was_accepted,
            "link": _link(expert.language, "knowledge:expert_home"),
        },
        language=expert.language,
    )


def send_expert_contact(profile: "ExpertProfile", *, name: str, email: str, message: str) -> None:
    expert = profile.user
    email_enqueue(
        to=expert.email,
        template="knowledge/email/expert_contact",
        context={"recipient": expert.name, "name": name, "email": email, "message": message},
        language=expert.language,
    )


def send_offer_contact(offer: "KnowledgeOffer", *, name: str, email: str, message: str) -> None:
    # The contact person has no account, so no language of their own: the platform's.
    email_enqueue(
        to=offer.contact_email,
        template="knowledge/email/offer_contact",
        context={
            "recipient": offer.contact_name,
            "offer": offer.title,
            "organisation": offer.organisation.name,
            "name": name,
            "email": email,
            "message": message,
        },
        language=settings.LANGUAGE_CODE,
    )
