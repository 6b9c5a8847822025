"""The one place that answers "may this user do X to this network?".

Views use `user.has_perm("networks.<perm>", network)` (or the `permission_required` helpers in
views.py) and templates `{% has_perm %}`. Anything not granted here is denied.
"""

from typing import Any

import rules

from lerendnetwerk.accounts.roles import coordinator_region_ids, is_coordinator

from .models import Membership, Network
from .selectors import all_member_roles, has_commitment, is_member_organisation, member_roles


def network_roles(user: Any, network: Network) -> frozenset[str]:
    """The roles the user holds now in the network (cached per user object and network)."""
    if not getattr(user, "is_authenticated", False) or network is None:
        return frozenset()
    every: dict[int, frozenset[str]] | None = getattr(user, ALL_ROLES, None)
    if every is not None:
        return every.get(network.pk, frozenset())
    cache: dict[int, frozenset[str]] = user.__dict__.setdefault("_network_roles", {})
    if network.pk not in cache:
        cache[network.pk] = member_roles(network=network, user=user)
    return cache[network.pk]


# Every network role of a person, read once with their account and cached with it
# (accounts/backends.py): most pages ask about one of their networks.
ALL_ROLES = "_all_network_roles"


def preload_roles(user: Any) -> None:
    setattr(user, ALL_ROLES, all_member_roles(user=user))


@rules.predicate
def is_member(user: Any, network: Network) -> bool:
    return bool(network_roles(user, network))


@rules.predicate
def is_facilitator(user: Any, network: Network) -> bool:
    return Membership.Role.FACILITATOR in network_roles(user, network)


@rules.predicate
def is_network_coordinator(user: Any, network: Network) -> bool:
    if network is None:
        return False
    return network.district.region_id in coordinator_region_ids(user)


@rules.predicate
def is_learning_network(user: Any, network: Network) -> bool:
    return network is not None and not network.is_facilitators_network


@rules.predicate
def is_facilitators_network(user: Any, network: Network) -> bool:
    return network is not None and network.is_facilitators_network


@rules.predicate
def is_any_coordinator(user: Any) -> bool:
    return is_coordinator(user)


@rules.predicate
def is_committed_manager(user: Any, network: Network) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_manager or network is None:
        return False
    return has_commitment(network=network, manager=user)


@rules.predicate
def is_organisation_manager(user: Any) -> bool:
    """A manager who leads an organisation: the one who opens the manager's page."""
    return bool(
        getattr(user, "is_authenticated", False) and user.is_manager and user.organisation_id
    )


@rules.predicate
def manages_member_organisation(user: Any, network: Network) -> bool:
    if network is None or not is_organisation_manager(user):
        return False
    return is_member_organisation(network=network, organisation_id=user.organisation_id)


@rules.predicate
def is_invited(user: Any, invitation: Any) -> bool:
    """The invitation is addressed to this person's e-mail address."""
    if not getattr(user, "is_authenticated", False) or invitation is None:
        return False
    return bool(invitation.email == user.email.strip().lower())


rules.add_perm("networks.coordinate", is_any_coordinator)
rules.add_perm("networks.create_network", is_any_coordinator)
rules.add_perm("networks.view_network", is_member | is_network_coordinator | is_committed_manager)
rules.add_perm("networks.leave_network", is_member)
rules.add_perm("networks.change_network", is_facilitator | is_network_coordinator)
rules.add_perm("networks.manage_members", is_facilitator | is_network_coordinator)
rules.add_perm("networks.assign_facilitator", is_network_coordinator)
# The prerequisites, the managers' commitments and the phases are a learning network's process;
# the region's facilitators' network has none of them.
rules.add_perm(
    "networks.record_prerequisite", (is_facilitator | is_network_coordinator) & is_learning_network
)
rules.add_perm(
    "networks.invite_region_facilitators",
    (is_facilitator | is_network_coordinator) & is_facilitators_network,
)
rules.add_perm("networks.view_manager_page", is_organisation_manager)
# A manager confirms (or changes) their own commitment, and may commit for a network their
# organisation takes part in without waiting for a proposal.
rules.add_perm(
    "networks.confirm_commitment",
    is_organisation_manager & (is_committed_manager | manages_member_organisation),
)
rules.add_perm(
    "networks.invite_manager", (is_facilitator | is_network_coordinator) & is_learning_network
)
# The facilitator leads the process; a coordinator does not steer a network's phases.
rules.add_perm("networks.move_phase", is_facilitator & is_learning_network)
# Only the invited person answers; the superuser is no exception (views ask rules.has_perm).
rules.add_perm("networks.answer_invitation", is_invited)
