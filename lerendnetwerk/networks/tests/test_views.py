import pytest
from django.core import mail
from django.urls import reverse

from lerendnetwerk.core.tests.factories import (
    NetworkFactory,
    login,
    make_facilitator,
)
from lerendnetwerk.networks import services
from lerendnetwerk.networks.models import Membership, Network

from .test_services_phases import record_all_prerequisites

pytestmark = pytest.mark.django_db


def test_a_coordinator_starts_a_network_in_a_district_of_their_region(coordinator, district):
    client = login(coordinator)
    response = client.post(
        reverse("networks:create"),
        {"name": "LN Overvecht Taal", "district": district.pk, "description": "Woordenschat."},
    )
    network = Network.objects.get(name="LN Overvecht Taal")
    assert response["Location"] == reverse("networks:invite", args=[network.slug])
    assert network.current_cycle is not None
    assert network.current_cycle.number == 1 and network.current_cycle.phase == ""
    assert network.created_by == coordinator


def test_starting_a_network_in_another_region_is_refused_and_input_kept(coordinator):
    from lerendnetwerk.core.tests.factories import DistrictFactory

    elsewhere = DistrictFactory.create()
    client = login(coordinator)
    response = client.post(
        reverse("networks:create"), {"name": "LN Elders", "district": elsewhere.pk}
    )
    assert response.status_code == 200
    assert 'value="LN Elders"' in response.content.decode()
    assert not Network.objects.filter(name="LN Elders").exists()


def test_the_facilitator_invites_a_participant_who_joins_with_their_organisation(
    network, facilitator, district, django_capture_on_commit_callbacks
):
    from lerendnetwerk.core.tests.factories import OrganisationFactory

    school = OrganisationFactory.create(district=district, name="Basisschool De Zon")
    client = login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("networks:invite", args=[network.slug]),
            {
                "name": "Pieter Leerkracht",
                "email": "pieter@example.org",
                "organisation": school.pk,
                "role": "participant",
            },
        )
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="pieter@example.org")
    assert membership.role == "participant" and membership.network == network
    assert school in network.organisations.all()
    [message] = mail.outbox
    assert network.name in message.subject


def test_a_facilitator_cannot_make_someone_facilitator_by_posting_the_role(network, facilitator):
    client = login(facilitator)
    response = client.post(
        reverse("networks:invite", args=[network.slug]),
        {"name": "Stiekem", "email": "stiekem@example.org", "role": "facilitator"},
    )
    assert response.status_code == 200
    assert not Membership.objects.filter(user__email="stiekem@example.org").exists()


def test_the_coordinator_makes_a_member_facilitator(network, participant, coordinator):
    membership = participant.memberships.get()
    login(coordinator).post(
        reverse("networks:membership_make_facilitator", args=[network.slug, membership.pk])
    )
    membership.refresh_from_db()
    assert membership.role == "facilitator"


def test_a_member_who_leaves_keeps_history_but_loses_access(network, facilitator, participant):
    membership = participant.memberships.get()
    login(facilitator).post(reverse("networks:membership_end", args=[network.slug, membership.pk]))
    membership.refresh_from_db()
    assert membership.left_at is not None
    assert login(participant).get(reverse("pages:network", args=[network.slug])).status_code == 403


def test_the_network_page_says_which_prerequisites_are_missing(network, facilitator):
    page = login(facilitator).get(reverse("pages:network", args=[network.slug]))
    content = page.content.decode()
    assert reverse("networks:prerequisites", args=[network.slug]) in content
    assert [kind.value for kind in page.context["home"].missing_prerequisites] == [
        "management_commitment",
        "participant_motivation",
        "time",
        "budget_and_expert",
    ]


def test_a_prerequisite_form_keeps_input_and_says_what_is_missing(network, facilitator):
    client = login(facilitator)
    response = client.post(
        reverse("networks:prerequisite", args=[network.slug, "budget-en-expert"]),
        {"evidence": "Wijkbudget toegezegd", "budget_euros": "", "expert_name": "HU"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Wijkbudget toegezegd" in content and 'value="HU"' in content
    assert "budget_euros_error" in content
    assert not network.prerequisites.exists()


def test_the_public_contact_form_mails_the_facilitator_without_showing_their_address(
    client, network, facilitator, django_capture_on_commit_callbacks
):
    public = reverse("public:network", args=["utrecht", network.slug])
    assert facilitator.email not in client.get(public).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("networks:contact", args=["utrecht", network.slug]),
            {"name": "Ouder", "email": "ouder@example.org", "message": "Mag ik aansluiten?"},
        )
    assert response.url == public
    [message] = mail.outbox
    assert message.to == [facilitator.email]
    assert "Mag ik aansluiten?" in message.body


def test_a_facilitator_who_agreed_shows_their_address(client, network, facilitator):
    facilitator.show_email_publicly = True
    facilitator.save()
    public = reverse("public:network", args=["utrecht", network.slug])
    assert facilitator.email in client.get(public).content.decode()


def test_the_coordinator_overview_shows_phase_and_facilitator(coordinator, network, facilitator):
    page = login(coordinator).get(reverse("networks:coordination"))
    content = page.content.decode()
    assert network.name in content and facilitator.name in content


def test_the_contact_form_has_a_brake_against_floods(client, network, facilitator):
    url = reverse("networks:contact", args=["utrecht", network.slug])
    data = {"name": "Ouder", "email": "ouder@example.org", "message": "Hallo"}
    statuses = [client.post(url, data).status_code for _ in range(5)]
    assert statuses == [302] * 3 + [429] * 2
    page = client.post(url, data).content.decode()
    assert "Probeer het over een uur opnieuw" in page
    assert 'value="ouder@example.org"' in page


def test_one_sender_flooding_a_network_does_not_block_its_form_for_others(
    client, network, facilitator, django_capture_on_commit_callbacks
):
    url = reverse("networks:contact", args=["utrecht", network.slug])
    data = {"name": "Ouder", "email": "ouder@example.org", "message": "Hallo"}
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(40):
            client.post(url, data, REMOTE_ADDR="198.51.100.7")
        response = client.post(url, data, REMOTE_ADDR="203.0.113.20")
    assert response.status_code == 302
    assert len(mail.outbox) == 4


def test_many_senders_together_reach_the_networks_cap(client, network, facilitator, settings):
    settings.CONTACT_LIMIT_PER_NETWORK = 4
    url = reverse("networks:contact", args=["utrecht", network.slug])
    data = {"name": "Ouder", "email": "ouder@example.org", "message": "Hallo"}
    statuses = [client.post(url, data, REMOTE_ADDR=f"192.0.2.{n}").status_code for n in range(6)]
    assert statuses == [302] * 4 + [429] * 2


def test_a_sender_is_limited_over_all_networks(client, utrecht, settings):
    settings.CONTACT_LIMIT_PER_SENDER = 2
    data = {"name": "Ouder", "email": "ouder@example.org", "message": "Hallo"}
    statuses = []
    for _ in range(3):
        other = NetworkFactory.create(district=utrecht.districts.get(slug="zuid"))
        make_facilitator(other)
        url = reverse("networks:contact", args=["utrecht", other.slug])
        statuses.append(client.post(url, data).status_code)
    assert statuses == [302, 302, 429]


def test_the_network_page_shows_the_phase_questions_of_the_current_catalogue(
    network, facilitator, manager, django_capture_on_commit_callbacks
):
    from lerendnetwerk.catalogue.models import Topic

    with django_capture_on_commit_callbacks(execute=True):
        record_all_prerequisites(network, facilitator, manager)
        services.network_move_phase(network=network, to_phase="exploration", moved_by=facilitator)
    client = login(facilitator)
    page = reverse("pages:network", args=[network.slug])
    topic = Topic.objects.filter(stage="exploration").first()
    assert topic is not None
    assert topic.title in client.get(page).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        topic.title = "Wat willen we samen leren?"
        topic.save()
    assert "Wat willen we samen leren?" in client.get(page).content.decode()
