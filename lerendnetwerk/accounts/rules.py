"""Who may do what in accounts. See networks/rules.py for the network-level predicates."""

import rules

from .roles import is_coordinator


@rules.predicate
def coordinates_a_region(user: object) -> bool:
    return is_coordinator(user)


@rules.predicate
def is_invited(user: object, invitation: object) -> bool:
    """The invitation is addressed to this person's account."""
    return bool(
        getattr(user, "is_authenticated", False)
        and invitation is not None
        and getattr(invitation, "user_id", None) == getattr(user, "pk", None)
    )


is_staff = rules.is_staff
rules.add_perm("accounts.invite", coordinates_a_region | is_staff)
# Only the invited person answers; the superuser is no exception (views ask rules.has_perm).
rules.add_perm("accounts.answer_role_invitation", is_invited)
