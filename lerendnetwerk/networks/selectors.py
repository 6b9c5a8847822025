"""Reads that the network pages need, each in a fixed number of queries."""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, JSONField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.expressions import Combinable

from lerendnetwerk.accounts.models import User
from lerendnetwerk.accounts.roles import coordinator_region_ids
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.regions.models import Organisation, Region

from .models import (
    Cycle,
    ManagerCommitment,
    Membership,
    MembershipInvitation,
    Network,
    PhaseTransition,
    Prerequisite,
)

# --- Members: who belongs to a network now -----------------------------------------------------
# Every app asks these questions here, so "a current member" has one definition
# (`Membership.objects.active()`: joined and not left).


def memberships_active(
    *,
    network: Network | int | Combinable | None = None,
    user: User | int | Combinable | None = None,
) -> QuerySet[Membership]:
    """Current memberships, of one network and/or one person; also for subqueries and locks."""
    memberships = Membership.objects.active()
    if network is not None:
        memberships = memberships.filter(network=network)
    if user is not None:
        memberships = memberships.filter(user=user)
    return memberships


def members(*, network: Network | int) -> QuerySet[User]:
    """The network's current members as people, by name."""
    return User.objects.filter(
        pk__in=memberships_active(network=network).values("user_id")
    ).order_by("name", "pk")


def member_ids(*, network: Network | int, lock: bool = False) -> set[int]:
    """The current members' ids; `lock` holds their memberships until the transaction ends."""
    memberships = memberships_active(network=network)
    if lock:
        memberships = memberships.select_for_update().order_by("pk")
    return set(memberships.values_list("user_id", flat=True))


def member_count(*, network: Network | int) -> int:
    return memberships_active(network=network).count()


def is_member(*, network: Network | int, user: User | int) -> bool:
    return memberships_active(network=network, user=user).exists()


def member_roles(*, network: Network | int, user: User | int) -> frozenset[str]:
    """The roles the person holds now in the network (none if they are not a member)."""
    return frozenset(
        memberships_active(network=network, user=user).order_by().values_list("role", flat=True)
    )


def all_member_roles(*, user: User | int) -> dict[int, frozenset[str]]:
    """The roles the person holds now, per network they belong to."""
    found: dict[int, set[str]] = {}
    for network_id, role in (
        memberships_active(user=user).order_by().values_list("network_id", "role")
    ):
        found.setdefault(network_id, set()).add(role)
    return {network_id: frozenset(roles) for network_id, roles in found.items()}


def network_ids_of(*, user: User | int) -> QuerySet[Membership, int]:
    """The ids of the person's current networks, as a subquery (`network_id__in=...`)."""
    return memberships_active(user=user).values_list("network_id", flat=True)


def organisation_choices(*, network: Network) -> QuerySet[Organisation]:
    """The organisations a network can take in: its district's, plus members from elsewhere.
    None for a facilitators' network: it has no member organisations (their managers would see
    it as one of their organisation's networks)."""
    if network.is_facilitators_network:
        return Organisation.objects.none()
    return (
        Organisation.objects.filter(Q(district=network.district_id) | Q(networks=network))
        .distinct()
        .order_by("name")
    )


# --- Networks -----------------------------------------------------------------------------------


def network_prerequisites(*, network: Network) -> list[Prerequisite]:
    return list(network.prerequisites.select_related("recorded_by").order_by("kind"))


def prerequisite_recorded(*, network: Network, kind: str) -> Prerequisite | None:
    return network.prerequisites.filter(kind=kind).first()


def manager_commitments(*, network: Network) -> list[ManagerCommitment]:
    """The commitments for the network's current cycle (earlier cycles' are history)."""
    return list(
        ManagerCommitment.objects.current()
        .filter(network=network)
        .select_related("manager__organisation", "proposed_by")
    )


def manager_commitment_current(*, network: Network, manager: User) -> ManagerCommitment | None:
    return (
        ManagerCommitment.objects.current()
        .filter(network=network, manager=manager)
        .select_related("proposed_by")
        .first()
    )


def has_commitment(*, network: Network, manager: User) -> bool:
    """The manager has a commitment (proposed or confirmed) to the network, in any cycle."""
    return ManagerCommitment.objects.filter(network=network, manager=manager).exists()


def is_member_organisation(*, network: Network, organisation_id: int | None) -> bool:
    return organisation_id is not None and network.organisations.filter(pk=organisation_id).exists()


def network_organisations(*, network: Network) -> list[Organisation]:
    return list(network.organisations.all())


def memberships_all(*, network: Network) -> QuerySet[Membership]:
    """Every membership of the network, ended ones included."""
    return Membership.objects.filter(network=network)


def phase_history(*, cycle: Cycle, limit: int = 10) -> list[PhaseTransition]:
    """The cycle's latest phase moves, newest first, with who made them."""
    return list(cycle.transitions.select_related("moved_by").order_by("-moved_at")[:limit])


def network_missing_prerequisites(*, network: Network) -> list[str]:
    recorded = set(network.prerequisites.values_list("kind", flat=True))
    return [kind for kind in Prerequisite.Kind.values if kind not in recorded]


def _active_facilitators() -> Prefetch[str, QuerySet[Membership], str]:
    return Prefetch(
        "memberships",
        queryset=Membership.objects.active()
        .filter(role=Membership.Role.FACILITATOR)
        .select_related("user"),
        to_attr="facilitator_memberships",
    )


def network_list_public(*, region: Region) -> QuerySet[Network]:
    """The region's learning networks as the public sees them (never the facilitators')."""
    return (
        Network.objects.filter(district__region=region, kind=Network.Kind.LEARNING)
        .select_related("district", "current_cycle")
        .prefetch_related("organisations", _active_facilitators())
        .order_by("district__name", "name")
    )


def network_get_public(*, region: Region, slug: str) -> Network:
    return network_list_public(region=region).get(slug=slug)


def network_get(*, slug: str) -> Network:
    return Network.objects.select_related("district__region", "current_cycle").get(slug=slug)


def network_members(*, network: Network) -> list[Membership]:
    return list(
        memberships_active(network=network)
        .select_related("user__organisation")
        .order_by("role", "user__name")
    )


def memberships_of(*, user: User) -> list[Membership]:
    """The person's current memberships with their networks, by network name."""
    return list(
        memberships_active(user=user)
        .select_related("network__district")
        .order_by("network__name", "pk")
    )


def networks_for_user(*, user: User) -> QuerySet[Network]:
    return (
        Network.objects.filter(pk__in=network_ids_of(user=user))
        .select_related("district", "current_cycle")
        .order_by("name")
    )


def networks_for_coordinator(*, user: User) -> QuerySet[Network]:
    """The region's networks, each with its facilitators and its latest phase move's open
    questions and reason (`last_move_open_questions`, `last_move_reason`; empty list and text
    when the latest move left nothing open or there was none). The facilitators' networks are
    among them: `coordinator_overview` sets them apart."""
    latest = PhaseTransition.objects.filter(cycle=OuterRef("current_cycle_id")).order_by(
        "-moved_at", "-pk"
    )
    return (
        Network.objects.filter(district__region__coordinators=user)
        .select_related("district__region", "current_cycle")
        .prefetch_related(_active_facilitators())
        .annotate(
            last_move_open_questions=Subquery(
                latest.values("open_questions")[:1], output_field=JSONField()
            ),
            last_move_reason=Subquery(latest.values("reason")[:1]),
            last_move_to=Subquery(latest.values("to_phase")[:1]),
            last_move_at=Subquery(latest.values("moved_at")[:1]),
        )
        .order_by("district__region__name", "district__name", "name")
    )


@dataclass
class CoordinatorOverview:
    """The learning networks of the coordinator's regions, and apart from them the regions'
    facilitators' networks (and whether a region still has none)."""

    networks: list[Network]
    facilitators_networks: list[Network]
    regions_without_facilitators_network: int


def coordinator_overview(*, user: User) -> CoordinatorOverview:
    """One query for both kinds of network (the regions come from the person's cached roles)."""
    found = list(networks_for_coordinator(user=user))
    learning = [n for n in found if not n.is_facilitators_network]
    facilitators = [n for n in found if n.is_facilitators_network]
    with_one = {n.facilitators_region_id for n in facilitators}
    return CoordinatorOverview(
        networks=learning,
        facilitators_networks=facilitators,
        regions_without_facilitators_network=len(coordinator_region_ids(user) - with_one),
    )


def moved_on_with_open_questions(*, networks: list[Network]) -> list[Network]:
    """Of `networks` (from `networks_for_coordinator`), those whose latest phase move was made
    with questions of the phase still open."""
    return [network for network in networks if getattr(network, "last_move_open_questions", None)]


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


def membership_invitations_open(*, user: User) -> QuerySet[MembershipInvitation]:
    """The networks the person is invited to and can still accept, newest first."""
    return (
        MembershipInvitation.objects.open()
        .filter(email=User.objects.normalize_email(user.email))
        .select_related("network__district", "invited_by")
    )


def membership_invitations_open_count(*, user: User) -> int:
    return (
        MembershipInvitation.objects.open()
        .filter(email=User.objects.normalize_email(user.email))
        .count()
    )


def membership_invitation(*, pk: int) -> MembershipInvitation | None:
    return MembershipInvitation.objects.filter(pk=pk).select_related("network").first()


# --- The manager's page: their organisation's networks ------------------------------------------


def networks_of_organisation(*, manager: User) -> list[Network]:
    """The networks the manager's organisation takes part in: as a member organisation, through
    a current member who works there, or through the manager's own commitment; by name."""
    if not manager.is_manager or manager.organisation_id is None:
        return []
    organisation = manager.organisation_id
    staff_in = memberships_active().filter(user__organisation=organisation).values("network_id")
    return list(
        Network.objects.filter(kind=Network.Kind.LEARNING)
        .filter(
            Q(organisations=organisation)
            | Q(pk__in=staff_in)
            | Q(pk__in=ManagerCommitment.objects.filter(manager=manager).values("network_id"))
        )
        .select_related("district", "current_cycle")
        .distinct()
        .order_by("name", "pk")
    )


def staff_counts(*, organisation_id: int, network_ids: list[int]) -> dict[int, int]:
    """How many of the organisation's people are current members of each network (a total)."""
    rows = (
        memberships_active()
        .filter(network_id__in=network_ids, user__organisation=organisation_id)
        .order_by()
        .values_list("network_id")
        .annotate(n=Count("pk"))
        .values_list("network_id", "n")
    )
    return dict(rows)


def manager_commitments_current(
    *, manager: User, network_ids: list[int]
) -> dict[int, ManagerCommitment]:
    """The manager's commitment for each network's current cycle, by network id."""
    return {
        c.network_id: c
        for c in ManagerCommitment.objects.current()
        .filter(manager=manager, network_id__in=network_ids)
        .select_related("proposed_by", "confirmed_by")
    }


def manager_commitments_waiting(*, manager: User) -> int:
    """Proposed commitments for a current cycle that the manager has not confirmed yet."""
    return ManagerCommitment.objects.current().proposed().filter(manager=manager).count()


# --- The region's facilitators and their own network --------------------------------------------


def facilitators_network_of(*, region: Region | int) -> Network | None:
    return (
        Network.objects.filter(facilitators_region=region)
        .select_related("district__region", "current_cycle")
        .first()
    )


def regions_without_facilitators_network(*, region_ids: set[int] | frozenset[int]) -> set[int]:
    """Of these regions, the ids of those that have no facilitators' network yet."""
    taken = set(
        Network.objects.filter(facilitators_region__in=region_ids).values_list(
            "facilitators_region_id", flat=True
        )
    )
    return set(region_ids) - taken


def invited_emails(*, network: Network) -> set[str]:
    """The addresses with an open invitation to the network."""
    return set(
        MembershipInvitation.objects.open().filter(network=network).values_list("email", flat=True)
    )


def region_facilitators(*, region: Region | int) -> QuerySet[User]:
    """The region's facilitators (of its learning networks), by name, with their organisation."""
    return facilitators_of_regions(region_ids=[region if isinstance(region, int) else region.pk])


def facilitators_of_regions(*, region_ids: Collection[int]) -> QuerySet[User]:
    """The people who facilitate a learning network of these regions now (active accounts), by
    name, with their organisation."""
    facilitating = memberships_active().filter(
        role=Membership.Role.FACILITATOR,
        network__kind=Network.Kind.LEARNING,
        network__district__region__in=list(region_ids),
    )
    return (
        User.objects.filter(pk__in=facilitating.values("user_id"), is_active=True)
        .select_related("organisation")
        .order_by("name", "pk")
    )


def regions_facilitated_by(*, user: User | int) -> set[int]:
    """The ids of the regions in whose learning networks the person is a facilitator now."""
    return set(
        memberships_active(user=user)
        .filter(role=Membership.Role.FACILITATOR, network__kind=Network.Kind.LEARNING)
        .values_list("network__district__region_id", flat=True)
    )


def is_region_facilitator(*, user: User | int, region: Region | int) -> bool:
    region_id = region if isinstance(region, int) else region.pk
    return region_id in regions_facilitated_by(user=user)


def facilitators_not_yet_members(*, network: Network) -> QuerySet[User]:
    """The region's facilitators who are not (yet) members of its facilitators' network."""
    assert network.facilitators_region_id is not None
    return region_facilitators(region=network.facilitators_region_id).exclude(
        pk__in=memberships_active(network=network).values("user_id")
    )


def facilitators_networks_of(*, user: User | int) -> QuerySet[Network]:
    """The facilitators' networks the person is a member of now."""
    return Network.objects.filter(
        kind=Network.Kind.FACILITATORS, pk__in=network_ids_of(user=user)
    ).order_by("name")


def phase_moves_since(
    *, network_ids: Collection[int], since: datetime, limit: int
) -> list[PhaseTransition]:
    """The phase moves of these networks since `since`, newest first, with their network (for
    the recent activity on a person's page; one query)."""
    return list(
        PhaseTransition.objects.filter(cycle__network__in=list(network_ids), moved_at__gte=since)
        .select_related("cycle__network")
        .order_by("-moved_at", "-pk")[:limit]
    )
