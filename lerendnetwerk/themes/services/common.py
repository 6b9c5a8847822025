"""Checks the theme services share."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.text import refuse_too_long
from lerendnetwerk.networks.models import Cycle, Membership, Network
from lerendnetwerk.networks.selectors import memberships_active


def require_text(value: str, *, field: str, message: str, max_length: int | None = None) -> str:
    """The stripped text, or a refusal on `field` when it is empty or too long."""
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    if max_length is not None:
        refuse_too_long({field: (value, max_length)})
    return value


def require_member(network: Network | int, user: User, *, lock: bool = False) -> Membership:
    """The person's open membership (locked for this transaction if asked), or a refusal.

    Services check this themselves rather than trust the view: a person may have left the
    network between loading the page and sending the form.
    """
    memberships = memberships_active(network=network, user=user)
    if lock:
        memberships = memberships.select_for_update()
    membership = memberships.first()
    if membership is None:
        raise ValidationError(_("Only members of the network can do this."))
    return membership


def current_cycle(network: Network) -> Cycle:
    if network.current_cycle_id is None:
        raise ValidationError(_("This network has no cycle."))
    return Cycle.objects.get(pk=network.current_cycle_id)
