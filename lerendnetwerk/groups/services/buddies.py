"""Buddy pairs: propose them with the planner, and set them."""

from collections.abc import Sequence
from itertools import combinations
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerendnetwerk.core import pagecache
from lerendnetwerk.networks.selectors import member_ids

from .. import notifications
from ..models import Buddy
from ..planner import Problem
from ..selectors import planning_members
from .common import kind, solve

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User
    from lerendnetwerk.networks.models import Membership, Network


@transaction.atomic
def buddies_set(*, network: "Network", pairs: Sequence[Sequence["User"]]) -> list[Buddy]:
    """Replace the cycle's buddy pairs. Pairs of two, a trio only to absorb an odd one out;
    everyone in at most one pair. The previous pairs end and stay as history. Everyone in a
    pair is notified."""
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
    pagecache.changed(network)
    created = []
    for pair in pairs:
        buddy = Buddy.objects.create(network=network, cycle=cycle, started_at=now)
        buddy.members.set(pair)
        created.append(buddy)
    notifications.buddies_assigned(network=network, users=[user for pair in pairs for user in pair])
    return created


@transaction.atomic
def buddies_leave(*, membership: "Membership") -> None:
    """The person of an ended membership leaves their current buddy pair in that network.

    Called by `networks.services.membership_end` (registered in `GroupsConfig.ready`), so a
    former member stops reading what their buddy shares from the moment they leave. The pair
    ends and stays as history; of a trio, the two who stay go on as a new pair.
    """
    now = timezone.now()
    pairs = Buddy.objects.filter(
        network_id=membership.network_id, members=membership.user_id, ended_at__isnull=True
    ).prefetch_related("members")
    for pair in pairs:
        pair.ended_at = now
        pair.save(update_fields=["ended_at"])
        staying = [m for m in pair.members.all() if m.pk != membership.user_id]
        if len(staying) >= 2:
            Buddy.objects.create(
                network_id=pair.network_id, cycle_id=pair.cycle_id, started_at=now
            ).members.set(staying)


def buddies_propose(*, network: "Network") -> list[list["User"]]:
    """Pairs (one trio for an odd count) that mix workplaces and avoid earlier buddies.

    Stores nothing: the facilitator sees the proposal in the form and saves it with
    `buddies_set`, changed or not.
    """
    members = planning_members(network=network)
    if len(members) < 2:
        raise ValidationError(_("A network needs at least two members to make buddy pairs."))
    index = {user.pk: i for i, user in enumerate(members)}
    met: dict[frozenset[int], int] = {}
    for buddy in Buddy.objects.filter(network=network).prefetch_related("members"):
        ids = [index[m.pk] for m in buddy.members.all() if m.pk in index]
        for pair in combinations(ids, 2):
            met[frozenset(pair)] = met.get(frozenset(pair), 0) + 1
    odd_one = len(members) % 2 == 1
    paired = members[:-1] if odd_one else members
    problem = Problem(
        people=len(paired),
        group_size=2,
        meetings=1,
        kinds=tuple(kind(user) for user in paired),
        met_before={k: v for k, v in met.items() if max(k) < len(paired)},
    )
    [groups] = solve(problem)
    pairs = [[paired[i] for i in group] for group in groups]
    if odd_one:
        pairs[0].append(members[-1])
    return pairs
