"""Who may do what with knowledge offers, expert profiles and expert requests; deny by default.

An organisation's knowledge offers are edited by its managers and by the coordinators of its
region; published ones are everyone's. An expert edits her own profile and answers the requests
addressed to her, and only she (views ask `rules.has_perm`: a superuser is no exception). The
facilitator of a network asks experts for the items of its meetings' agendas and withdraws
what they asked. Being asked gives an expert nothing of the network's own pages.
"""

from typing import TYPE_CHECKING, Any

import rules

from lerendnetwerk.accounts.roles import coordinator_region_ids, is_coordinator
from lerendnetwerk.networks.rules import is_facilitator, is_organisation_manager

if TYPE_CHECKING:
    from lerendnetwerk.meetings.models import AgendaItem
    from lerendnetwerk.regions.models import Organisation

    from .models import ExpertRequest, KnowledgeOffer


def _manages(user: Any, organisation_id: int | None) -> bool:
    return bool(
        organisation_id is not None
        and is_organisation_manager(user)
        and user.is_active
        and user.organisation_id == organisation_id
    )


def _coordinates(user: Any, organisation: "Organisation") -> bool:
    return organisation.district.region_id in coordinator_region_ids(user)


@rules.predicate
def may_manage_offers(user: Any) -> bool:
    """Someone with an organisation's or a region's knowledge offer to look after."""
    return bool(is_organisation_manager(user) or is_coordinator(user))


@rules.predicate
def edits_for_organisation(user: Any, organisation: "Organisation | None") -> bool:
    if organisation is None:
        return False
    return _manages(user, organisation.pk) or _coordinates(user, organisation)


@rules.predicate
def edits_offer(user: Any, offer: "KnowledgeOffer | None") -> bool:
    return offer is not None and bool(edits_for_organisation(user, offer.organisation))


@rules.predicate
def is_expert(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_expert)


@rules.predicate
def is_asked_expert(user: Any, request: "ExpertRequest | None") -> bool:
    return request is not None and bool(is_expert(user)) and request.expert_id == user.pk


@rules.predicate
def facilitates_item(user: Any, item: "AgendaItem | None") -> bool:
    return item is not None and bool(is_facilitator(user, item.meeting.network))


@rules.predicate
def facilitates_request(user: Any, request: "ExpertRequest | None") -> bool:
    return request is not None and bool(facilitates_item(user, request.agenda_item))


rules.add_perm("knowledge.manage_offers", may_manage_offers)
# On an organisation: adding an offer for it.
rules.add_perm("knowledge.add_offer", edits_for_organisation)
# On an offer.
rules.add_perm("knowledge.change_offer", edits_offer)
rules.add_perm("knowledge.edit_expert_profile", is_expert)
# On an agenda item.
rules.add_perm("knowledge.ask_expert", facilitates_item)
# On an expert request.
rules.add_perm("knowledge.answer_request", is_asked_expert)
rules.add_perm("knowledge.withdraw_request", facilitates_request)
