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
from contextvars import ContextVar
from typing import Any

from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.functional import SimpleLazyObject

# Long enough to save work, short enough that a missed invalidation heals itself.
TIMEOUT = 24 * 3600


def _key(name: str) -> str:
    return f"fragments:version:{name}"


# The versions one request has read. Several parts of a page ask for the same one (the
# person's account, the network, the page itself): each is read from the cache once per
# request. A request sees the versions as it first read them, and its own bumps.
_seen: ContextVar[dict[str, str] | None] = ContextVar("fragment_versions", default=None)


def request_started(**kwargs: Any) -> None:
    _seen.set({})


def request_finished(**kwargs: Any) -> None:
    _seen.set(None)


def version(name: str) -> str:
    return versions([name])[0]


def versions(names: Iterable[str]) -> list[str]:
    """The versions of several names in one round trip to the cache (none when this request
    has read them all before)."""
    return versions_and(names, "")[0]


def versions_and(names: Iterable[str], key: str) -> tuple[list[str], Any]:
    """The versions of `names` and the cache entry under `key` ("" for none), in one round
    trip: an entry stamped with the versions it was made from (core/pagecache.py) is read
    together with the versions that tell whether it is still current."""
    names = list(names)
    seen = _seen.get()
    known = seen if seen is not None else {}
    keys = {_key(name): name for name in names if name not in known}
    if key:
        keys[key] = ""
    found = cache.get_many(keys) if keys else {}
    entry = found.pop(key, None) if key else None
    missing = {k: uuid.uuid4().hex for k, name in keys.items() if name and k not in found}
    if missing:
        cache.set_many(missing, TIMEOUT)
        found.update(missing)
    read = {keys[k]: str(value) for k, value in found.items()}
    if seen is not None:
        seen.update(read)
    return [known[name] if name in known else read[name] for name in names], entry


def context(name: str) -> dict[str, object]:
    """What a template's {% cache %} tag needs for a fragment of `name`'s data."""
    return {"fragment_version": version(name), "fragment_timeout": TIMEOUT}


def bump(*names: str) -> None:
    """Give each name a new version now and again once the current transaction commits: a page
    rendered in between, from data not yet committed, is thrown away too."""
    if not names:
        return

    def renew() -> None:
        new = {name: uuid.uuid4().hex for name in names}
        cache.set_many({_key(name): value for name, value in new.items()}, TIMEOUT)
        seen = _seen.get()
        if seen is not None:
            seen.update(new)

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
