"""Brakes on the public contact forms: each mails a person, so a sender gets a few messages per
recipient and some more in all per hour (the same limits, and the same count per sender, as the
networks' contact form), and a recipient's own cap only counts messages that passed the
sender's limits, so one sender's flood never closes the form for anyone else."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _

from lerendnetwerk.core import throttle
from lerendnetwerk.core.clientaddress import client_address

HOUR = 3600


def contact_refusal(request: HttpRequest, recipient: str) -> str:
    """Why this message to `recipient` (e.g. "expert:12") may not go out now; "" if it may."""
    sender = client_address(request)
    if not throttle.hit(
        f"contact-from:{sender}:{recipient}",
        limit=settings.CONTACT_LIMIT_PER_SENDER_PER_NETWORK,
        window=HOUR,
    ) or not throttle.hit(
        f"contact-from:{sender}", limit=settings.CONTACT_LIMIT_PER_SENDER, window=HOUR
    ):
        return _("You sent several messages just now. Please try again in an hour.")
    if not throttle.hit(
        f"contact-to:{recipient}", limit=settings.CONTACT_LIMIT_PER_NETWORK, window=HOUR
    ):
        return _("This address received many messages just now. Please try again in an hour.")
    return ""
