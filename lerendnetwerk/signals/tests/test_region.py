"""The region's health page: every network of the coordinator's regions with counts, filters,
sorting, pages and the attendance trend, without names and in a fixed number of queries."""

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import NetworkFactory, UserFactory, add_member, login
from lerendnetwerk.meetings.models import Meeting, Rsvp
from lerendnetwerk.meetings.selectors import attendance_trends
from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import District, Region
from lerendnetwerk.signals.models import Severity, Signal
from lerendnetwerk.signals.rulebook import RULES
from lerendnetwerk.signals.views import region as region_views

pytestmark = pytest.mark.django_db
URL = reverse("signals:region")


def signal(network: Network, rule: str, severity: Severity, **kwargs: Any) -> Signal:
    return Signal.objects.create(
        network=network,
        rule=rule,
        severity=severity,
        since=timezone.localdate(),
        **kwargs,
    )


def recorded_meeting(network: Network, days_ago: int, attended: int, invited: int) -> Meeting:
    starts = timezone.now() - timedelta(days=days_ago)
    meeting = Meeting.objects.create(
        network=network,
        cycle=network.cycles.get(),
        title="Bijeenkomst",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        attendance_recorded_at=starts + timedelta(hours=2),
    )
    Rsvp.objects.bulk_create(
        Rsvp(meeting=meeting, user=UserFactory.create(), attended=i < attended)
        for i in range(invited)
    )
    return meeting


def rows(response: Any) -> list[str]:
    return [network.name for network, *_rest in response.context["rows"]]


def test_shows_only_the_coordinators_regions_with_counts_per_severity(
    coordinator: User, network: Network, district: District
) -> None:
    signal(network, "no_meeting_planned", Severity.ALERT, facts={"weeks": 9})
    signal(network, "hobby_horses", Severity.WARNING)
    signal(network, "too_little_time", Severity.WARNING)
    signal(network, "barometer_low", Severity.INFO)
    signal(network, "drop_outs", Severity.ALERT, cleared_at=timezone.now())  # history
    elsewhere = Region.objects.create(name="Amersfoort", slug="amersfoort")
    NetworkFactory.create(
        name="LN Amersfoort", district=District.objects.create(region=elsewhere, name="Centrum")
    )

    response = login(coordinator).get(URL)

    assert response.status_code == 200
    assert rows(response) == ["LN Overvecht"]
    row = response.context["rows"][0]
    shown = row[0]
    assert (shown.alerts, shown.warnings, shown.infos) == (1, 2, 1)
    assert row[1] == RULES["no_meeting_planned"].name
    assert "LN Amersfoort" not in response.content.decode()


def test_no_names_of_people_on_the_page(
    coordinator: User, network: Network, facilitator: User, participant: User
) -> None:
    signal(
        network,
        "cancellations",
        Severity.ALERT,
        facts={"n": 3, "declined": 5, "invited": 9, "no_shows": 0, "repeated": 1},
        private={"repeated_declines": [participant.name]},
    )

    page = login(coordinator).get(URL).content.decode()

    for name in (participant.name, facilitator.name, coordinator.name):
        assert name not in page
    assert "repeated_declines" not in page


def test_filters_by_district_phase_and_signal(coordinator: User, utrecht: Region) -> None:
    overvecht = utrecht.districts.get(slug="overvecht")
    zuid = utrecht.districts.get(slug="zuid")
    quiet = NetworkFactory.create(name="LN Stil", district=overvecht)
    worried = NetworkFactory.create(name="LN Zorg", district=zuid)
    signal(worried, "hobby_horses", Severity.WARNING)
    client = login(coordinator)

    assert rows(client.get(URL, {"wijk": zuid.pk})) == ["LN Zorg"]
    assert rows(client.get(URL, {"signaal": "hobby_horses"})) == ["LN Zorg"]
    assert rows(client.get(URL, {"signaal": "drop_outs"})) == []
    assert set(rows(client.get(URL, {"fase": "preparing"}))) == {"LN Stil", "LN Zorg"}
    assert rows(client.get(URL, {"fase": "development"})) == []
    # A filter that is not a choice shows everything and says what was wrong.
    response = client.get(URL, {"wijk": "999999"})
    assert set(rows(response)) == {"LN Stil", "LN Zorg"}
    assert response.context["form"].errors
    assert quiet.pk


def test_sorts_by_severity_name_and_phase(coordinator: User, district: District) -> None:
    for name in ("LN Alfa", "LN Beta", "LN Gamma"):
        NetworkFactory.create(name=name, district=district)
    gamma = Network.objects.get(name="LN Gamma")
    beta = Network.objects.get(name="LN Beta")
    signal(gamma, "no_meeting_planned", Severity.ALERT, facts={"weeks": 9})
    signal(beta, "hobby_horses", Severity.WARNING)
    client = login(coordinator)

    assert rows(client.get(URL)) == ["LN Gamma", "LN Beta", "LN Alfa"]
    assert rows(client.get(URL, {"sort": "name"})) == ["LN Alfa", "LN Beta", "LN Gamma"]
    page = client.get(URL, {"sort": "name"}).content.decode()
    assert 'aria-sort="ascending"' in page
    assert "?sort=severity" in page


def test_pages_keep_the_filters(
    coordinator: User, district: District, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(region_views, "PER_PAGE", 2)
    for n in range(5):
        NetworkFactory.create(name=f"LN {n}", district=district)
    client = login(coordinator)

    first = client.get(URL, {"sort": "name", "wijk": str(district.pk)})
    third = client.get(URL, {"sort": "name", "wijk": str(district.pk), "pagina": "3"})

    assert rows(first) == ["LN 0", "LN 1"]
    assert rows(third) == ["LN 4"]
    page = first.content.decode()
    assert f"?sort=name&amp;wijk={district.pk}&amp;pagina=2" in page, page[
        page.find("pagination") :
    ][:1500]


def test_the_attendance_trend_is_an_accessible_sparkline(
    coordinator: User, network: Network
) -> None:
    for days_ago, attended in ((70, 8), (56, 8), (42, 6), (28, 5), (21, 5), (14, 4), (7, 3)):
        recorded_meeting(network, days_ago, attended, invited=10)

    response = login(coordinator).get(URL)

    page = response.content.decode()
    assert 'role="img"' in page
    assert 'aria-labelledby="trend-' in page
    # The last six meetings only; the rates are in the description.
    description = page.split('-desc">')[1].split("</desc>")[0]
    assert "80%" in description and "30%" in description
    assert description.count("%") == 6


def test_attendance_trends_in_one_query(network: Network, district: District) -> None:
    other = NetworkFactory.create(name="LN Ander", district=district)
    for days_ago in range(1, 9):
        recorded_meeting(network, days_ago * 7, 5, invited=10)
    recorded_meeting(other, 7, 1, invited=4)

    with CaptureQueriesContext(connection) as queries:
        trends = attendance_trends(network_ids=[network.pk, other.pk])

    assert len(queries) == 1
    assert len(trends[network.pk]) == 6
    assert [p.percentage for p in trends[other.pk]] == [25]
    days = [p.day for p in trends[network.pk]]
    assert days == sorted(days)


def _count_queries(client: Any) -> int:
    client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_a_fixed_number_of_queries_whatever_the_number_of_networks(
    coordinator: User, district: District
) -> None:
    client = login(coordinator)

    def grow(n: int) -> None:
        for _i in range(n):
            network = NetworkFactory.create(district=district)
            add_member(network)
            signal(network, "hobby_horses", Severity.WARNING)
            recorded_meeting(network, 7, 2, invited=3)

    grow(2)
    few = _count_queries(client)
    grow(8)
    many = _count_queries(client)

    assert few == many


@pytest.mark.parametrize("role", ["participant", "facilitator", "outsider"])
def test_only_coordinators(request: pytest.FixtureRequest, role: str) -> None:
    user = request.getfixturevalue(role)
    assert login(user).get(URL).status_code == 403
