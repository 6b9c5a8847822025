"""The facilitators' own network in Utrecht: led by the demo coordinator, with every facilitator
of the region as a member and its next meeting planned with a case discussion; the demo
kartrekker, newer at it, has an experienced facilitator as mentor and a peer consultation with
them next week about a case of their own.

Through the services with `notify=False`; the meeting is written directly, as the other demo
meetings are, because planning one through the service e-mails every member.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.groups import services as group_services
from lerendnetwerk.meetings.models import AgendaItem, Meeting, Rsvp
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.networks.models import Membership, Network
from lerendnetwerk.regions.models import Region

CASE_TITLE = "Een netwerk dat blijft hangen in overleg"
CASE_DESCRIPTION = (
    "In mijn netwerk in Overvecht lopen de bijeenkomsten uit op een vergadering: we bespreken "
    "agendapunten en mededelingen, en aan werkvormen komen we niet toe. Twee deelnemers zeiden "
    "af omdat ze 'er weinig uit halen'. Mijn vraag: hoe breng ik weer leren in de bijeenkomst, "
    "zonder dat de schoolleiders die het overleg prettig vinden afhaken?"
)


def seed_facilitators(*, coordinator: User, kartrekker: User) -> Network:
    region = Region.objects.get(slug="utrecht")
    district = region.districts.filter(slug="binnenstad").first() or region.districts.first()
    assert district is not None
    network = network_services.facilitators_network_create(
        district=district,
        created_by=coordinator,
        name="Kartrekkersnetwerk Utrecht",
        description=(
            "De kartrekkers van de Utrechtse Lerende Netwerken leren van en met elkaar: "
            "uitwisseling, intervisie met een casus uit eigen praktijk, en een ervaren kartrekker "
            "als mentor voor wie net begint."
        ),
    )
    for facilitator in network_selectors.region_facilitators(region=region):
        network_services.membership_add(
            network=network, user=facilitator, role=Membership.Role.PARTICIPANT
        )
    _next_meeting(network, coordinator)
    mentor = _experienced_facilitator(region, not_=kartrekker)
    group_services.mentorship_start(
        region=region,
        mentor=mentor,
        mentee=kartrekker,
        paired_by=coordinator,
        started_on=timezone.localdate() - timedelta(days=60),
        note="Kijk samen naar de opbouw van de bijeenkomsten en de werkvormen per fase.",
        notify=False,
    )
    day = timezone.localdate() + timedelta(days=8)
    group_services.consultation_plan(
        planned_by=kartrekker,
        others=[mentor],
        starts_at=datetime.combine(day, time(15, 30), tzinfo=timezone.get_current_timezone()),
        place="Bibliotheek Overvecht, Vasco da Gamalaan",
        case_title=CASE_TITLE,
        case_description=CASE_DESCRIPTION,
        notify=False,
    )
    return network


def _experienced_facilitator(region: Region, not_: User) -> User:
    """A facilitator of a network in its second cycle: someone who has been through it all."""
    membership = (
        Membership.objects.filter(
            left_at__isnull=True,
            role=Membership.Role.FACILITATOR,
            network__kind=Network.Kind.LEARNING,
            network__district__region=region,
            network__current_cycle__number__gte=2,
        )
        .exclude(user=not_)
        .select_related("user")
        .order_by("network__name", "pk")
        .first()
    )
    assert membership is not None
    return membership.user


def _next_meeting(network: Network, coordinator: User) -> Meeting:
    assert network.current_cycle is not None
    day = timezone.localdate() + timedelta(weeks=3)
    zone = timezone.get_current_timezone()
    meeting = Meeting.objects.create(
        network=network,
        cycle=network.current_cycle,
        title="Kartrekkersoverleg: intervisie",
        purpose="Twee kartrekkers brengen een casus in; daarna wisselen we uit wat werkt.",
        starts_at=datetime.combine(day, time(14, 0), tzinfo=zone),
        ends_at=datetime.combine(day, time(16, 30), tzinfo=zone),
        address="Stadskantoor, Stadsplateau 1",
        created_by=coordinator,
        invitations_sent_at=timezone.now(),
    )
    case_discussion = Entry.objects.filter(slug="casusbesprekingen").first()
    AgendaItem.objects.bulk_create(
        [
            AgendaItem(
                meeting=meeting,
                order=1,
                title="Welkom en rondje",
                duration_minutes=15,
                lead=AgendaItem.Lead.FACILITATOR,
            ),
            AgendaItem(
                meeting=meeting,
                order=2,
                entry=case_discussion,
                title=case_discussion.title if case_discussion else "Casusbesprekingen",
                duration_minutes=90,
                lead=AgendaItem.Lead.FACILITATOR,
            ),
        ]
    )
    Rsvp.objects.bulk_create(
        Rsvp(meeting=meeting, user=user) for user in network_selectors.members(network=network)
    )
    return meeting
