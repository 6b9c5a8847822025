"""Who may do what with the resource library; deny by default.

A published resource is everyone's. The coordinators of a region curate its library: they add,
change, publish, turn down and delete resources. The facilitators of the region's learning
networks suggest additions and read what they suggested, whatever became of it.
"""

from typing import TYPE_CHECKING, Any

import rules

from lerendnetwerk.accounts.roles import coordinator_region_ids
from lerendnetwerk.networks import selectors as network_selectors

if TYPE_CHECKING:
    from lerendnetwerk.regions.models import Region

    from .models import Resource


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def _facilitated_region_ids(user: Any) -> set[int]:
    """Cached on the user: a page asks for several resources."""
    cached = getattr(user, "_resources_facilitated_regions", None)
    if cached is None:
        cached = network_selectors.regions_facilitated_by(user=user)
        user._resources_facilitated_regions = cached
    return set(cached)


@rules.predicate
def curates_region(user: Any, region: "Region | None") -> bool:
    return region is not None and _active(user) and region.pk in coordinator_region_ids(user)


@rules.predicate
def facilitates_in_region(user: Any, region: "Region | None") -> bool:
    return region is not None and _active(user) and region.pk in _facilitated_region_ids(user)


@rules.predicate
def curates_resource(user: Any, resource: "Resource | None") -> bool:
    return resource is not None and bool(curates_region(user, resource.region))


@rules.predicate
def is_published(user: Any, resource: "Resource | None") -> bool:
    return resource is not None and resource.is_published


@rules.predicate
def suggested_it(user: Any, resource: "Resource | None") -> bool:
    return resource is not None and _active(user) and resource.suggested_by_id == user.pk


@rules.predicate
def suggests_anywhere(user: Any) -> bool:
    return _active(user) and bool(_facilitated_region_ids(user))


# On a region.
rules.add_perm("resources.curate", curates_region)
rules.add_perm("resources.suggest", facilitates_in_region)
# Without an object: the page of one's own suggestions.
rules.add_perm("resources.view_suggestions", suggests_anywhere)
# On a resource.
rules.add_perm("resources.view_resource", is_published | curates_resource | suggested_it)
rules.add_perm("resources.change_resource", curates_resource)
