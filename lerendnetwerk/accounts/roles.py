"""What a person is, answered once per request and cached on the user object.

Predicates in the apps' `rules.py` call these; caching keeps a page that asks several
"may I?" questions from running a query for each.
"""

from typing import Any


def coordinator_region_ids(user: Any) -> frozenset[int]:
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_coordinator_region_ids", None)
    if cached is None:
        cached = frozenset(user.coordinator_of.values_list("pk", flat=True))
        user._coordinator_region_ids = cached
    return cached


def is_coordinator(user: Any) -> bool:
    return bool(coordinator_region_ids(user))


def needs_second_factor(user: Any) -> bool:
    """Coordinators and staff see many people's data: they log in with a TOTP app as well."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_staff or user.is_superuser or is_coordinator(user))
