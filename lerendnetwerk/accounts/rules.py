"""Who may do what in accounts. See networks/rules.py for the network-level predicates."""

import rules

from .roles import is_coordinator


@rules.predicate
def coordinates_a_region(user: object) -> bool:
    return is_coordinator(user)


is_staff = rules.is_staff
rules.add_perm("accounts.invite", coordinates_a_region | is_staff)
