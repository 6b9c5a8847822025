"""Which network (and so which region) a saved or deleted row belongs to, for the page cache
(`core/pagecache.py`). Found by walking foreign keys from each model to `Network`, so a new
feature app's models are covered without registering anything."""

from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.db import models

from lerendnetwerk.core import pagecache

from . import rules
from .models import Membership, Network

# A meeting's answer is two steps from its network (answer -> meeting -> network); nothing
# the platform keeps is further than three.
_DEPTH = 3
Chain = list[models.ForeignKey[Any, Any]]


def _paths(model: type[models.Model]) -> list[Chain]:
    """The shortest chains of foreign keys from `model` to `Network`, one per first step."""
    found = []
    for first in model._meta.concrete_fields:
        if not isinstance(first, models.ForeignKey):
            continue
        chain = _chain(first, _DEPTH)
        if chain is not None:
            found.append(chain)
    return found


def _chain(field: models.ForeignKey[Any, Any], depth: int) -> Chain | None:
    target = field.related_model
    if target is Network:
        return [field]
    if depth <= 1 or not isinstance(target, type):
        return None
    for step in target._meta.concrete_fields:
        if isinstance(step, models.ForeignKey):
            rest = _chain(step, depth - 1)
            if rest is not None:
                return [field, *rest]
    return None


def _network_ids(instance: models.Model, chain: Chain) -> Iterable[int]:
    # Along the rows already loaded with this one (an answer's meeting), else one query from
    # the first step not loaded, which still exists when this row is deleted in a cascade
    # (Django deletes the rows that point at a row before the row itself).
    row: Any = instance
    for position, field in enumerate(chain):
        row_id = getattr(row, field.attname)
        if row_id is None:
            return []
        if position == len(chain) - 1:
            return [row_id]
        if not field.is_cached(row):
            lookup = "__".join(step.name for step in chain[position + 1 :])
            rows = field.related_model._default_manager.filter(pk=row_id)
            return [pk for pk in rows.values_list(lookup, flat=True) if pk is not None]
        row = getattr(row, field.name)
    return []


def region_of(network_id: int) -> int | None:
    """A network stays in its region, so this is remembered."""
    key = f"networks:region-of:{network_id}"
    found: int | None = cache.get(key)
    if found is None:
        found = (
            Network.objects.filter(pk=network_id)
            .values_list("district__region_id", flat=True)
            .first()
        )
        if found is not None:
            cache.set(key, found, None)
    return found


def scopes(network_ids: Iterable[int]) -> list[str]:
    found = []
    for network_id in set(network_ids):
        found.append(pagecache.network(network_id))
        region_id = region_of(network_id)
        if region_id is not None:
            found.append(pagecache.region(region_id))
    return found


def _resolve(model: type[models.Model]) -> pagecache.Finder | None:
    if model is Network:
        return lambda instance: [
            pagecache.network(instance.pk),
            pagecache.region(instance.district.region_id),  # type: ignore[attr-defined]
        ]
    if getattr(model, "USERNAME_FIELD", None):
        # A person's name shows on the pages of the networks they belong to.
        return lambda instance: scopes(
            Membership.objects.filter(user_id=instance.pk).values_list("network_id", flat=True)
        )
    chains = _paths(model)
    if not chains:
        return None
    return lambda instance: scopes(
        network_id for chain in chains for network_id in _network_ids(instance, chain)
    )


def connect() -> None:
    pagecache.register(_resolve)


def of_person(user: Any) -> list[str]:
    """The scopes of the networks a person belongs to, for their own pages: from the roles read
    with their account (accounts/backends.py), or read now."""
    if getattr(user, rules.ALL_ROLES, None) is None:
        rules.preload_roles(user)
    return [pagecache.network(pk) for pk in getattr(user, rules.ALL_ROLES)]
