"""Writes on buddies and rotating groups."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.models import User
from lerendnetwerk.networks.models import Network
from lerendnetwerk.networks.selectors import member_ids

from .models import Buddy


@transaction.atomic
def buddies_set(*, network: Network, pairs: Sequence[Sequence[User]]) -> list[Buddy]:
    """Replace the cycle's buddy pairs. Pairs of two, a trio only to absorb an odd one out;
    everyone in at most one pair. The previous pairs end and stay as history."""
    cycle = network.current_cycle
    if cycle is None:
        raise ValidationError(_("This network has no cycle."))
    members = member_ids(network=network)
    seen: set[int] = set()
    for pair in pairs:
        ids = [user.pk for user in pair]
        if len(ids) not in (2, 3):
            raise ValidationError(_("A buddy pair has two people (three when one is left over)."))
        if any(pk not in members for pk in ids):
            raise ValidationError(_("Only members of the network can be buddies."))
        if seen & set(ids) or len(set(ids)) != len(ids):
            raise ValidationError(_("Everyone can be in only one buddy pair."))
        seen |= set(ids)
    if sum(1 for pair in pairs if len(pair) == 3) > 1:
        raise ValidationError(_("Make pairs; only one trio, for an odd number of members."))
    now = timezone.now()
    Buddy.objects.filter(network=network, cycle=cycle, ended_at__isnull=True).update(ended_at=now)
    created = []
    for pair in pairs:
        buddy = Buddy.objects.create(network=network, cycle=cycle, started_at=now)
        buddy.members.set(pair)
        created.append(buddy)
    return created
