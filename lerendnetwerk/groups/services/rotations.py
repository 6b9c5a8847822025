"""Plan and re-plan rotating groups with the planner, and store them.

The planner is told the facilitator's wishes, who already met in earlier rounds and who is
absent; answers and attendance come from the meetings app's selectors.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lerendnetwerk.meetings import selectors as meeting_selectors

from .. import notifications
from ..models import GroupRotation, RotationGroup, RotationRound
from ..planner import Problem, score
from ..selectors import planning_members
from .common import kind, solve, wish_pairs

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User
    from lerendnetwerk.meetings.models import Meeting
    from lerendnetwerk.networks.models import Network


def _validate_size(group_size: int, people: int, rounds: int) -> None:
    if people < 2:
        raise ValidationError(_("A network needs at least two members to make groups."))
    if not 2 <= group_size <= people:
        raise ValidationError(
            {"group_size": _("Choose a group size from 2 to %(max)s.") % {"max": people}}
        )
    if not 1 <= rounds <= 20:
        raise ValidationError({"rounds": _("Plan for 1 to 20 meetings.")})


# Planning searches for up to TIME_LIMIT_SECONDS. On SQLite every atomic block takes the write
# lock at BEGIN (IMMEDIATE, see config/settings.py), so the search runs outside any transaction:
# the inputs are read, the groups searched, and only storing them is one short transaction that
# first checks the inputs are still what the search was given.
CHANGED_WHILE_PLANNING = gettext_lazy(
    "The members or the attendance changed while the groups were being planned. Try again."
)


@dataclass(frozen=True)
class _Inputs:
    """What a plan is computed from; equal inputs give the same plan."""

    member_ids: tuple[int, ...]
    problem: Problem
    # For a re-plan: the rounds still to come and when the plan was last changed.
    round_ids: tuple[int, ...] = ()
    replanned_at: datetime | None = None


def _read_and_solve(
    read: Callable[[], tuple[_Inputs, list["User"]]],
) -> tuple[_Inputs, list["User"], list[list[list[int]]]]:
    """Read the inputs and search, outside any transaction (the caller re-reads the inputs in
    its short write transaction and compares)."""
    inputs, members = read()
    return inputs, members, solve(inputs.problem)


def rotation_plan(
    *,
    network: "Network",
    name: str,
    group_size: int,
    rounds: int,
    created_by: "User",
    meetings: Sequence["Meeting"] = (),
    apart: Sequence[Sequence[int]] = (),
    together: Sequence[Sequence[int]] = (),
) -> GroupRotation:
    """Plan `rounds` rounds of groups for the network's members; the first rounds are tied to
    `meetings` in date order when given.

    If the members change while the planner searches, it plans once more with the new members;
    if they change again, it refuses and the facilitator tries again.
    """
    if network.current_cycle is None:
        raise ValidationError(_("This network has no cycle."))

    def read() -> tuple[_Inputs, list["User"]]:
        members = planning_members(network=network)
        _validate_size(group_size, len(members), rounds)
        index = {user.pk: i for i, user in enumerate(members)}
        problem = Problem(
            people=len(members),
            group_size=group_size,
            meetings=rounds,
            kinds=tuple(kind(user) for user in members),
            apart=wish_pairs(index, apart),
            together=wish_pairs(index, together),
        )
        return _Inputs(member_ids=tuple(index), problem=problem), members

    for attempt in range(2):
        inputs, members, schedule = _read_and_solve(read)
        with transaction.atomic():
            current, _members = read()
            if current != inputs:
                if attempt == 0:
                    continue
                raise ValidationError(str(CHANGED_WHILE_PLANNING))
            rotation = GroupRotation.objects.create(
                network=network,
                cycle=network.current_cycle,
                name=name.strip() or _("Groups"),
                group_size=group_size,
                apart=[list(p) for p in apart],
                together=[list(p) for p in together],
                created_by=created_by,
            )
            ordered = sorted(meetings, key=lambda m: m.starts_at)
            for number in range(1, rounds + 1):
                meeting = ordered[number - 1] if number <= len(ordered) else None
                RotationRound.objects.create(rotation=rotation, number=number, meeting=meeting)
            _store(rotation, list(rotation.rounds.all()), schedule, members, inputs.problem)
            return rotation
    raise AssertionError("unreachable")  # pragma: no cover


def _store(
    rotation: GroupRotation,
    rounds: list[RotationRound],
    schedule: list[list[list[int]]],
    members: list["User"],
    problem: Problem,
) -> None:
    RotationGroup.objects.filter(round__in=rounds).delete()
    for round_, groups in zip(rounds, schedule, strict=True):
        for number, group in enumerate(groups, start=1):
            stored = RotationGroup.objects.create(round=round_, number=number)
            stored.members.set([members[i] for i in group])
    result = score(problem, schedule)
    rotation.repeats = result.repeats
    rotation.unmixed_groups = result.unmixed
    rotation.save(update_fields=["repeats", "unmixed_groups", "replanned_at"])
    notifications.tables_assigned(
        network=rotation.network,
        rotation_id=rotation.pk,
        rotation_name=rotation.name,
        users=[members[i] for groups in schedule for group in groups for i in group],
    )


def _held(round_: RotationRound) -> bool:
    meeting = round_.meeting
    return meeting is not None and meeting.attendance_recorded_at is not None


def rotation_replan(*, rotation: GroupRotation) -> GroupRotation:
    """Plan the rounds still to come again, from what happened.

    Pairs who really sat together in a held round (both present) count as having met; people who
    declined an upcoming meeting are left out of its groups; new members are included. If the
    members, the attendance or the plan change while the planner searches, it plans once more;
    if they change again, it refuses.
    """

    def read() -> tuple[_Inputs, list["User"]]:
        rounds = list(
            RotationRound.objects.filter(rotation=rotation)
            .select_related("meeting")
            .prefetch_related("groups__members")
        )
        remaining = [r for r in rounds if not _held(r)]
        if not remaining:
            raise ValidationError(_("All meetings of this plan have taken place."))
        members = planning_members(network=rotation.network)
        index = {user.pk: i for i, user in enumerate(members)}
        problem = Problem(
            people=len(members),
            group_size=rotation.group_size,
            meetings=len(remaining),
            kinds=tuple(kind(user) for user in members),
            apart=wish_pairs(index, rotation.apart),
            together=wish_pairs(index, rotation.together),
            met_before=_met_before([r for r in rounds if _held(r)], index),
            absent=_absent(remaining, index),
        )
        replanned_at = (
            GroupRotation.objects.filter(pk=rotation.pk)
            .values_list("replanned_at", flat=True)
            .first()
        )
        inputs = _Inputs(
            member_ids=tuple(index),
            problem=problem,
            round_ids=tuple(r.pk for r in remaining),
            replanned_at=replanned_at,
        )
        return inputs, members

    for attempt in range(2):
        inputs, members, schedule = _read_and_solve(read)
        with transaction.atomic():
            # Locked (on PostgreSQL) so that two re-plans of one plan store one after the other.
            list(GroupRotation.objects.select_for_update().filter(pk=rotation.pk).values("pk"))
            current, _members = read()
            if current != inputs:
                if attempt == 0:
                    continue
                raise ValidationError(str(CHANGED_WHILE_PLANNING))
            remaining = list(
                RotationRound.objects.filter(pk__in=inputs.round_ids).order_by("number")
            )
            rotation.replanned_at = timezone.now()
            _store(rotation, remaining, schedule, members, inputs.problem)
            return rotation
    raise AssertionError("unreachable")  # pragma: no cover


def _met_before(held: list[RotationRound], index: dict[int, int]) -> dict[frozenset[int], int]:
    present = meeting_selectors.attendance_present(
        meeting_ids=[r.meeting_id for r in held if r.meeting_id is not None]
    )
    met: dict[frozenset[int], int] = {}
    for round_ in held:
        for group in round_.groups.all():
            there = [
                index[u.pk]
                for u in group.members.all()
                if u.pk in index and (round_.meeting_id, u.pk) in present
            ]
            for pair in combinations(there, 2):
                key = frozenset(pair)
                met[key] = met.get(key, 0) + 1
    return met


def _absent(remaining: list[RotationRound], index: dict[int, int]) -> dict[int, frozenset[int]]:
    declined = meeting_selectors.declined_by_meeting(
        meeting_ids=[r.meeting_id for r in remaining if r.meeting_id]
    )
    return {
        position: frozenset(index[u] for u in declined.get(r.meeting_id or 0, set()) if u in index)
        for position, r in enumerate(remaining)
        if r.meeting_id in declined
    }
