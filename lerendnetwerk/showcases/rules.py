"""Who may do what with a network's results; builds on the network predicates. Deny by default.

Members add results; the author or the facilitator edits and deletes one; only the facilitator
publishes it on the network's public page (and only with the consent of the people shown). Until
then a result is for the network's members and its region's coordinator. Downloads decide per
file in `selectors.showcase_readable` (a published file is everyone's).
"""

from typing import TYPE_CHECKING, Any

import rules

from lerendnetwerk.networks.rules import is_facilitator, is_member, is_network_coordinator

if TYPE_CHECKING:
    from .models import Showcase


@rules.predicate
def is_author_or_facilitator(user: Any, showcase: "Showcase | None") -> bool:
    if showcase is None or not getattr(user, "is_authenticated", False):
        return False
    network = showcase.network
    if is_facilitator(user, network):
        return True
    return showcase.uploaded_by_id == user.pk and bool(is_member(user, network))


@rules.predicate
def is_showcase_facilitator(user: Any, showcase: "Showcase | None") -> bool:
    return showcase is not None and bool(is_facilitator(user, showcase.network))


# On a network.
rules.add_perm("showcases.view_showcases", is_member | is_network_coordinator)
rules.add_perm("showcases.add_showcase", is_member)
# On one result.
rules.add_perm("showcases.change_showcase", is_author_or_facilitator)
rules.add_perm("showcases.publish_showcase", is_showcase_facilitator)
