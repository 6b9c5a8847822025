"""Who may change what in the catalogue.

The Handbook itself is shared by every region, so its entries have no region: a coordinator of
one region may not change what all the others read. Coordinators read it in the admin site;
platform editors (superusers, through Django's own backend) change it. Beside it each region
keeps its own work forms, instruments and tips, which the region's coordinators add, change
and delete on the catalogue's own pages. Anything else is denied.
"""

from typing import Any

import rules

from lerendnetwerk.accounts.roles import coordinator_region_ids, is_coordinator


@rules.predicate
def region_coordinator(user: Any, region: Any) -> bool:
    """The person coordinates this region (a `Region`)."""
    return region is not None and region.pk in coordinator_region_ids(user)


coordinator = rules.predicate(is_coordinator)

rules.add_perm("catalogue", coordinator)
for model in ("entry", "topic", "source", "sourcereference"):
    rules.add_perm(f"catalogue.view_{model}", coordinator)
# On a region: its own entries.
rules.add_perm("catalogue.edit_region_entries", region_coordinator)
