"""Counters in the shared cache that say "enough for now": one per key and window.

`cache.add` then `cache.incr` is atomic in every cache Django ships and in Redis, so processes
that share the cache count together. Keys are hashed: they may hold an e-mail address, which
should not sit readable in the cache, and some caches restrict key characters.
"""

import hashlib

from django.core.cache import cache


def _key(name: str) -> str:
    return "throttle:" + hashlib.sha256(name.encode()).hexdigest()


def hit(name: str, *, limit: int, window: int) -> bool:
    """Count one more for `name`; True while the count stays within `limit` for `window` s."""
    key = _key(name)
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        count = 1
    return count <= limit


def count(name: str) -> int:
    """How many `name` counted in its current window, without counting."""
    return int(cache.get(_key(name), 0))
