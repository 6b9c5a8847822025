"""The catalogue in the admin site.

The catalogue is one Handreiking shared by every region, so it has no region: a coordinator of
one region may not change what all the others read. Coordinators read it in the admin site;
platform editors (superusers, through Django's own backend) change it. Anything else is denied.
"""

import rules

from lerendnetwerk.accounts.roles import is_coordinator

coordinator = rules.predicate(is_coordinator)

rules.add_perm("catalogue", coordinator)
for model in ("entry", "topic", "source", "sourcereference"):
    rules.add_perm(f"catalogue.view_{model}", coordinator)
