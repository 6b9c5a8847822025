"""Page fragments that are the same for everyone, cached until what they show changes.

A fragment's cache key holds the version of its data (`version(name)`); saving that data calls
`bump(name)`, which gives it a new version, so every process renders the fragment afresh on its
next request. Versions are random, never counters: a version that was
evicted from the cache and made again can never bring back an old fragment.

This is only correct when every process shares one cache: set CACHE_URL (see settings) when
running more than one process.
"""

import uuid
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.functional import SimpleLazyObject

# Long enough to save work, short enough that a missed invalidation heals itself.
TIMEOUT = 24 * 3600


def _key(name: str) -> str:
    return f"fragments:version:{name}"


def version(name: str) -> str:
    found = cache.get(_key(name))
    if found is None:
        found = uuid.uuid4().hex
        cache.set(_key(name), found, TIMEOUT)
    return str(found)


def context(name: str) -> dict[str, object]:
    """What a template's {% cache %} tag needs for a fragment of `name`'s data."""
    return {"fragment_version": version(name), "fragment_timeout": TIMEOUT}


def bump(name: str) -> None:
    """Give `name` a new version now and again once the current transaction commits: a page
    rendered in between, from data not yet committed, is thrown away too."""

    def renew() -> None:
        cache.set(_key(name), uuid.uuid4().hex, TIMEOUT)

    renew()
    transaction.on_commit(renew)


def bump_on_change(name: str, *senders: type[models.Model]) -> None:
    """Bump `name` whenever one of `senders` is saved or deleted."""

    def changed(**kwargs: Any) -> None:
        bump(name)

    for sender in senders:
        label = sender._meta.label
        post_save.connect(changed, sender=sender, weak=False, dispatch_uid=f"{name}:save:{label}")
        post_delete.connect(
            changed, sender=sender, weak=False, dispatch_uid=f"{name}:delete:{label}"
        )


def lazy(read: Callable[[], Any]) -> Any:
    """What a cached fragment shows, read only when the fragment has to be made."""
    return SimpleLazyObject(read)
