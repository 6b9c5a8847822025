"""Who may do what when a network evaluates; builds on the network and meeting predicates.

Deny by default. A network's members and its region's coordinator read the cycle's evaluation;
only members take part (evaluate meetings they attended, answer the look-ahead, write learning
gains, record a critical reflection's answers); only the facilitator leads (records the shared
goal's outcome, opens a reflection, tells attendees, turns wishes into theme proposals). A
meeting's evaluation results are for the network's members. A learning gain is its author's.
"""

from typing import Any

import rules

from lerendnetwerk.meetings.rules import meeting_facilitator, meeting_member
from lerendnetwerk.networks.rules import is_facilitator, is_member, is_network_coordinator

from .models import CriticalReflection, LearningGain


@rules.predicate
def is_gain_author(user: Any, gain: LearningGain | None) -> bool:
    return gain is not None and getattr(user, "pk", None) == gain.author_id


@rules.predicate
def reflection_member(user: Any, reflection: CriticalReflection | None) -> bool:
    return reflection is not None and bool(is_member(user, reflection.network))


@rules.predicate
def reflection_reader(user: Any, reflection: CriticalReflection | None) -> bool:
    return reflection is not None and bool(
        is_member(user, reflection.network) or is_network_coordinator(user, reflection.network)
    )


# On a network.
rules.add_perm("evaluation.view_cycle", is_member | is_network_coordinator)
rules.add_perm("evaluation.take_part", is_member)
rules.add_perm("evaluation.lead", is_facilitator)
# On a meeting.
rules.add_perm("evaluation.view_results", meeting_member)
rules.add_perm("evaluation.request_evaluations", meeting_facilitator)
# On a critical reflection.
rules.add_perm("evaluation.view_reflection", reflection_reader)
rules.add_perm("evaluation.record_reflection", reflection_member)
# On a learning gain.
rules.add_perm("evaluation.change_gain", is_gain_author)
