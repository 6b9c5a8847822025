"""Reads that the network pages need, each in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Phase
from lerendnetwerk.regions.models import District, Region

from .models import Membership, Network, Prerequisite


def network_missing_prerequisites(*, network: Network) -> list[str]:
    recorded = set(network.prerequisites.values_list("kind", flat=True))
    return [kind for kind in Prerequisite.Kind.values if kind not in recorded]


def _active_facilitators() -> Prefetch[str, QuerySet[Membership], str]:
    return Prefetch(
        "memberships",
        queryset=Membership.objects.filter(
            left_at__isnull=True, role=Membership.Role.FACILITATOR
        ).select_related("user"),
        to_attr="facilitator_memberships",
    )


def network_list_public(*, region: Region) -> QuerySet[Network]:
    return (
        Network.objects.filter(district__region=region)
        .select_related("district", "current_cycle")
        .prefetch_related("organisations", _active_facilitators())
        .order_by("district__name", "name")
    )


@dataclass
class DistrictNetworks:
    district: District
    networks: list[Network]


def district_overview(*, region: Region) -> list[DistrictNetworks]:
    """Every district of the region with its networks, districts without networks included."""
    networks = list(network_list_public(region=region))
    by_district: dict[int, list[Network]] = {}
    for network in networks:
        by_district.setdefault(network.district_id, []).append(network)
    return [
        DistrictNetworks(district=district, networks=by_district.get(district.pk, []))
        for district in region.districts.order_by("name")
    ]


def network_get_public(*, region: Region, slug: str) -> Network:
    return network_list_public(region=region).get(slug=slug)


def network_get(*, slug: str) -> Network:
    return Network.objects.select_related("district__region", "current_cycle").get(slug=slug)


def network_members(*, network: Network) -> list[Membership]:
    return list(
        network.memberships.filter(left_at__isnull=True)
        .select_related("user__organisation")
        .order_by("role", "user__name")
    )


def networks_for_user(*, user: User) -> QuerySet[Network]:
    return (
        Network.objects.filter(memberships__user=user, memberships__left_at__isnull=True)
        .select_related("district", "current_cycle")
        .distinct()
        .order_by("name")
    )


def networks_for_coordinator(*, user: User) -> QuerySet[Network]:
    return (
        Network.objects.filter(district__region__coordinators=user)
        .select_related("district__region", "current_cycle")
        .prefetch_related(_active_facilitators())
        .order_by("district__region__name", "district__name", "name")
    )


def phase_counts(*, networks: list[Network]) -> list[tuple[str, str, int]]:
    """How many of these networks are in each stage, for the coordinator's summary."""
    counts = {"": 0, **dict.fromkeys(Phase.values, 0)}
    for network in networks:
        phase = network.current_cycle.phase if network.current_cycle else ""
        counts[phase] = counts.get(phase, 0) + 1
    return [("", "", counts[""])] + [(p.value, str(p.label), counts[p.value]) for p in Phase]


def networks_for_manager(*, user: User) -> QuerySet[Network]:
    """Networks a manager committed to (sounding board, sponsor)."""
    if not user.is_manager:
        return Network.objects.none()
    return (
        Network.objects.filter(manager_commitments__manager=user)
        .select_related("district", "current_cycle")
        .distinct()
        .order_by("name")
    )
