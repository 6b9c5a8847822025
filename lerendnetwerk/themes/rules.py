"""Who may do what when a network chooses its theme; builds on the network predicates.

Deny by default. On a network: its members take part (propose, post, vote, comment, acknowledge);
only its facilitator leads (opens and closes rounds, adopts, groups ideas, orders the agenda,
edits the shared goal, publishes the contract); its region's coordinator and committed managers
read the theme overview and the vote results. A member's individual learning goal and personal
challenge are for that member and the network's facilitator, and for the other members once the
member shares them.
"""

from typing import TYPE_CHECKING, Any

import rules

from lerendnetwerk.accounts.roles import coordinator_region_ids, is_coordinator
from lerendnetwerk.networks.rules import (
    is_committed_manager,
    is_facilitator,
    is_member,
    is_network_coordinator,
)

from .models import LearningGoal

if TYPE_CHECKING:
    from lerendnetwerk.networks.models import Network

    from .models import PersonalChallenge


def may_read_private(user: Any, network: "Network", owner_id: int | None, is_shared: bool) -> bool:
    """The rule for a member's own goal and challenge: owner, facilitator, or members if shared."""
    if not getattr(user, "is_authenticated", False) or network is None:
        return False
    if owner_id == user.pk or is_facilitator(user, network):
        return True
    return is_shared and bool(is_member(user, network))


@rules.predicate
def may_read_challenge(user: Any, challenge: "PersonalChallenge | None") -> bool:
    if challenge is None:
        return False
    return may_read_private(user, challenge.cycle.network, challenge.member_id, challenge.is_shared)


@rules.predicate
def may_read_goal(user: Any, goal: LearningGoal | None) -> bool:
    if goal is None:
        return False
    if goal.kind == LearningGoal.Kind.SHARED:
        return bool(is_member(user, goal.cycle.network))
    return may_read_private(user, goal.cycle.network, goal.owner_id, goal.is_shared)


# On a network.
rules.add_perm("themes.view_themes", is_member | is_network_coordinator | is_committed_manager)
rules.add_perm("themes.take_part", is_member)
rules.add_perm("themes.run_vote", is_facilitator)
rules.add_perm("themes.moderate_ideas", is_facilitator)
rules.add_perm("themes.order_agenda", is_facilitator)
rules.add_perm("themes.edit_shared_goal", is_facilitator)
rules.add_perm("themes.publish_agreement", is_facilitator)
# On a member's own goal and challenge.
rules.add_perm("themes.view_personal_challenge", may_read_challenge)
rules.add_perm("themes.view_learning_goal", may_read_goal)


@rules.predicate
def region_coordinator(user: Any, region: Any) -> bool:
    """The person coordinates this region (a `Region`)."""
    return region is not None and region.pk in coordinator_region_ids(user)


# The shared quality framework (no region): coordinators read it in the admin site, platform
# editors (superusers) keep it current, as with the catalogue. A region's own copy is kept by
# its coordinators on the theme app's own pages.
coordinator = rules.predicate(is_coordinator)
rules.add_perm("themes", coordinator)
for model in ("qualityframework", "chapter", "focusarea"):
    rules.add_perm(f"themes.view_{model}", coordinator)
rules.add_perm("themes.edit_region_framework", region_coordinator)
