"""Reads about buddies and rotating groups."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, QuerySet

from lerendnetwerk.accounts.models import User
from lerendnetwerk.networks.models import Cycle, Network
from lerendnetwerk.networks.selectors import members, memberships_active, network_ids_of

from .models import Buddy, GroupRotation, RotationGroup, RotationRound


def planning_members(*, network: Network) -> list[User]:
    """The members to plan groups or pairs for, in name order (the planner numbers them in
    this order, so a plan is reproducible), with the workplace that tells their kind."""
    return list(members(network=network).select_related("organisation"))


def buddy_ids_of(*, user: User) -> dict[int, set[int]]:
    """For each network: the ids of the user's current buddies there (one query).

    A buddy counts only while the pair is open and both are current members of its network.
    Ending a membership also ends the pair (`services.buddies_leave`); checking membership here
    as well means a pair that was left open (older data, a membership ended some other way)
    never shares anything with a former member.
    """
    found: dict[int, set[int]] = {}
    in_pair = Buddy.members.through.objects.filter(
        buddy__members=user,
        buddy__ended_at__isnull=True,
        buddy__network_id__in=network_ids_of(user=user),
    )
    still_member = Exists(
        memberships_active(network=OuterRef("buddy__network_id"), user=OuterRef("user_id"))
    )
    for network_id, buddy_id in (
        in_pair.filter(still_member).exclude(user=user).values_list("buddy__network_id", "user_id")
    ):
        found.setdefault(network_id, set()).add(buddy_id)
    return found


def buddies_current(*, network: Network) -> list[Buddy]:
    return list(
        Buddy.objects.filter(network=network, cycle=network.current_cycle, ended_at__isnull=True)
        .prefetch_related(Prefetch("members", queryset=User.objects.order_by("name")))
        .order_by("pk")
    )


def buddies_history(*, network: Network) -> list[Buddy]:
    return list(
        Buddy.objects.filter(network=network, ended_at__isnull=False)
        .prefetch_related(Prefetch("members", queryset=User.objects.order_by("name")))
        .order_by("-ended_at")[:50]
    )


@dataclass(frozen=True)
class BuddyPairing:
    pairs: int
    since: datetime | None


def buddy_pairing(*, cycle: Cycle) -> BuddyPairing:
    """How many buddy pairs the cycle made (ended ones too) and when the first began: one query."""
    found = Buddy.objects.filter(cycle=cycle).aggregate(pairs=Count("pk"), since=Min("started_at"))
    return BuddyPairing(pairs=found["pairs"], since=found["since"])


def my_buddies(*, user: User, network: Network) -> list[User]:
    ids = buddy_ids_of(user=user).get(network.pk, set())
    return list(User.objects.filter(pk__in=ids).order_by("name"))


def rotations_for_network(*, network: Network) -> QuerySet[GroupRotation]:
    return network.rotations.select_related("created_by").order_by("-created_at")


def rotation_get(*, network: Network, pk: int) -> GroupRotation:
    """One of the network's rotations; raises GroupRotation.DoesNotExist for another's."""
    return GroupRotation.objects.select_related("network").get(pk=pk, network=network)


def rotation_rounds(*, rotation: GroupRotation) -> list[RotationRound]:
    """Every round with its groups and their members, in four queries."""
    return list(
        rotation.rounds.select_related("meeting").prefetch_related(
            Prefetch(
                "groups",
                queryset=RotationGroup.objects.order_by("number").prefetch_related(
                    Prefetch("members", queryset=User.objects.select_related("organisation"))
                ),
            )
        )
    )
