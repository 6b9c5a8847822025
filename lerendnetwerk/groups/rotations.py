"""Plan and re-plan rotating groups with the planner, and propose buddy pairs.

The planner works on people numbered 0..N-1; this module maps members to numbers (in name
order, so a plan is reproducible), tells the planner each person's kind of workplace, the
facilitator's wishes, who already met in earlier rounds and who is absent, and stores the result.
"""

from collections.abc import Sequence
from itertools import combinations
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerendnetwerk.meetings.models import Rsvp
from lerendnetwerk.networks.selectors import members

from .models import Buddy, GroupRotation, RotationGroup, RotationRound
from .planner import PlanningError, Problem, plan, score

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User
    from lerendnetwerk.meetings.models import Meeting
    from lerendnetwerk.networks.models import Network

TIME_LIMIT_SECONDS = 2.0


def planning_members(network: "Network") -> list["User"]:
    return list(members(network=network).select_related("organisation"))


def _kind(user: "User") -> str:
    return user.organisation.kind if user.organisation else "other"


def _pairs(index: dict[int, int], pairs: Sequence[Sequence[int]]) -> frozenset[frozenset[int]]:
    return frozenset(frozenset((index[a], index[b])) for a, b in pairs if a in index and b in index)


def _solve(problem: Problem) -> list[list[list[int]]]:
    try:
        return plan(problem, time_limit=TIME_LIMIT_SECONDS, seed=0)
    except PlanningError as error:
        # The planner's own reasons are technical English; the person gets an actionable one.
        raise ValidationError(
            _(
                "These groups cannot be planned with these wishes. Check the people you want "
                "to keep apart or together, and the group size."
            )
        ) from error


def _validate_size(group_size: int, people: int, rounds: int) -> None:
    if people < 2:
        raise ValidationError(_("A network needs at least two members to make groups."))
    if not 2 <= group_size <= people:
        raise ValidationError(
            {"group_size": _("Choose a group size from 2 to %(max)s.") % {"max": people}}
        )
    if not 1 <= rounds <= 20:
        raise ValidationError({"rounds": _("Plan for 1 to 20 meetings.")})


@transaction.atomic
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
    `meetings` in date order when given."""
    members = planning_members(network)
    _validate_size(group_size, len(members), rounds)
    if network.current_cycle is None:
        raise ValidationError(_("This network has no cycle."))
    index = {user.pk: i for i, user in enumerate(members)}
    problem = Problem(
        people=len(members),
        group_size=group_size,
        meetings=rounds,
        kinds=tuple(_kind(user) for user in members),
        apart=_pairs(index, apart),
        together=_pairs(index, together),
    )
    schedule = _solve(problem)
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
    _store(rotation, list(rotation.rounds.all()), schedule, members, problem)
    return rotation


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


def _held(round_: RotationRound) -> bool:
    meeting = round_.meeting
    return meeting is not None and meeting.attendance_recorded_at is not None


@transaction.atomic
def rotation_replan(*, rotation: GroupRotation) -> GroupRotation:
    """Plan the rounds still to come again, from what happened.

    Pairs who really sat together in a held round (both present) count as having met; people who
    declined an upcoming meeting are left out of its groups; new members are included.
    """
    rounds = list(rotation.rounds.select_related("meeting").prefetch_related("groups__members"))
    remaining = [r for r in rounds if not _held(r)]
    if not remaining:
        raise ValidationError(_("All meetings of this plan have taken place."))
    members = planning_members(rotation.network)
    index = {user.pk: i for i, user in enumerate(members)}
    problem = Problem(
        people=len(members),
        group_size=rotation.group_size,
        meetings=len(remaining),
        kinds=tuple(_kind(user) for user in members),
        apart=_pairs(index, rotation.apart),
        together=_pairs(index, rotation.together),
        met_before=_met_before([r for r in rounds if _held(r)], index),
        absent=_absent(remaining, index),
    )
    schedule = _solve(problem)
    rotation.replanned_at = timezone.now()
    _store(rotation, remaining, schedule, members, problem)
    return rotation


def _met_before(held: list[RotationRound], index: dict[int, int]) -> dict[frozenset[int], int]:
    present = {
        (rsvp.meeting_id, rsvp.user_id)
        for rsvp in Rsvp.objects.filter(
            meeting__in=[r.meeting_id for r in held], attended=True
        ).only("meeting_id", "user_id")
    }
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
    declined: dict[int, set[int]] = {}
    for meeting_id, user_id in Rsvp.objects.filter(
        meeting__in=[r.meeting_id for r in remaining if r.meeting_id],
        answer=Rsvp.Answer.DECLINED,
    ).values_list("meeting_id", "user_id"):
        declined.setdefault(meeting_id, set()).add(user_id)
    return {
        position: frozenset(index[u] for u in declined.get(r.meeting_id or 0, set()) if u in index)
        for position, r in enumerate(remaining)
        if r.meeting_id in declined
    }


def buddies_propose(*, network: "Network") -> list[list["User"]]:
    """Pairs (one trio for an odd count) that mix workplaces and avoid earlier buddies."""
    members = planning_members(network)
    if len(members) < 2:
        raise ValidationError(_("A network needs at least two members to make buddy pairs."))
    index = {user.pk: i for i, user in enumerate(members)}
    met: dict[frozenset[int], int] = {}
    for buddy in Buddy.objects.filter(network=network).prefetch_related("members"):
        ids = [index[m.pk] for m in buddy.members.all() if m.pk in index]
        for pair in combinations(ids, 2):
            met[frozenset(pair)] = met.get(frozenset(pair), 0) + 1
    odd_one = len(members) % 2 == 1
    paired = members[:-1] if odd_one else members
    problem = Problem(
        people=len(paired),
        group_size=2,
        meetings=1,
        kinds=tuple(_kind(user) for user in paired),
        met_before={k: v for k, v in met.items() if max(k) < len(paired)},
    )
    [groups] = _solve(problem)
    pairs = [[paired[i] for i in group] for group in groups]
    if odd_one:
        pairs[0].append(members[-1])
    return pairs
