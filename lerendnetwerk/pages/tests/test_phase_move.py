"""The phase move page: the readiness summary of the phase the network leaves, a reason when
questions are still open, and the coordinator who sees which moves left questions open."""

import pytest
from django.urls import reverse

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.groups.services import buddies_set
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.networks.models import Network, PhaseTransition
from lerendnetwerk.networks.tests.test_services_phases import record_all_prerequisites
from lerendnetwerk.themes import services as theme_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def exploring(network: Network, facilitator: User, manager: User) -> Network:
    record_all_prerequisites(network, facilitator, manager)
    network_services.network_move_phase(
        network=network, to_phase="exploration", moved_by=facilitator
    )
    network.refresh_from_db()
    return network


def phase_url(network: Network) -> str:
    return reverse("pages:network_phase", args=[network.slug])


def test_moving_a_network_through_the_phase_page(network, facilitator, manager):
    client = login(facilitator)
    refused = client.post(phase_url(network), {"to_phase": "exploration"})
    assert refused.status_code == 200
    assert "utrecht-alert--warning" in refused.content.decode()
    assert len(refused.context["missing_prerequisites"]) == 4
    record_all_prerequisites(network, facilitator, manager)
    moved = client.post(phase_url(network), {"to_phase": "exploration"})
    assert moved["Location"] == reverse("pages:network", args=[network.slug])
    page = client.get(moved["Location"])
    assert page.context["home"].current_phase == "exploration"
    assert "Kennismaken" in page.content.decode()


def test_going_back_without_a_reason_keeps_the_form(network, facilitator):
    network.current_cycle.phase = "development"
    network.current_cycle.save()
    client = login(facilitator)
    form = client.get(phase_url(network) + "?richting=terug")
    assert form.context["going_back"] is True
    assert form.context["open_questions"] == []  # no readiness summary for a step back
    response = client.post(phase_url(network), {"to_phase": "exploration", "reason": ""})
    assert response.status_code == 200
    assert "reason_error" in response.content.decode()
    network.current_cycle.refresh_from_db()
    assert network.current_cycle.phase == "development"


def test_the_page_sums_up_what_is_still_open_before_moving_on(exploring, facilitator):
    page = login(facilitator).get(phase_url(exploring))

    assert page.context["open_questions"] == [
        "Kennismaken",
        "Gezamenlijk thema's verkennen",
        "Give and take",
    ]
    content = page.content.decode()
    assert "Nog open in Verkenning: 3 vragen" in content
    assert "Give and take" in content


def test_moving_on_with_open_questions_needs_a_reason_and_keeps_it(exploring, facilitator):
    client = login(facilitator)

    refused = client.post(phase_url(exploring), {"to_phase": "development", "reason": "  "})
    assert refused.status_code == 200
    assert "reason_error" in refused.content.decode()
    assert refused.context["form"]["to_phase"].value() == "development"
    exploring.current_cycle.refresh_from_db()
    assert exploring.current_cycle.phase == "exploration"

    reason = "We kennen elkaar al uit het vorige netwerk."
    moved = client.post(phase_url(exploring), {"to_phase": "development", "reason": reason})

    assert moved.status_code == 302
    transition = PhaseTransition.objects.filter(cycle=exploring.current_cycle).latest("moved_at")
    assert (transition.to_phase, transition.reason) == ("development", reason)
    assert transition.open_questions == [
        "Kennismaken",
        "Gezamenlijk thema's verkennen",
        "Give and take",
    ]


def test_a_move_back_keeps_no_open_questions_and_a_done_phase_needs_no_reason(
    exploring, facilitator, participant
):
    network_services.network_move_phase(
        network=exploring, to_phase="development", moved_by=facilitator, reason="Door"
    )
    exploring.refresh_from_db()
    cycle = exploring.current_cycle
    # The development questions the platform can see done, except the work-form ones.
    buddies_set(network=exploring, pairs=[[facilitator, participant]])
    agreement = theme_services.agreement_publish(
        network=exploring, text="We laten elkaar uitpraten.", published_by=facilitator
    )
    theme_services.agreement_acknowledge(agreement=agreement, member=participant)
    page = login(facilitator).get(phase_url(exploring))
    still_open = page.context["open_questions"]
    assert "Gezamenlijk leren bevorderen" not in still_open
    assert (
        "Een veilige sfeer creëren met vrijheid van spreken en verbinding maken" not in still_open
    )
    assert "Keuze van het gezamenlijke thema" in still_open

    back = login(facilitator).post(
        phase_url(exploring) + "?richting=terug",
        {"to_phase": "exploration", "reason": "Nieuwe leden"},
    )
    assert back.status_code == 302
    assert cycle.transitions.latest("moved_at").open_questions == []


def test_the_coordinator_sees_which_moves_left_questions_open(exploring, facilitator, coordinator):
    network_services.network_move_phase(
        network=exploring,
        to_phase="development",
        moved_by=facilitator,
        reason="De groep wil door naar het thema.",
        open_questions=["Give and take"],
    )

    page = login(coordinator).get(reverse("networks:coordination"))

    assert [n.pk for n in page.context["moved_with_open"]] == [exploring.pk]
    content = page.content.decode()
    assert "Doorgegaan met open vragen" in content
    assert "De groep wil door naar het thema." in content


def test_the_coordinator_sees_no_list_when_moves_left_nothing_open(exploring, coordinator):
    page = login(coordinator).get(reverse("networks:coordination"))

    assert page.context["moved_with_open"] == []
    assert "Doorgegaan met open vragen" not in page.content.decode()
