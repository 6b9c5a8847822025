"""Reads for the transfer pages, the manager's panel and the reports, each in a fixed number of
queries (progress is counted in the database, never by loading a plan's rows).

What a manager or a report gets is progress and agreements only: never the expected resistance,
the outcome of a presentation or a colleague's name from the relay.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue import selectors as catalogue_selectors
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Cycle, Network
from lerendnetwerk.regions.models import District, Organisation, Region

from .models import AnchoringAgreement, RelayStep, TransferItem, TransferPlan


@dataclass(frozen=True)
class OrganisationInNetwork:
    """A member organisation of a network: what the transfer permissions are asked about."""

    network: Network
    organisation: Organisation


@dataclass(frozen=True)
class Progress:
    presentation_on: date | None = None
    presentation_held: bool = False
    items: int = 0
    relay_done: int = 0
    relay_total: int = 0

    @property
    def presentation_planned(self) -> bool:
        return self.presentation_on is not None

    @property
    def steps(self) -> int:
        """How many of the three marks are reached: presentation held, an item on the team
        agenda or in the newsletter, a relay step done."""
        return sum([self.presentation_held, self.items > 0, self.relay_done > 0])


@dataclass
class OrganisationRow:
    organisation: Organisation
    progress: Progress
    agreements: list[AnchoringAgreement] = field(default_factory=list)


def place_get(*, network: Network, organisation_id: int) -> OrganisationInNetwork | None:
    """The organisation if it is a member organisation of the network, else None."""
    organisation = network.organisations.filter(pk=organisation_id).first()
    return OrganisationInNetwork(network, organisation) if organisation else None


def is_member_organisation(*, network: Network, organisation_id: int | None) -> bool:
    if not organisation_id:
        return False
    return network.organisations.filter(pk=organisation_id).exists()


def _plans_with_progress(today: date) -> QuerySet[TransferPlan]:
    return TransferPlan.objects.annotate(
        items_count=Count("items", distinct=True),
        relay_total=Count("relay_steps", distinct=True),
        relay_done=Count("relay_steps", filter=Q(relay_steps__on__lte=today), distinct=True),
    )


def _progress(plan: TransferPlan | None) -> Progress:
    if plan is None:
        return Progress()
    return Progress(
        presentation_on=plan.presentation_on,
        presentation_held=plan.presentation_held,
        items=plan.items_count,  # type: ignore[attr-defined]
        relay_done=plan.relay_done,  # type: ignore[attr-defined]
        relay_total=plan.relay_total,  # type: ignore[attr-defined]
    )


def _agreements(cycle_ids: list[int], organisation_ids: list[int]) -> QuerySet[AnchoringAgreement]:
    return AnchoringAgreement.objects.filter(
        cycle_id__in=cycle_ids, organisation_id__in=organisation_ids
    ).order_by("due_on", "pk")


def organisation_rows(*, cycle: Cycle, organisations: list[Organisation]) -> list[OrganisationRow]:
    """Per organisation its plan's progress and its agreements in this cycle (two queries)."""
    ids = [o.pk for o in organisations]
    plans = {
        p.organisation_id: p
        for p in _plans_with_progress(timezone.localdate()).filter(
            cycle=cycle, organisation_id__in=ids
        )
    }
    agreements: dict[int, list[AnchoringAgreement]] = defaultdict(list)
    for agreement in _agreements([cycle.pk], ids):
        agreements[agreement.organisation_id].append(agreement)
    return [OrganisationRow(o, _progress(plans.get(o.pk)), agreements[o.pk]) for o in organisations]


def network_organisations(*, network: Network, only: int | None = None) -> list[Organisation]:
    """The network's member organisations by name; `only` keeps just that one (a manager's)."""
    organisations = network.organisations.select_related("district").order_by("name")
    if only is not None:
        organisations = organisations.filter(pk=only)
    return list(organisations)


def plan_find(*, cycle: Cycle, organisation: Organisation) -> TransferPlan | None:
    """The plan with its work forms, items and relay steps (four queries), or None."""
    return (
        TransferPlan.objects.filter(cycle=cycle, organisation=organisation)
        .prefetch_related(
            "work_forms",
            "items",
            _relay_steps(),
        )
        .first()
    )


def _relay_steps() -> Prefetch[str, QuerySet[RelayStep], str]:
    return Prefetch("relay_steps", queryset=RelayStep.objects.select_related("given_by_member"))


def relay_step_get(*, cycle: Cycle, organisation: Organisation, pk: int) -> RelayStep | None:
    return (
        RelayStep.objects.filter(pk=pk, plan__cycle=cycle, plan__organisation=organisation)
        .select_related("given_by_member", "plan")
        .first()
    )


def relay_last_step(*, cycle: Cycle, organisation: Organisation) -> RelayStep | None:
    return (
        RelayStep.objects.filter(plan__cycle=cycle, plan__organisation=organisation)
        .order_by("-position")
        .first()
    )


def item_get(*, cycle: Cycle, organisation: Organisation, pk: int) -> TransferItem | None:
    return TransferItem.objects.filter(
        pk=pk, plan__cycle=cycle, plan__organisation=organisation
    ).first()


def agreements_of(*, cycle: Cycle, organisation: Organisation) -> list[AnchoringAgreement]:
    return list(
        _agreements([cycle.pk], [organisation.pk]).select_related("answered_by", "cycle__network")
    )


def agreement_get(*, network: Network, pk: int) -> AnchoringAgreement | None:
    """An agreement of one of this network's cycles, with its cycle and organisation."""
    return (
        AnchoringAgreement.objects.filter(pk=pk, cycle__network=network)
        .select_related("cycle__network", "organisation")
        .first()
    )


def organisation_members(*, network: Network, organisation: Organisation) -> list[User]:
    """The network's current members who work at this organisation: who can start a relay."""
    return list(
        network_selectors.members(network=network)
        .filter(organisation=organisation)
        .order_by("name")
    )


def work_form_choices(
    *, phase: str, region_id: int | None = None
) -> list[tuple[str, list[tuple[int, str]]]]:
    """The catalogue's work forms for a <select>, grouped by phase with `phase` first (one
    query): the shared Handbook's and the region's own."""
    entries = list(
        catalogue_selectors.entries_for_region(region_id=region_id)
        .filter(kind=Entry.Kind.ACTIVITY)
        .select_related("topic")
        .order_by("topic__order", "order")
    )
    stages = [phase, *[p for p in Phase.values if p != phase]] if phase else list(Phase.values)
    labels = {p.value: str(p.label) for p in Phase}
    return [
        (labels[stage], [(e.pk, e.title) for e in entries if e.topic.stage == stage])
        for stage in stages
        if any(e.topic.stage == stage for e in entries)
    ]


def work_forms_by_pk(*, pks: list[int], region_id: int | None = None) -> list[Entry]:
    return list(
        catalogue_selectors.entries_for_region(region_id=region_id).filter(
            pk__in=pks, kind=Entry.Kind.ACTIVITY
        )
    )


def organisation_managers(*, organisation: Organisation) -> list[User]:
    """The organisation's active managers: who confirms its anchoring agreements."""
    return list(
        User.objects.filter(is_manager=True, is_active=True, organisation=organisation).order_by(
            "name"
        )
    )


# The manager's panel


@dataclass
class ManagerNetworkRow:
    network: Network
    progress: Progress


@dataclass
class ManagerPanel:
    organisation: Organisation | None
    networks: list[ManagerNetworkRow]
    waiting: list[AnchoringAgreement]


def manager_panel(*, manager: User) -> ManagerPanel:
    """For a manager's own organisation: the plan's progress in each network it is a member
    organisation of (current cycle), and the agreements waiting for an answer (three queries)."""
    if not manager.is_manager or manager.organisation_id is None:
        return ManagerPanel(None, [], [])
    networks = list(
        Network.objects.filter(
            organisations=manager.organisation_id, current_cycle__isnull=False
        ).select_related("current_cycle")
    )
    plans = {
        p.cycle_id: p
        for p in _plans_with_progress(timezone.localdate()).filter(
            organisation_id=manager.organisation_id,
            cycle_id__in=[n.current_cycle_id for n in networks],
        )
    }
    waiting = list(
        AnchoringAgreement.objects.filter(
            organisation_id=manager.organisation_id, state=AnchoringAgreement.State.PROPOSED
        )
        .select_related("cycle__network", "organisation")
        .order_by("due_on", "pk")
    )
    return ManagerPanel(
        manager.organisation,
        [ManagerNetworkRow(n, _progress(plans.get(n.current_cycle_id or 0))) for n in networks],
        waiting,
    )


def waiting_count(*, manager: User) -> int:
    """Agreements of the manager's organisation proposed and not yet answered."""
    if not manager.is_manager or manager.organisation_id is None or not manager.is_active:
        return 0
    return AnchoringAgreement.objects.filter(
        organisation_id=manager.organisation_id, state=AnchoringAgreement.State.PROPOSED
    ).count()


# The reports


@dataclass
class CycleReportRow:
    organisation: Organisation
    presentation_held: bool
    relay_steps: int
    agreements: list[AnchoringAgreement]


def cycle_report(*, cycle: Cycle) -> list[CycleReportRow]:
    """Per member organisation: presentation held, relay steps done, agreements (three
    queries)."""
    organisations = list(cycle.network.organisations.order_by("name"))
    rows = organisation_rows(cycle=cycle, organisations=organisations)
    return [
        CycleReportRow(
            r.organisation, r.progress.presentation_held, r.progress.relay_done, r.agreements
        )
        for r in rows
    ]


@dataclass
class DistrictTotals:
    district: District
    organisations: int = 0
    presentations_held: int = 0
    relay_steps: int = 0
    confirmed: int = 0
    proposed: int = 0
    sent_back: int = 0
    in_plan: int = 0  # organisations with the network in their professionalisation plan

    @property
    def in_plan_share(self) -> float:
        return min(1.0, self.in_plan / self.organisations) if self.organisations else 0.0


def _cycles_in_year(region: Region, year: int) -> QuerySet[Cycle]:
    """The region's cycles that ran some time during the year."""
    return Cycle.objects.filter(
        network__district__region=region,
        network__kind=Network.Kind.LEARNING,
        started_at__year__lte=year,
    ).filter(Q(ended_at__isnull=True) | Q(ended_at__year__gte=year))


def region_report(*, region: Region, year: int) -> list[DistrictTotals]:
    """Totals per district of the region for the year (five queries, whatever its size).

    An organisation counts once per district it has a member organisation in a network of; it
    counts as having the network in its professionalisation plan when a manager confirmed an
    agreement saying so.
    """
    today = timezone.localdate()
    cycles = _cycles_in_year(region, year)
    totals = {d.pk: DistrictTotals(d) for d in region.districts.order_by("name")}
    pairs = (
        Network.organisations.through.objects.filter(network__cycles__in=cycles)
        .values_list("network__district_id", "organisation_id")
        .distinct()
    )
    for district_id, _organisation_id in pairs:
        totals[district_id].organisations += 1
    plans = (
        TransferPlan.objects.filter(cycle__in=cycles)
        .values("cycle__network__district_id")
        .annotate(
            held=Count("pk", filter=Q(presentation_held=True), distinct=True),
            steps=Count("relay_steps", filter=Q(relay_steps__on__lte=today), distinct=True),
        )
    )
    for row in plans:
        district = totals[row["cycle__network__district_id"]]
        district.presentations_held += row["held"]
        district.relay_steps += row["steps"]
    states = (
        AnchoringAgreement.objects.filter(cycle__in=cycles)
        .values("cycle__network__district_id", "state")
        .annotate(n=Count("pk"))
    )
    for counted in states:
        district = totals[counted["cycle__network__district_id"]]
        attribute = str(counted["state"])
        setattr(district, attribute, getattr(district, attribute) + counted["n"])
    in_plan = (
        AnchoringAgreement.objects.filter(
            cycle__in=cycles,
            state=AnchoringAgreement.State.CONFIRMED,
            in_professionalisation_plan=AnchoringAgreement.InPlan.YES,
        )
        .values_list("cycle__network__district_id", "organisation_id")
        .distinct()
    )
    for district_id, _organisation_id in in_plan:
        totals[district_id].in_plan += 1
    return list(totals.values())
