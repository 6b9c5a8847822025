"""Who may see and act on signals. Anything not granted here is denied.

The facilitator sees their network's signals with the names behind them (who declined) and acts
on them; the region's coordinators see every network's signals as counts, without names.
"""

import rules

from lerendnetwerk.accounts.roles import coordinator_region_ids, is_coordinator
from lerendnetwerk.networks.rules import is_facilitator, is_network_coordinator

rules.add_perm("signals.view_signals", is_facilitator | is_network_coordinator)
rules.add_perm("signals.act_on_signals", is_facilitator)
rules.add_perm("signals.view_names", is_facilitator)


@rules.predicate
def _coordinates_region(user: object, thresholds: object = None) -> bool:
    region_ids = coordinator_region_ids(user)
    if thresholds is None:
        return bool(region_ids)
    return getattr(thresholds, "region_id", None) in region_ids


# The admin site: a coordinator tunes the thresholds of their own regions.
rules.add_perm("signals", rules.predicate(is_coordinator))
for _action in ("view", "add", "change", "delete"):
    rules.add_perm(f"signals.{_action}_regionthresholds", _coordinates_region)
