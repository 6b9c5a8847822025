"""The main pages as their users see them in the generated national-scale data (`scale.py`):
the pages the benchmark (bench/scale) drives and the query budgets measure, each with the role
that sees it. The first is the floor: a trivial page through the same middleware."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks.models import Network
from lerendnetwerk.themes.models import FocusArea

from .scale import COORDINATOR, FACILITATOR, PARTICIPANT, login


@dataclass(frozen=True)
class Page:
    name: str
    login: str  # "" for the public
    path: str


def main_pages(namespace: str = "") -> list[Page]:
    """The pages of the data set generated with `namespace`."""
    network = Network.objects.select_related("district__region").get(slug=f"{namespace}ln-0")
    region = network.district.region
    meeting = Meeting.objects.filter(network=network, starts_at__gt=timezone.now()).earliest(
        "starts_at"
    )
    barometer_round = network.barometer_rounds.earliest("opened_at")
    # A theme the region's networks work on, for the filtered overviews.
    focus_area = (
        FocusArea.objects.filter(themes__cycle__network__district__region=region)
        .order_by("pk")
        .first()
    )
    theme = f"thema={focus_area.pk if focus_area else 'other'}"
    overview = reverse("public:region", args=[region.slug])
    good_practice = reverse("public:good_practice", args=[region.slug])
    library = reverse("resources:index", args=[region.slug])
    facilitator, participant, coordinator = (
        login(namespace, email) for email in (FACILITATOR, PARTICIPANT, COORDINATOR)
    )
    return [
        Page("floor (status)", "", reverse("pages:status")),
        Page("district overview", "", overview),
        Page("district overview, filtered", "", f"{overview}?{theme}&organisatie=daycare"),
        Page(
            "public network page",
            "",
            reverse("public:network", args=[region.slug, network.slug]),
        ),
        Page("themes", "", reverse("public:themes", args=[region.slug])),
        Page("good practice", "", good_practice),
        Page("good practice, filtered", "", f"{good_practice}?{theme}"),
        Page("catalogue", "", reverse("catalogue:stage", args=["verkenning"])),
        Page("knowledge offer", "", reverse("knowledge:offers", args=[region.slug])),
        Page("films and resources", "", library),
        Page("films and resources, filtered", "", f"{library}?soort=film"),
        Page("experts directory", "", reverse("knowledge:experts", args=[region.slug])),
        # A typical search: the results of the Handbook and of the networks' good practice.
        Page("search", "", f"{reverse('search:results', args=[region.slug])}?q=ouders"),
        Page("network page", facilitator, reverse("pages:network", args=[network.slug])),
        Page("meeting page", participant, reverse("meetings:detail", args=[meeting.pk])),
        Page("network meetings", facilitator, reverse("meetings:network", args=[network.slug])),
        Page("network signals", facilitator, reverse("signals:network", args=[network.slug])),
        Page("coordinator overview", coordinator, reverse("networks:coordination")),
        Page(
            "barometer results",
            participant,
            reverse("barometer:results", args=[network.slug, barometer_round.pk]),
        ),
        Page("barometer per region", coordinator, reverse("barometer:region")),
        Page("signals per region", coordinator, reverse("signals:region")),
        Page("member dashboard", participant, reverse("pages:dashboard")),
        Page("facilitator dashboard", facilitator, reverse("pages:dashboard")),
        Page("my diary", participant, reverse("journal:index")),
    ]
