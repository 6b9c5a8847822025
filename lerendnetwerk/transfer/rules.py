"""Who may do what with transfer plans and anchoring agreements; deny by default.

Per member organisation of a network: the network's members read its plan (it is the network's
shared work), the facilitator and the members who work there edit it and propose agreements.
A manager sees the progress and the agreements of their own organisation only, and only a
manager of THAT organisation answers an agreement (views ask `rules.has_perm`, so a superuser is
no exception). The region's coordinator follows progress, as for every network.
"""

from typing import TYPE_CHECKING, Any

import rules

from lerendnetwerk.networks.rules import is_facilitator, is_member, is_network_coordinator

from .models import AnchoringAgreement
from .selectors import OrganisationInNetwork, is_member_organisation

if TYPE_CHECKING:
    from lerendnetwerk.networks.models import Network


def _is_manager_of(user: Any, organisation_id: int | None) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.is_manager
        and organisation_id is not None
        and user.organisation_id == organisation_id
    )


@rules.predicate
def is_manager_of_a_member_organisation(user: Any, network: "Network | None") -> bool:
    if network is None or not _is_manager_of(user, getattr(user, "organisation_id", None)):
        return False
    return is_member_organisation(network=network, organisation_id=user.organisation_id)


@rules.predicate
def is_network_member(user: Any, place: OrganisationInNetwork | None) -> bool:
    return place is not None and bool(is_member(user, place.network))


@rules.predicate
def is_network_facilitator(user: Any, place: OrganisationInNetwork | None) -> bool:
    return place is not None and bool(is_facilitator(user, place.network))


@rules.predicate
def is_coordinator_of_network(user: Any, place: OrganisationInNetwork | None) -> bool:
    return place is not None and bool(is_network_coordinator(user, place.network))


@rules.predicate
def works_there(user: Any, place: OrganisationInNetwork | None) -> bool:
    """A member of the network who works at this organisation."""
    return (
        place is not None
        and getattr(user, "organisation_id", None) == place.organisation.pk
        and bool(is_member(user, place.network))
    )


@rules.predicate
def manages_it(user: Any, place: OrganisationInNetwork | None) -> bool:
    return place is not None and _is_manager_of(user, place.organisation.pk)


@rules.predicate
def manages_its_organisation(user: Any, agreement: AnchoringAgreement | None) -> bool:
    return agreement is not None and _is_manager_of(user, agreement.organisation_id)


@rules.predicate
def may_edit_agreement(user: Any, agreement: AnchoringAgreement | None) -> bool:
    if agreement is None:
        return False
    place = OrganisationInNetwork(agreement.cycle.network, agreement.organisation)
    return bool(is_network_facilitator(user, place) or works_there(user, place))


# On a network: the tab.
rules.add_perm(
    "transfer.view_transfer",
    is_member | is_network_coordinator | is_manager_of_a_member_organisation,
)
rules.add_perm("transfer.view_all_organisations", is_member | is_network_coordinator)
# On a member organisation of a network.
rules.add_perm("transfer.view_progress", is_network_member | is_coordinator_of_network | manages_it)
rules.add_perm("transfer.view_plan", is_network_member)
rules.add_perm("transfer.edit_plan", is_network_facilitator | works_there)
# On an agreement.
rules.add_perm("transfer.edit_agreement", may_edit_agreement)
rules.add_perm("transfer.answer_for_organisation", manages_it)
rules.add_perm("transfer.answer_agreement", manages_its_organisation)
