"""Reads about buddies and rotating groups."""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks.models import Cycle, Network
from lerendnetwerk.networks.selectors import (
    facilitators_networks_of,
    members,
    memberships_active,
    network_ids_of,
)

from .models import (
    Buddy,
    ConsultationCase,
    ConsultationParticipant,
    GroupRotation,
    Mentorship,
    PeerConsultation,
    RotationGroup,
    RotationRound,
)


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


# --- Mentors and peer consultation (intervisie) --------------------------------------------------


@dataclass
class MyMentoring:
    """A person's pairings: their current mentor, the new facilitators they mentor now, and the
    pairings that ended."""

    mentor: Mentorship | None
    mentees: list[Mentorship]
    earlier: list[Mentorship]

    def __bool__(self) -> bool:
        return bool(self.mentor or self.mentees or self.earlier)


def _mentorships() -> QuerySet[Mentorship]:
    return Mentorship.objects.select_related("mentor__organisation", "mentee__organisation")


def my_mentoring(*, user: User) -> MyMentoring:
    """One query."""
    pairings = list(
        _mentorships().filter(Q(mentor=user) | Q(mentee=user)).order_by("-started_on", "-pk")
    )
    current = [m for m in pairings if m.is_current]
    return MyMentoring(
        mentor=next((m for m in current if m.mentee_id == user.pk), None),
        mentees=[m for m in current if m.mentor_id == user.pk],
        earlier=[m for m in pairings if not m.is_current],
    )


def mentorships_of_regions(*, region_ids: Collection[int]) -> list[Mentorship]:
    """The pairings of these regions for their coordinator: the current ones first, then the
    latest that ended (at most 50)."""
    pairings = _mentorships().filter(region__in=list(region_ids)).select_related("region")
    return list(pairings.filter(ended_on__isnull=True).order_by("mentee__name", "pk")) + list(
        pairings.filter(ended_on__isnull=False).order_by("-ended_on", "-pk")[:50]
    )


def mentorship_get(*, pk: int) -> Mentorship | None:
    return Mentorship.objects.filter(pk=pk).select_related("mentor", "mentee", "region").first()


def has_mentorship(*, user: User | int) -> bool:
    """The person is or was in a pairing (as mentor or new facilitator)."""
    return Mentorship.objects.filter(Q(mentor=user) | Q(mentee=user)).exists()


def consultation_peers(*, user: User) -> list[User]:
    """Whom the person can plan a peer consultation with: their current mentor and mentees,
    and the other members of the facilitators' networks they belong to; by name."""
    partners = Mentorship.objects.filter(ended_on__isnull=True)
    in_pairing = Q(pk__in=partners.filter(mentee=user).values("mentor_id")) | Q(
        pk__in=partners.filter(mentor=user).values("mentee_id")
    )
    fellow_members = Q(
        pk__in=memberships_active()
        .filter(network__in=facilitators_networks_of(user=user))
        .values("user_id")
    )
    return list(
        User.objects.filter(in_pairing | fellow_members, is_active=True)
        .exclude(pk=user.pk)
        .select_related("organisation")
        .order_by("name", "pk")
    )


def consultation_meetings(*, user: User) -> QuerySet[Meeting]:
    """The scheduled meetings still to come of the facilitators' networks the person is in: a
    consultation can take place during one."""
    return (
        Meeting.objects.filter(
            network__in=facilitators_networks_of(user=user),
            status=Meeting.Status.SCHEDULED,
            starts_at__gt=timezone.now(),
        )
        .select_related("network", "host")
        .order_by("starts_at", "pk")
    )


def _consultations() -> QuerySet[PeerConsultation]:
    return (
        PeerConsultation.objects.select_related("meeting__host", "case__owner", "planned_by")
        .annotate(when=Coalesce("meeting__starts_at", "starts_at"))
        .prefetch_related(Prefetch("participants", queryset=User.objects.order_by("name", "pk")))
    )


def my_consultations(*, user: User) -> tuple[list[PeerConsultation], list[PeerConsultation]]:
    """(to come, earlier) peer consultations the person takes part in, with participants and
    case: three queries."""
    found = list(
        _consultations()
        .filter(participations__user=user)
        .order_by(Coalesce("meeting__starts_at", "starts_at"), "pk")
    )
    now = timezone.now()
    return (
        [c for c in found if c.when > now],  # type: ignore[attr-defined]
        [c for c in reversed(found) if c.when <= now],  # type: ignore[attr-defined]
    )


def consultation_get(*, pk: int) -> PeerConsultation | None:
    """A consultation with its participants and case; whether the person may read it is the
    rules' question (`groups.view_consultation`)."""
    return _consultations().filter(pk=pk).first()


def is_consultation_participant(*, user: User | int, consultation: PeerConsultation) -> bool:
    return consultation.participations.filter(user=user).exists()


def consultation_participation(
    *, user: User, consultation: PeerConsultation
) -> ConsultationParticipant | None:
    """The person's own part in the consultation, with their own notes."""
    return consultation.participations.filter(user=user).first()


def consultation_case(*, consultation: PeerConsultation) -> ConsultationCase | None:
    return ConsultationCase.objects.filter(consultation=consultation).first()


# The Handreiking's words for facilitators who keep learning, and the work form for a case.
GUIDANCE_ENTRIES = (
    "nieuwe-kartrekkers-ondersteuning",
    "huidige-kartrekkers-supervisie-intervisie",
    "casusbesprekingen",
)


def guidance_entries() -> list[Entry]:
    """The catalogue's tips on mentors and intervisie and its work form for discussing a case,
    in that order (those the catalogue holds): one query."""
    found = {
        e.slug: e for e in Entry.objects.filter(slug__in=GUIDANCE_ENTRIES).select_related("topic")
    }
    return [found[slug] for slug in GUIDANCE_ENTRIES if slug in found]


# --- A person's page: their table at the next meetings and their buddies -------------------------


@dataclass
class Table:
    """The person's group (table) at one meeting: its number, the rotation it belongs to and
    the other people at it, by name."""

    meeting_id: int
    number: int
    rotation: str
    mates: list[User]


def tables_for(*, user: User, meeting_ids: Collection[int]) -> dict[int, Table]:
    """For each of these meetings: the person's table in a rotation tied to it (the newest
    rotation's, if two are), with the table-mates who are still members; one query."""
    mine = RotationGroup.objects.filter(members=user, round__meeting_id__in=list(meeting_ids))
    still_member = Exists(
        memberships_active(
            network=OuterRef("rotationgroup__round__rotation__network_id"), user=OuterRef("user_id")
        )
    )
    rows = (
        RotationGroup.members.through.objects.filter(rotationgroup__in=mine)
        .filter(still_member)
        .select_related("user", "rotationgroup__round__rotation")
        .order_by(
            "-rotationgroup__round__rotation__created_at",
            "-rotationgroup__round__rotation_id",
            "user__name",
            "user_id",
        )
    )
    tables: dict[int, Table] = {}
    chosen: dict[int, int] = {}  # meeting id -> the group shown for it
    for row in rows:
        group = row.rotationgroup
        meeting_id = group.round.meeting_id
        assert meeting_id is not None
        if chosen.setdefault(meeting_id, group.pk) != group.pk:
            continue  # an older rotation's table for the same meeting
        table = tables.setdefault(
            meeting_id, Table(meeting_id, group.number, group.round.rotation.name, [])
        )
        if row.user_id != user.pk:
            table.mates.append(row.user)
    return tables


def buddies_for(*, user: User, network_ids: Collection[int]) -> dict[int, list[User]]:
    """For each of these networks: the person's current buddies, by name, in one query (the
    same rule as `buddy_ids_of`: an open pair, both still members)."""
    pairs = Buddy.objects.filter(
        members=user,
        ended_at__isnull=True,
        network_id__in=list(network_ids),
    ).filter(network_id__in=network_ids_of(user=user))
    still_member = Exists(
        memberships_active(network=OuterRef("buddy__network_id"), user=OuterRef("user_id"))
    )
    found: dict[int, list[User]] = {}
    for row in (
        Buddy.members.through.objects.filter(buddy__in=pairs)
        .filter(still_member)
        .exclude(user=user)
        .select_related("user", "buddy")
        .order_by("user__name", "user_id")
    ):
        found.setdefault(row.buddy.network_id, []).append(row.user)
    return found
