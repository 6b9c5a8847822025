"""Page fragments that are the same for everyone, cached until what they show changes.

A fragment's cache key holds the version of its data (`version(name)`); saving that data calls
`bump(name)`, which gives it a new version, so every process renders the fragment afresh on its
next request. Versions are random, never counters: a version that was
evicted from the cache and made again can never bring back an old fragment.

This is only correct when every process shares one cache: set CACHE_URL (see settings) when
running more than one process.
"""

import uuid
from collections.abc import Callable, Iterable
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


def versions(names: Iterable[str]) -> list[str]:
    """The versions of several names in one round trip to the cache."""
    keys = {name: _key(name) for name in names}
    found = cache.get_many(keys.values())
    missing = {key: uuid.uuid4().hex for key in keys.values() if key not in found}
    if missing:
        cache.set_many(missing, TIMEOUT)
        found.update(missing)
    return [str(found[key]) for key in keys.values()]


def context(name: str) -> dict[str, object]:
    """What a template's {% cache %} tag needs for a fragment of `name`'s data."""
    return {"fragment_version": version(name), "fragment_timeout": TIMEOUT}


def bump(*names: str) -> None:
    """Give each name a new version now and again once the current transaction commits: a page
    rendered in between, from data not yet committed, is thrown away too."""
    if not names:
        return

    def renew() -> None:
        cache.set_many({_key(name): uuid.uuid4().hex for name in names}, TIMEOUT)

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
