"""The logged-in person, read from the cache on every page instead of from the database.

Django's ModelBackend reads the account on each request; this one keeps it (with what the
permission rules ask about it on nearly every page: the regions it coordinates, and what
higher apps add through `register_preload`, such as its roles per network) under the version
of the person's page-cache scope. Any change to the account, or to a row that points at it (a
membership, a role), bumps that scope (core/pagecache.py), so the next request reads it afresh;
so does a password change, after which the session's hash no longer matches and the session
ends, as with Django's own backend.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.backends import ModelBackend

from lerendnetwerk.core import pagecache

from .roles import coordinator_region_ids

Preload = Callable[[Any], None]
_preloads: list[Preload] = []


def register_preload(preload: Preload) -> None:
    """`preload(user)` stores what it reads on the user object before it is cached."""
    _preloads.append(preload)


class CachedModelBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        key, scopes = f"accounts:user:{user_id}", [pagecache.person(int(user_id))]
        user = pagecache.recall(key, scopes)
        if user is None:
            user = super().get_user(user_id)
            if user is None:
                return None
            coordinator_region_ids(user)
            for preload in _preloads:
                preload(user)
            pagecache.keep(key, scopes, user)
        return user
