"""Who may see and plan buddies and groups; builds on the network predicates."""

import rules

from lerendnetwerk.networks.rules import is_facilitator, is_member, is_network_coordinator

rules.add_perm("groups.view_groups", is_member | is_network_coordinator)
rules.add_perm("groups.plan_groups", is_facilitator)
