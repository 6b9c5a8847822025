"""The manager's page: their organisation's networks with totals only, their commitment to
confirm, the panels other apps register, and a fixed number of queries."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from pytest_django import DjangoCaptureOnCommitCallbacks

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import (
    NetworkFactory,
    OrganisationFactory,
    UserFactory,
    add_member,
    login,
)
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks import manager_panels
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.networks.models import Network

from .test_network_home import _meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(network: Network, manager: User) -> list[User]:
    """Two of the manager's people in the network."""
    return [
        add_member(network, UserFactory.create(name=name, organisation=manager.organisation))
        for name in ("Anna Aanwezig", "Bram Afwezig")
    ]


def test_a_manager_sees_their_networks_with_attendance_as_totals_only(
    network: Network,
    facilitator: User,
    participant: User,
    manager: User,
    staff: list[User],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        held = _meeting(network, facilitator, "Kennismaken", in_days=7)
        meeting_services.rsvp_answer(
            meeting=held, user=staff[1], answer="declined", reason="Geheime reden: ziek kind"
        )
        moved = timezone.now() - timedelta(days=14)
        Meeting.objects.filter(pk=held.pk).update(
            starts_at=moved, ends_at=moved + timedelta(hours=2)
        )
        held.refresh_from_db()
        meeting_services.attendance_record(meeting=held, present=[staff[0], participant])
        _meeting(network, facilitator, "Praktijkvragen", in_days=7)

    response = login(manager).get(reverse("pages:manager"))

    assert response.status_code == 200
    (row, _form), *_ = response.context["rows"]
    assert row.network == network and row.staff == 2
    assert (row.attendance.held, row.attendance.expected, row.attendance.present) == (1, 2, 1)
    assert row.next_meeting.title == "Praktijkvragen"
    page = response.content.decode()
    assert "1 van 2 verwacht (50%) bij 1 gehouden bijeenkomsten" in page
    # Totals, never who or why.
    for private in ("Geheime reden", "Anna Aanwezig", "Bram Afwezig", "Daan Deelnemer"):
        assert private not in page


def test_a_manager_confirms_a_proposed_commitment_from_their_page(
    network: Network, facilitator: User, manager: User, staff: list[User]
) -> None:
    network_services.manager_commitment_record(
        network=network, manager=manager, role="sponsor", proposed_by=facilitator
    )
    client = login(manager)
    page = client.get(reverse("pages:manager"))
    assert page.context["waiting"] == 1
    content = page.content.decode()
    assert "1 ding wacht op je" in content and "Voorgesteld, wacht op bevestiging" in content
    dashboard = client.get(reverse("pages:dashboard")).content.decode()
    assert "1 ding wacht op je." in dashboard
    assert "Je bent nog geen lid van een netwerk" not in dashboard

    client.post(
        reverse("networks:commitment_confirm", args=[network.slug]),
        {"role": "sponsor", "hours_per_month": "8", "budget_euros": "2000"},
    )
    page = client.get(reverse("pages:manager"))
    assert page.context["waiting"] == 0
    assert "Er wacht niets op je" in page.content.decode()


def test_the_page_is_for_managers_who_lead_an_organisation(
    participant: User, manager: User
) -> None:
    assert login(participant).get(reverse("pages:manager")).status_code == 403
    no_organisation = UserFactory.create(is_manager=True)
    assert login(no_organisation).get(reverse("pages:manager")).status_code == 403
    assert login(manager).get(reverse("pages:manager")).status_code == 200


def test_registered_panels_are_shown_and_counted(manager: User) -> None:
    def render(request: object) -> SafeString:
        return mark_safe("<section><h2>Borgingsafspraken</h2></section>")

    panel = manager_panels.ManagerPanel(
        key="test-panel", order=99, render=render, waiting=lambda m: 2
    )
    manager_panels.register(panel)
    try:
        response = login(manager).get(reverse("pages:manager"))
    finally:
        manager_panels._panels.pop("test-panel")
    assert "Borgingsafspraken" in response.content.decode()
    assert response.context["waiting"] == 2


def _networks_with_staff(manager: User, facilitator: User, n: int) -> None:
    for i in range(n):
        network = NetworkFactory.create(name=f"LN Extra {i}")
        add_member(network, UserFactory.create(organisation=manager.organisation))
        add_member(network, UserFactory.create(organisation=OrganisationFactory.create()))
        network_services.manager_commitment_record(
            network=network, manager=manager, role="sponsor", proposed_by=facilitator
        )
        held = _meeting(network, facilitator, "Gehouden", in_days=-7)
        meeting_services.attendance_record(meeting=held, present=[])
        _meeting(network, facilitator, "Gepland", in_days=7)


def test_the_page_reads_a_fixed_number_of_queries(
    manager: User,
    facilitator: User,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _networks_with_staff(manager, facilitator, 2)
    client = login(manager)
    client.get(reverse("pages:manager"))
    # With an empty cache each time: the commitments just recorded change what the manager's
    # account reads with it (core/pagecache.py), which is not what this counts.
    cache.clear()
    with django_assert_max_num_queries(23) as two:
        client.get(reverse("pages:manager"))
    with django_capture_on_commit_callbacks(execute=True):
        _networks_with_staff(manager, facilitator, 8)
    cache.clear()
    with django_assert_max_num_queries(23) as ten:
        response = client.get(reverse("pages:manager"))
    assert len(response.context["rows"]) == 10
    assert len(ten.captured_queries) == len(two.captured_queries)
