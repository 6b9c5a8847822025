"""Who may do what with meetings; builds on the network predicates."""

from typing import Any

import rules

from lerendnetwerk.networks.rules import (
    is_committed_manager,
    is_facilitator,
    is_member,
    is_network_coordinator,
)

from .models import Meeting


def _network(meeting: Meeting | None) -> Any:
    return meeting.network if meeting is not None else None


@rules.predicate
def meeting_reader(user: Any, meeting: Meeting) -> bool:
    network = _network(meeting)
    return bool(
        is_member(user, network)
        or is_network_coordinator(user, network)
        or is_committed_manager(user, network)
    )


@rules.predicate
def meeting_facilitator(user: Any, meeting: Meeting) -> bool:
    return bool(is_facilitator(user, _network(meeting)))


@rules.predicate
def meeting_member(user: Any, meeting: Meeting) -> bool:
    return bool(is_member(user, _network(meeting)))


@rules.predicate
def meeting_preparer(user: Any, meeting: Meeting) -> bool:
    if meeting is None or not getattr(user, "is_authenticated", False):
        return False
    return bool(is_member(user, meeting.network)) and meeting.preparers.filter(pk=user.pk).exists()


# On a network: who may plan its meetings and see its figures.
rules.add_perm("meetings.schedule_meeting", is_facilitator)
rules.add_perm("meetings.view_meetings", is_member | is_network_coordinator | is_committed_manager)
rules.add_perm("meetings.view_declines", is_facilitator)
# On a meeting.
rules.add_perm("meetings.view_meeting", meeting_reader)
rules.add_perm("meetings.change_meeting", meeting_facilitator)
rules.add_perm("meetings.edit_agenda", meeting_facilitator | meeting_preparer)
rules.add_perm("meetings.answer_meeting", meeting_member)
