"""Who may see and plan buddies and groups, mentors and peer consultations; builds on the
network predicates."""

from typing import Any

import rules

from lerendnetwerk.accounts.roles import coordinator_region_ids
from lerendnetwerk.networks.rules import (
    is_any_coordinator,
    is_facilitator,
    is_member,
    is_network_coordinator,
)
from lerendnetwerk.networks.selectors import facilitators_networks_of, regions_facilitated_by

from .models import Mentorship, PeerConsultation
from .selectors import has_mentorship, is_consultation_participant

rules.add_perm("groups.view_groups", is_member | is_network_coordinator)
rules.add_perm("groups.plan_groups", is_facilitator)


@rules.predicate
def is_peer_learner(user: Any) -> bool:
    """A facilitator of a learning network, a member of a facilitators' network, or someone in a
    pairing (a mentee who has not started facilitating yet): who mentoring and intervisie are
    for. Asked once per request."""
    if not getattr(user, "is_authenticated", False):
        return False
    cached = user.__dict__.get("_peer_learner")
    if cached is None:
        cached = bool(
            regions_facilitated_by(user=user)
            or facilitators_networks_of(user=user).exists()
            or has_mentorship(user=user)
        )
        user.__dict__["_peer_learner"] = cached
    return bool(cached)


@rules.predicate
def coordinates_pairing(user: Any, mentorship: Mentorship) -> bool:
    return mentorship is not None and mentorship.region_id in coordinator_region_ids(user)


@rules.predicate
def takes_part(user: Any, consultation: PeerConsultation) -> bool:
    if consultation is None or not getattr(user, "is_authenticated", False):
        return False
    cache: dict[int, bool] = user.__dict__.setdefault("_consultations", {})
    if consultation.pk not in cache:
        cache[consultation.pk] = is_consultation_participant(user=user, consultation=consultation)
    return cache[consultation.pk]


@rules.predicate
def planned_it(user: Any, consultation: PeerConsultation) -> bool:
    return consultation is not None and consultation.planned_by_id == getattr(user, "pk", None)


# The mentoring page: for those it is about, and for the coordinators who pair them.
rules.add_perm("groups.view_mentoring", is_peer_learner | is_any_coordinator)
rules.add_perm("groups.pair_mentor", is_any_coordinator)
rules.add_perm("groups.end_mentorship", coordinates_pairing)
rules.add_perm("groups.plan_consultation", is_peer_learner)
# A consultation and its case are its participants' alone: no coordinator, no superuser (the
# views ask `rules.has_perm`, which has no superuser shortcut).
rules.add_perm("groups.view_consultation", takes_part)
rules.add_perm("groups.cancel_consultation", takes_part & planned_it)
