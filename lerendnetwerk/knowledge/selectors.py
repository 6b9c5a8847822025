"""Reads for the knowledge pages. `published_offers` and `public_experts` are what the public
may see of a region: querysets, so that a search can filter and rank them further."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.accounts.roles import coordinator_region_ids
from lerendnetwerk.catalogue import selectors as catalogue_selectors
from lerendnetwerk.meetings.models import AgendaItem, Meeting
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Membership
from lerendnetwerk.regions import selectors as region_selectors
from lerendnetwerk.regions.models import District, Organisation, Region
from lerendnetwerk.themes.models import Chapter, FocusArea

from .models import ExpertProfile, ExpertRequest, KnowledgeOffer

if TYPE_CHECKING:
    from lerendnetwerk.catalogue.models import Entry

# The Handreiking's pitfall that the request form shows (catalogue/data/handreiking.yaml).
EXPERT_DEPENDENCE = "afhankelijkheid-van-expert"


def _focus_areas() -> Prefetch[str, QuerySet[FocusArea], str]:
    return Prefetch("focus_areas", queryset=FocusArea.objects.select_related("chapter"))


# --- For the public and for a search


def published_offers(*, region: Region) -> QuerySet[KnowledgeOffer]:
    """The region's published knowledge offers, by district, organisation and title."""
    return (
        KnowledgeOffer.objects.filter(
            status=KnowledgeOffer.Status.PUBLISHED, organisation__district__region=region
        )
        .select_related("organisation__district")
        .order_by("organisation__district__name", "organisation__name", "title", "pk")
    )


def public_experts(*, region: Region) -> QuerySet[ExpertProfile]:
    """The experts in the region's public directory, by name: public profiles of active
    accounts that are experts now."""
    return _experts(region=region).filter(is_public=True)


def _experts(*, region: Region | int) -> QuerySet[ExpertProfile]:
    return (
        ExpertProfile.objects.filter(regions=region, user__is_active=True, user__is_expert=True)
        .select_related("user__organisation")
        .order_by("user__name", "pk")
    )


def offers_filtered(
    *, region: Region, district_id: int | None = None, focus_area_id: int | None = None
) -> QuerySet[KnowledgeOffer]:
    """The public list: published offers, in one district and on one focus area if asked,
    with their focus areas (one query more)."""
    offers = published_offers(region=region)
    if district_id is not None:
        offers = offers.filter(organisation__district_id=district_id)
    if focus_area_id is not None:
        offers = offers.filter(focus_areas=focus_area_id)
    return offers.prefetch_related(_focus_areas())


def experts_filtered(
    *, region: Region, focus_area_id: int | None = None
) -> QuerySet[ExpertProfile]:
    experts = public_experts(region=region)
    if focus_area_id is not None:
        experts = experts.filter(focus_areas=focus_area_id)
    return experts.prefetch_related(_focus_areas())


def offer_public(*, region: Region, pk: int) -> KnowledgeOffer | None:
    return published_offers(region=region).filter(pk=pk).prefetch_related(_focus_areas()).first()


def expert_public(*, region: Region, pk: int) -> ExpertProfile | None:
    return public_experts(region=region).filter(pk=pk).prefetch_related(_focus_areas()).first()


def region_find(*, slug: str) -> Region | None:
    return region_selectors.region_find(slug=slug)


def district_choices(*, region: Region) -> list[tuple[int, str]]:
    return list(District.objects.filter(region=region).order_by("name").values_list("pk", "name"))


def focus_area_choices(*, regions: Sequence[Region]) -> list[tuple[str, list[tuple[int, str]]]]:
    """The focus areas the regions' networks choose from, grouped by chapter: each region's own
    quality framework when it has one, else the shared one (listed once, however many regions
    use it); retired focus areas left out. A region's own chapters carry its name when there
    are several regions. Two queries, whatever the number of regions."""
    region_ids = [region.pk for region in regions]
    chapters = list(
        Chapter.objects.filter(framework__is_active=True)
        .filter(Q(framework__region__isnull=True) | Q(framework__region_id__in=region_ids))
        .select_related("framework")
        .prefetch_related(
            Prefetch("focus_areas", FocusArea.objects.filter(is_retired=False).order_by("order"))
        )
        .order_by("framework__version", "number", "pk")
    )
    own = {chapter.framework.region_id for chapter in chapters} - {None}
    shared_needed = any(pk not in own for pk in region_ids)
    names = {region.pk: region.name for region in regions}
    grouped = []
    for chapter in chapters:
        region_id = chapter.framework.region_id
        if region_id is None and not shared_needed:
            continue
        label = str(chapter)
        if region_id is not None and len(regions) > 1:
            label = f"{label} ({names[region_id]})"
        areas = [(area.pk, area.title) for area in chapter.focus_areas.all()]
        if areas:
            grouped.append((label, areas))
    return grouped


def focus_areas_offered(*, pks: list[int], regions: Sequence[Region]) -> list[FocusArea]:
    """Of these focus areas, the ones a network of one of the regions may choose now."""
    offered = {pk for _chapter, areas in focus_area_choices(regions=regions) for pk, _t in areas}
    return list(FocusArea.objects.filter(pk__in=[pk for pk in pks if pk in offered]))


def regions_of(*, ids: set[int]) -> list[Region]:
    return list(Region.objects.filter(pk__in=ids).order_by("name"))


# --- Offers, for those who edit them


def offers_editable_by(*, user: User) -> QuerySet[KnowledgeOffer]:
    """The offers of the manager's organisation and of the organisations in the regions the
    person coordinates."""
    mine = Q(pk__in=[])
    if user.is_manager and user.organisation_id is not None:
        mine |= Q(organisation_id=user.organisation_id)
    regions = coordinator_region_ids(user)
    if regions:
        mine |= Q(organisation__district__region__in=regions)
    return (
        KnowledgeOffer.objects.filter(mine)
        .select_related("organisation__district__region")
        .order_by("organisation__name", "title", "pk")
    )


def offer_get(*, pk: int) -> KnowledgeOffer | None:
    return (
        KnowledgeOffer.objects.filter(pk=pk)
        .select_related("organisation__district__region")
        .prefetch_related("focus_areas")
        .first()
    )


def organisations_for(*, user: User) -> list[Organisation]:
    """Where the person may add an offer: the manager's own organisation, and every
    organisation of the regions they coordinate."""
    found: dict[int, Organisation] = {}
    own = user.organisation_id
    if user.is_manager and own is not None:
        organisation = Organisation.objects.select_related("district").get(pk=own)
        found[organisation.pk] = organisation
    regions = coordinator_region_ids(user)
    if regions:
        for organisation in region_selectors.organisations_in_regions(regions=regions):
            found.setdefault(organisation.pk, organisation)
    return sorted(found.values(), key=lambda o: (o.name, o.pk))


def organisation_offers(*, organisation_id: int) -> list[KnowledgeOffer]:
    """An organisation's offers, published or not (the manager's panel)."""
    return list(
        KnowledgeOffer.objects.filter(organisation_id=organisation_id).order_by("title", "pk")
    )


# --- Experts and their requests


def expert_profile_of(*, user: User) -> ExpertProfile | None:
    return (
        ExpertProfile.objects.filter(user=user).prefetch_related("focus_areas", "regions").first()
    )


def experts_to_ask(*, region: Region) -> list[ExpertProfile]:
    """The experts a facilitator of a network in the region can ask, public profile or not."""
    return list(_experts(region=region))


def expert_to_ask(*, region: Region | int, user_id: int) -> ExpertProfile | None:
    return _experts(region=region).filter(user_id=user_id).first()


def regions_all() -> list[Region]:
    return list(region_selectors.regions_all())


def _with_meeting(requests: QuerySet[ExpertRequest]) -> QuerySet[ExpertRequest]:
    return requests.select_related(
        "agenda_item__meeting__network__district__region",
        "agenda_item__meeting__host",
        "requested_by",
        "expert",
    )


def requests_of_expert(*, expert: User) -> list[ExpertRequest]:
    """Every request to the expert: the open ones first (soonest meeting first), then the rest,
    newest first."""
    requests = list(_with_meeting(ExpertRequest.objects.filter(expert=expert)))
    open_ = sorted(
        (r for r in requests if r.is_open), key=lambda r: r.agenda_item.meeting.starts_at
    )
    return open_ + [r for r in requests if not r.is_open]


def open_request_count(*, expert: User) -> int:
    """Requests waiting for the expert's answer, for meetings still to come (the dashboard)."""
    return ExpertRequest.objects.filter(
        expert=expert,
        status=ExpertRequest.Status.OPEN,
        agenda_item__meeting__ends_at__gt=timezone.now(),
        agenda_item__meeting__status=Meeting.Status.SCHEDULED,
    ).count()


def contributions_of(*, expert: User) -> tuple[list[AgendaItem], list[AgendaItem]]:
    """The agenda items the expert leads by her account: (to come, soonest first; held, latest
    first), with meeting, network and host. What the expert's page shows of a meeting."""
    items = AgendaItem.objects.filter(expert=expert).select_related(
        "meeting__network__district", "meeting__host"
    )
    now = timezone.now()
    upcoming = list(items.filter(meeting__ends_at__gt=now).order_by("meeting__starts_at", "order"))
    held = list(items.filter(meeting__ends_at__lte=now).order_by("-meeting__starts_at", "order"))
    return upcoming, held


def request_locked(*, pk: int) -> ExpertRequest:
    """The request, locked until the transaction ends (with its meeting, not locked)."""
    return _with_meeting(ExpertRequest.objects.select_for_update(of=("self",))).get(pk=pk)


def request_get(*, pk: int) -> ExpertRequest | None:
    return _with_meeting(ExpertRequest.objects.filter(pk=pk)).first()


def agenda_item_get(*, meeting_id: int, item_id: int) -> AgendaItem | None:
    return (
        AgendaItem.objects.filter(meeting_id=meeting_id, pk=item_id)
        .select_related("meeting__network__district__region", "meeting__host", "expert")
        .first()
    )


def live_request(*, item: AgendaItem) -> ExpertRequest | None:
    """The item's open or accepted request, if any (there is at most one)."""
    return _with_meeting(
        ExpertRequest.objects.filter(agenda_item=item, status__in=ExpertRequest.LIVE)
    ).first()


def earlier_requests(*, item: AgendaItem) -> list[ExpertRequest]:
    """The item's declined and withdrawn requests, newest first."""
    return list(
        ExpertRequest.objects.filter(agenda_item=item)
        .exclude(status__in=ExpertRequest.LIVE)
        .select_related("expert")
    )


def expert_dependence_pitfall() -> "Entry | None":
    """The Handreiking's pitfall on leaning too much on an expert, with its sources."""
    return catalogue_selectors.entries_all().filter(slug=EXPERT_DEPENDENCE).first()


def facilitators_to_tell(*, request: ExpertRequest) -> list[User]:
    """Who hears the expert's answer: the facilitator who asked, or, if that account is gone,
    the network's facilitators now."""
    if request.requested_by is not None and request.requested_by.is_active:
        return [request.requested_by]
    network_id = request.agenda_item.meeting.network_id
    return list(
        User.objects.filter(
            is_active=True,
            pk__in=network_selectors.memberships_active(network=network_id)
            .filter(role=Membership.Role.FACILITATOR)
            .values("user_id"),
        )
    )
