"""Coordinators keep the catalogue current in the admin site."""

import rules

from lerendnetwerk.accounts.roles import is_coordinator

coordinator = rules.predicate(is_coordinator)

rules.add_perm("catalogue", coordinator)
for model in ("entry", "topic", "source", "sourcereference"):
    for action in ("view", "add", "change", "delete"):
        rules.add_perm(f"catalogue.{action}_{model}", coordinator)
