"""E-mail about meetings: invitation, change, cancellation and reminder, each with an .ics file.

Every message is personal (its own answer links, only that person as attendee in the .ics) and
holds no more personal data than needed: no list of who else is invited.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.email import email_enqueue
from lerendnetwerk.networks.selectors import member_ids
from lerendnetwerk.notifications import kinds
from lerendnetwerk.notifications.kinds import Frequency
from lerendnetwerk.notifications.services import notify

from .calendar import meeting_invitation_ics, meeting_url
from .tokens import rsvp_token

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User

    from .models import Meeting

Kind = Literal["invitation", "changed", "cancelled", "reminder"]

INVITATION = "meetings.invitation"


def register() -> None:
    kinds.register(
        INVITATION,
        _("An invitation to a meeting"),
        Frequency.IMMEDIATELY,
        _(
            "The facilitator invites you once the agenda is ready. Sent at once, the e-mail "
            "carries a calendar file; later changes and a cancellation always come at once."
        ),
        message=_("You are invited to the meeting %(meeting)s of %(network)s."),
        order=20,
    )


def meeting_invite(*, meeting: "Meeting", recipients: list["User"]) -> None:
    """Notify the invited; those who want it at once get the invitation with its .ics."""
    notify(
        users=recipients,
        kind=INVITATION,
        params={"meeting": meeting.title, "network": meeting.network.name},
        url_name="meetings:detail",
        url_args=[meeting.pk],
        email=lambda users: meeting_notify(meeting=meeting, kind="invitation", recipients=users),
    )


def meeting_notify(*, meeting: "Meeting", kind: Kind, recipients: Iterable["User"]) -> int:
    """Queue one e-mail per recipient who is still a member of the meeting's network (checked
    now, when the message goes out: a reminder runs days after the invitation); returns how
    many were queued."""
    organizer = meeting.created_by
    current = member_ids(network=meeting.network_id)
    count = 0
    for user in (user for user in recipients if user.pk in current):
        token = rsvp_token(meeting_id=meeting.pk, user_id=user.pk)
        with translation.override(user.language):
            answer_url = settings.SITE_URL + reverse("meetings:answer_by_link", args=[token])
        ics = meeting_invitation_ics(
            meeting=meeting, attendee=user, organizer=organizer, cancel=kind == "cancelled"
        )
        method = "CANCEL" if kind == "cancelled" else "REQUEST"
        email_enqueue(
            to=user.email,
            template=f"meetings/email/{kind}",
            context={
                "name": user.name,
                "meeting": meeting,
                "network": meeting.network.name,
                "starts_at": timezone.localtime(meeting.starts_at),
                "ends_at": timezone.localtime(meeting.ends_at),
                "place": meeting.place,
                "url": meeting_url(meeting),
                "answer_url": answer_url,
            },
            language=user.language,
            attachments=[
                ("bijeenkomst.ics", ics, f"text/calendar; charset=utf-8; method={method}")
            ],
        )
        count += 1
    return count
