"""Who may read the reports. Deny by default.

A network's cycle report: its members (facilitators included), the coordinators of its region
and the managers of its member organisations (`User.is_manager` with their `organisation` among
`Network.organisations`); a manager who only committed to the network, for an organisation that
is no member, does not. The region's annual report: the region's coordinators.
"""

from typing import Any

import rules

from lerendnetwerk.accounts.roles import coordinator_region_ids, is_coordinator
from lerendnetwerk.networks.rules import is_member, is_network_coordinator

from . import selectors


@rules.predicate
def is_member_organisation_manager(user: Any, network: Any) -> bool:
    if network is None or not getattr(user, "is_authenticated", False):
        return False
    if not user.is_manager or user.organisation_id is None:
        return False
    cache: dict[int, bool] = user.__dict__.setdefault("_report_manager_of", {})
    if network.pk not in cache:
        cache[network.pk] = selectors.organisation_in_network(
            network=network, organisation_id=user.organisation_id
        )
    return cache[network.pk]


@rules.predicate
def is_region_coordinator(user: Any, region: Any) -> bool:
    return region is not None and region.pk in coordinator_region_ids(user)


@rules.predicate
def is_any_coordinator(user: Any) -> bool:
    return is_coordinator(user)


rules.add_perm(
    "reports.view_cycle_report",
    is_member | is_network_coordinator | is_member_organisation_manager,
)
rules.add_perm("reports.view_region_report", is_region_coordinator)
rules.add_perm("reports.view_region_reports", is_any_coordinator)
