"""The manager's panel and the report part: progress and agreements, nothing private."""

from datetime import timedelta
from typing import Any, cast

import pytest
from django.test import RequestFactory

from lerendnetwerk.core.tests.factories import UserFactory
from lerendnetwerk.networks import manager_panels, report_parts
from lerendnetwerk.transfer import panel, report
from lerendnetwerk.transfer.models import AnchoringAgreement, RelayStep, TransferPlan

pytestmark = pytest.mark.django_db

PRIVATE = ["Juf Ans zal dwarsliggen", "Collega Bram", "Het ging stroef", "Eerst de teamleiders"]


@pytest.fixture
def private_world(cycle, school, participant, facilitator, manager, today):
    """A plan full of things no manager or report may read, and agreements in every state."""
    plan = TransferPlan.objects.create(
        cycle=cycle,
        organisation=school,
        presentation_on=today,
        presentation_held=True,
        expected_resistance=PRIVATE[0],
        presentation_outcome=PRIVATE[2],
    )
    RelayStep.objects.create(
        plan=plan,
        position=1,
        given_by_member=facilitator,
        received_by_name=PRIVATE[1],
        on=today,
        handed_on="De kijkwijzer",
    )
    RelayStep.objects.create(
        plan=plan,
        position=2,
        given_by_name=PRIVATE[1],
        received_by_name="Collega Cas",
        on=today + timedelta(days=10),
        handed_on="De kijkwijzer",
    )
    make = AnchoringAgreement.objects.create
    common = {"cycle": cycle, "organisation": school, "owner": "Teamleider", "due_on": today}
    make(practice="Wacht op bevestiging", **common)
    make(
        practice="Al bevestigd",
        state="confirmed",
        in_professionalisation_plan="yes",
        answered_by=manager,
        **common,
    )
    make(practice="Teruggestuurd", state="sent_back", answer_note=PRIVATE[3], **common)
    # Another organisation's agreement: never on this manager's panel.
    make(
        cycle=cycle,
        organisation=participant.organisation,
        practice="Van een andere organisatie",
        owner="x",
        due_on=today,
    )
    return plan


def render_panel(user: Any) -> str:
    request = RequestFactory().get("/mijn-pagina/")
    request.user = user
    return str(panel.render(cast(Any, request)))


def test_the_panel_is_registered_and_counts_what_waits(private_world, manager):
    assert any(p.key == "transfer" for p in manager_panels.panels())
    assert manager_panels.waiting_count(manager) >= 1
    assert panel.waiting(manager) == 1


def test_the_panel_shows_progress_and_waiting_agreements_of_the_own_organisation_only(
    private_world, manager, network
):
    html = render_panel(manager)
    assert "Wacht op bevestiging" in html
    assert "Van een andere organisatie" not in html
    assert "Al bevestigd" not in html  # answered: nothing waits
    assert network.name in html
    assert "1 estafettestap gedaan" in html
    assert 'name="decision" value="confirm"' in html
    for text in PRIVATE:
        assert text not in html


def test_the_panel_is_empty_for_someone_who_is_no_manager(private_world, participant):
    assert render_panel(participant) == ""
    assert panel.waiting(participant) == 0


def test_the_cycle_report_shows_counts_and_states_without_anything_private(
    private_world, cycle, school
):
    assert any(p.key == "transfer" for p in report_parts.parts())
    html = str(report.cycle_html(cycle))
    assert school.name in html
    assert "Wacht op bevestiging" in html and "bevestigd" in html
    for text in [*PRIVATE, "Collega Cas"]:
        assert text not in html
    figures = {(who, what): value for who, what, value in report.cycle_figures(cycle)}
    assert figures[(school.name, "presentation_held")] == 1
    assert figures[(school.name, "relay_steps")] == 1  # the second is still to come
    assert figures[(school.name, "agreements_confirmed")] == 1
    assert figures[(school.name, "agreements_sent_back")] == 1
    assert not any(text in str(f) for f in report.cycle_figures(cycle) for text in PRIVATE)


def test_the_region_report_counts_per_district(private_world, utrecht, district, today):
    figures = {
        (who, what): value for who, what, value in report.region_figures(utrecht, today.year)
    }
    assert figures[(district.name, "organisations")] == 2
    assert figures[(district.name, "presentations_held")] == 1
    assert figures[(district.name, "agreements_confirmed")] == 1
    assert figures[(district.name, "agreements_proposed")] == 2
    assert figures[(district.name, "organisations_with_network_in_plan")] == 1
    assert figures[(district.name, "share_with_network_in_plan")] == 0.5
    html = str(report.region_html(utrecht, today.year))
    assert "50%" in html
    for text in PRIVATE:
        assert text not in html
    last_year = {(who, what): value for who, what, value in report.region_figures(utrecht, 2000)}
    assert last_year[(district.name, "organisations")] == 0


def test_a_manager_of_another_organisation_sees_no_waiting_agreement(private_world):
    stranger = UserFactory.create(is_manager=True)
    assert panel.waiting(stranger) == 0
    assert render_panel(stranger) == ""
