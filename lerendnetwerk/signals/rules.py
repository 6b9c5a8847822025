"""Who may see and act on signals. Anything not granted here is denied.

The facilitator sees their network's signals with the names behind them (who declined) and acts
on them; the region's coordinators see every network's signals as counts, without names.
"""

import rules

from lerendnetwerk.networks.rules import is_facilitator, is_network_coordinator

rules.add_perm("signals.view_signals", is_facilitator | is_network_coordinator)
rules.add_perm("signals.act_on_signals", is_facilitator)
rules.add_perm("signals.view_names", is_facilitator)
