"""The region's facilitators' network: started and led by the coordinator, the region's
facilitators invited to it, the same meetings and groups as any network, and nowhere in the
public overview or the region's figures as a learning network."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.barometer.selectors.region import region_overview
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core.tests.factories import (
    DistrictFactory,
    NetworkFactory,
    OrganisationFactory,
    RegionFactory,
    UserFactory,
    add_member,
    login,
    make_facilitator,
)
from lerendnetwerk.evaluation.selectors import cycles_in_year
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks import selectors, services
from lerendnetwerk.networks.models import Membership, MembershipInvitation, Network
from lerendnetwerk.regions.models import District
from lerendnetwerk.reports import selectors as report_selectors
from lerendnetwerk.showcases.selectors import region_counts_by_district
from lerendnetwerk.signals.selectors.region import region_networks as signal_region_networks
from lerendnetwerk.signals.services import signals_compute

pytestmark = pytest.mark.django_db


def start(coordinator: User, district: District, name: str = "Kartrekkers Utrecht") -> Network:
    return services.facilitators_network_create(
        district=district, created_by=coordinator, name=name
    )


@pytest.fixture
def facilitators_network(coordinator: User, district: District) -> Network:
    return start(coordinator, district)


# --- Starting it ----------------------------------------------------------------------------------


def test_a_coordinator_starts_it_from_the_overview_and_leads_it(coordinator, district):
    client = login(coordinator)
    overview = client.get(reverse("networks:coordination")).content.decode()
    assert reverse("networks:facilitators_create") in overview

    response = client.post(
        reverse("networks:facilitators_create"),
        {"name": "Kartrekkers Utrecht", "district": district.pk, "description": "Samen leren."},
    )
    network = Network.objects.get(name="Kartrekkers Utrecht")
    assert response["Location"] == reverse("networks:facilitators_invite", args=[network.slug])
    assert network.kind == Network.Kind.FACILITATORS
    assert network.facilitators_region == district.region
    assert network.current_cycle is not None and network.current_cycle.phase == ""
    assert selectors.member_roles(network=network, user=coordinator) == {"facilitator"}
    # Once the region has one, the overview no longer offers to start it but lists it.
    overview = client.get(reverse("networks:coordination")).content.decode()
    assert reverse("networks:facilitators_create") not in overview
    assert reverse("pages:network", args=[network.slug]) in overview


def test_a_region_has_one_facilitators_network(coordinator, district, facilitators_network):
    with pytest.raises(ValidationError, match="heeft al een kartrekkersnetwerk"):
        start(coordinator, district, name="Nog een")
    response = login(coordinator).get(reverse("networks:facilitators_create"))
    assert response["Location"] == reverse("networks:coordination")


def test_the_database_allows_one_per_region_and_none_for_a_learning_network(
    coordinator, district, facilitators_network
):
    with pytest.raises(IntegrityError), transaction.atomic():
        Network.objects.create(
            name="Tweede",
            slug="tweede",
            district=district,
            kind=Network.Kind.FACILITATORS,
            facilitators_region=district.region,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Network.objects.create(
            name="Leren",
            slug="leren",
            district=district,
            facilitators_region=RegionFactory.create(),
        )


def test_only_a_coordinator_of_the_region_starts_it(coordinator, facilitator):
    elsewhere = DistrictFactory.create()
    with pytest.raises(ValidationError):
        start(coordinator, elsewhere)
    assert login(facilitator).get(reverse("networks:facilitators_create")).status_code == 403
    assert not Network.objects.filter(kind=Network.Kind.FACILITATORS).exists()


# --- Inviting the region's facilitators ---------------------------------------------------------


def test_all_the_region_s_facilitators_are_invited_once_in_their_language(
    coordinator,
    district,
    facilitators_network,
    network,
    facilitator,
    participant,
    outsider,
    django_capture_on_commit_callbacks,
):
    english = UserFactory.create(name="Emma English", language="en")
    add_member(NetworkFactory.create(district=district), english, role="facilitator")
    elsewhere = make_facilitator(NetworkFactory.create(district=DistrictFactory.create()))
    url = reverse("networks:facilitators_invite", args=[facilitators_network.slug])
    client = login(coordinator)
    page = client.get(url).content.decode()
    assert "Fatima Kartrekker" in page and "Emma English" in page
    assert participant.name not in page and elsewhere.name not in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response["Location"] == reverse("networks:members", args=[facilitators_network.slug])
    invited = set(
        MembershipInvitation.objects.filter(network=facilitators_network).values_list(
            "email", flat=True
        )
    )
    assert invited == {facilitator.email, english.email}
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[english.email] == f"Invitation: {facilitators_network.name}"
    assert subjects[facilitator.email] == f"Uitnodiging: {facilitators_network.name}"

    # Asked again, nobody gets a second invitation; after accepting, one is a member.
    mail.outbox.clear()
    assert services.facilitators_invite(network=facilitators_network, invited_by=coordinator) == 0
    assert mail.outbox == []
    invitation = MembershipInvitation.objects.get(email=facilitator.email)
    services.membership_invitation_accept(invitation=invitation, user=facilitator)
    assert selectors.member_roles(network=facilitators_network, user=facilitator) == {"participant"}


def test_only_its_leaders_invite_and_only_into_a_facilitators_network(
    facilitators_network, network, facilitator, coordinator
):
    url = reverse("networks:facilitators_invite", args=[facilitators_network.slug])
    assert login(facilitator).get(url).status_code == 403
    learning = reverse("networks:facilitators_invite", args=[network.slug])
    assert login(coordinator).get(learning).status_code == 403
    with pytest.raises(ValidationError):
        services.facilitators_invite(network=network, invited_by=coordinator)


# --- The same tools, without the learning network's process -------------------------------------


def test_it_has_meetings_groups_and_members_but_no_phases_or_public_page(
    coordinator, facilitators_network
):
    client = login(coordinator)
    slug = facilitators_network.slug
    page = client.get(reverse("pages:network", args=[slug])).content.decode()
    for url_name in ("meetings:network", "groups:overview", "networks:members"):
        assert reverse(url_name, args=[slug]) in page, url_name
    for url_name in ("networks:prerequisites", "themes:overview", "barometer:network"):
        assert reverse(url_name, args=[slug]) not in page, url_name
    assert reverse("public:network", args=["utrecht", slug]) not in page
    assert reverse("groups:mentoring") in page
    assert "Fasen" not in page

    assert client.get(reverse("pages:network_phase", args=[slug])).status_code == 403
    prerequisite = reverse("networks:prerequisite", args=[slug, "tijd"])
    assert client.get(prerequisite).status_code == 403


def test_its_leader_plans_meetings_for_its_members(
    coordinator, facilitators_network, facilitator, django_capture_on_commit_callbacks
):
    add_member(facilitators_network, facilitator)
    assert coordinator.has_perm("meetings.schedule_meeting", facilitators_network)
    starts = timezone.now() + timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = meeting_services.meeting_schedule(
            network=facilitators_network,
            title="Intervisie",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            address="Stadskantoor",
            created_by=coordinator,
        )
        # The invitations go out once the agenda is ready.
        meeting_services.agenda_item_add(
            meeting=meeting, title="Casus", duration_minutes=60, lead="facilitator"
        )
        meeting_services.meeting_send_invitations(meeting=meeting)
    assert meeting.phase == ""
    assert {m.to[0] for m in mail.outbox} == {coordinator.email, facilitator.email}


def test_a_member_s_organisation_does_not_become_a_member_organisation(
    coordinator, facilitators_network, district
):
    school = OrganisationFactory.create(district=district)
    manager = UserFactory.create(is_manager=True, organisation=school)
    add_member(facilitators_network, UserFactory.create(organisation=school))
    assert not facilitators_network.organisations.exists()
    assert selectors.organisation_choices(network=facilitators_network).count() == 0
    assert facilitators_network not in selectors.networks_of_organisation(manager=manager)


# --- Not a learning network in the public overview or the region's figures ----------------------


def test_the_public_never_sees_it(client, facilitators_network, network):
    page = client.get(reverse("public:region", args=["utrecht"])).content.decode()
    assert network.name in page
    assert facilitators_network.name not in page
    for url_name in ("public:network", "networks:contact", "showcases:public"):
        url = reverse(url_name, args=["utrecht", facilitators_network.slug])
        assert client.get(url).status_code == 404, url_name


def test_the_coordinator_overview_counts_learning_networks_only(
    coordinator, facilitators_network, network
):
    response = login(coordinator).get(reverse("networks:coordination"))
    assert response.context["networks"] == [network]
    assert response.context["facilitators_networks"] == [facilitators_network]
    preparing = response.context["phase_counts"][0]
    assert preparing[2] == 1


def held_meeting(network: Network, by: User) -> Meeting:
    """A meeting of the network held yesterday, with attendance and a work form on its agenda."""
    starts = timezone.now() + timedelta(days=1)
    meeting = meeting_services.meeting_schedule(
        network=network,
        title="Bijeenkomst",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Utrecht",
        created_by=by,
    )
    meeting_services.agenda_item_add(
        meeting=meeting,
        entry=Entry.objects.get(slug="casusbesprekingen"),
        duration_minutes=30,
        lead="facilitator",
    )
    # Planned ahead, as a new meeting must be; then it took place.
    held = starts - timedelta(days=2)
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=held, ends_at=held + timedelta(hours=2))
    meeting.refresh_from_db()
    meeting_services.attendance_record(meeting=meeting, present=[by])
    return meeting


def test_the_region_s_figures_leave_it_out(coordinator, facilitators_network, utrecht):
    held_meeting(facilitators_network, coordinator)
    year = timezone.localdate().year

    assert report_selectors.region_networks(region=utrecht, year=year) == []
    assert report_selectors.region_meetings_held(region=utrecht, year=year) == {}
    assert report_selectors.region_work_forms(region=utrecht, year=year) == []
    assert report_selectors.region_goals(region=utrecht, year=year) == {}
    assert report_selectors.region_cycle_trends(region=utrecht, year=year) == {}
    assert not cycles_in_year(region=utrecht, year=year).exists()
    assert all(total == 0 for _, total, _ in region_counts_by_district(region=utrecht, year=year))
    assert region_overview(region=utrecht).rows == []
    assert list(signal_region_networks(user=coordinator)) == []
    assert signals_compute().networks == 0
    assert facilitators_network not in selectors.network_list_public(region=utrecht)


def test_a_learning_network_s_figures_are_still_counted(coordinator, network, facilitator, utrecht):
    # The same data in a learning network does count: the tests above prove an exclusion.
    held_meeting(network, facilitator)
    year = timezone.localdate().year
    assert [
        line.network for line in report_selectors.region_networks(region=utrecht, year=year)
    ] == [network]
    assert report_selectors.region_meetings_held(region=utrecht, year=year)["Overvecht"].held == 1
    assert report_selectors.region_work_forms(region=utrecht, year=year)[0].slug == (
        "casusbesprekingen"
    )
    assert [row.network for row in region_overview(region=utrecht).rows] == [network]
    assert list(signal_region_networks(user=coordinator)) == [network]
    assert signals_compute().networks == 1


def test_a_member_s_dashboard_shows_it_without_a_phase_or_health(coordinator, facilitators_network):
    page = login(coordinator).get(reverse("pages:dashboard")).content.decode()
    assert facilitators_network.name in page
    assert "Kartrekkersnetwerk" in page  # in place of the phase
    assert reverse("signals:network", args=[facilitators_network.slug]) not in page


def test_its_memberships_are_ordinary_memberships(facilitators_network, facilitator):
    add_member(facilitators_network, facilitator)
    membership = Membership.objects.get(network=facilitators_network, user=facilitator)
    services.membership_leave(network=facilitators_network, user=facilitator)
    membership.refresh_from_db()
    assert membership.left_at is not None


def test_its_leader_edits_name_and_description_without_member_organisations(
    coordinator, facilitators_network
):
    url = reverse("networks:edit", args=[facilitators_network.slug])
    client = login(coordinator)
    assert 'name="organisations"' not in client.get(url).content.decode()
    response = client.post(url, {"name": "Kartrekkers 030", "description": "Elke maand."})
    assert response["Location"] == reverse("pages:network", args=[facilitators_network.slug])
    facilitators_network.refresh_from_db()
    assert (facilitators_network.name, facilitators_network.description) == (
        "Kartrekkers 030",
        "Elke maand.",
    )
