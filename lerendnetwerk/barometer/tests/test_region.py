"""The coordinator's view: the latest barometer of every network and the region's trend."""

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.barometer.models import BarometerRound
from lerendnetwerk.barometer.selectors.region import NetworkRow, RegionOverview
from lerendnetwerk.core.tests.factories import NetworkFactory, login
from lerendnetwerk.networks.models import Network

from .conftest import count_queries, network_with_round

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

pytestmark = pytest.mark.django_db

URL = reverse("barometer:region")


def _row(page: "_MonkeyPatchedWSGIResponse", network: Network) -> NetworkRow:
    overview: RegionOverview = page.context["overviews"][0][0]
    return next(row for row in overview.rows if row.network == network)


def test_every_network_with_its_latest_round_or_why_not(coordinator, district, network):
    shown, _ = network_with_round(district, answers=5, value=4)
    hidden, _ = network_with_round(district, answers=3, value=2)
    page = login(coordinator).get(URL)
    assert page.status_code == 200
    assert _row(page, shown).visible and _row(page, shown).averages == [4.0] * 4
    assert not _row(page, hidden).visible and _row(page, hidden).answered == 3
    assert _row(page, network).barometer_round is None
    html = page.content.decode()
    assert html.count("<h1") == 1


def test_the_latest_round_counts(coordinator, district):
    network, first = network_with_round(district, answers=5, value=2)
    from .conftest import answer, close, make_round

    second = make_round(network)
    for membership in network.memberships.all():
        answer(second, membership.user, value=5)
    close(second)
    BarometerRound.objects.filter(pk=first.pk).update(
        closes_on=timezone.localdate() - timedelta(days=30)
    )
    page = login(coordinator).get(URL)
    assert _row(page, network).barometer_round == second
    assert _row(page, network).averages == [5.0] * 4


def test_the_region_trend_needs_three_networks_per_quarter(coordinator, district):
    for value in (2, 4):
        network_with_round(district, answers=5, value=value)
    overview = login(coordinator).get(URL).context["overviews"][0][0]
    assert overview.trend == [] and overview.periods_left_out == 1
    network_with_round(district, answers=5, value=3)
    overview = login(coordinator).get(URL).context["overviews"][0][0]
    assert len(overview.trend) == 1
    assert overview.trend[0].networks == 3
    assert overview.trend[0].in_order == [pytest.approx(3.0)] * 4


def test_other_regions_stay_out(coordinator, outsider):
    from lerendnetwerk.core.tests.factories import DistrictFactory

    elsewhere = NetworkFactory.create(district=DistrictFactory.create())
    page = login(coordinator).get(URL)
    networks = [row.network for o, _ in page.context["overviews"] for row in o.rows]
    assert elsewhere not in networks
    assert outsider.memberships.get().network in networks  # Utrecht, another district


def test_the_coordinator_page_runs_a_fixed_number_of_queries(coordinator, district):
    for value in (2, 3, 4):
        network_with_round(district, answers=5, value=value)
    network_with_round(district, answers=3)
    client = login(coordinator)
    count_queries(client, URL)  # warm up
    small = count_queries(client, URL)
    for value in (1, 2, 3, 4, 5):
        network_with_round(district, answers=5, value=value)
    network_with_round(district, answers=4)
    large = count_queries(client, URL)
    assert small == large
    assert large <= 16
