from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.networks import phases, services
from lerendnetwerk.networks.models import Network, Prerequisite

pytestmark = pytest.mark.django_db


def record_all_prerequisites(network: Network, facilitator: User, manager: User) -> None:
    services.manager_commitment_record(network=network, manager=manager, role="sounding_board")
    kinds = Prerequisite.Kind
    services.prerequisite_record(
        network=network,
        kind=kinds.MANAGEMENT_COMMITMENT,
        evidence="Directeuren vormen de klankbordgroep.",
        recorded_by=facilitator,
    )
    services.prerequisite_record(
        network=network,
        kind=kinds.PARTICIPANT_MOTIVATION,
        evidence="Intakegesprekken met alle deelnemers.",
        recorded_by=facilitator,
    )
    services.prerequisite_record(
        network=network,
        kind=kinds.TIME,
        evidence="Afgesproken met de directies.",
        hours_per_month=Decimal("4"),
        recorded_by=facilitator,
    )
    services.prerequisite_record(
        network=network,
        kind=kinds.BUDGET_AND_EXPERT,
        evidence="Budget uit het wijkfonds.",
        budget_euros=2500,
        expert_name="Marnix Academie",
        recorded_by=facilitator,
    )


def set_phase(network: Network, phase: str) -> None:
    assert network.current_cycle is not None
    network.current_cycle.phase = phase
    network.current_cycle.save()
    network.refresh_from_db()


def test_the_transition_table_allows_one_step_forward_and_one_back():
    expected = {
        ("", "exploration"): False,
        ("exploration", "development"): False,
        ("development", "deepening"): False,
        ("deepening", "embedding"): False,
        ("embedding", "anchoring"): False,
        ("development", "exploration"): True,
        ("deepening", "development"): True,
        ("embedding", "deepening"): True,
        ("anchoring", "embedding"): True,
    }
    assert phases.ALLOWED_TRANSITIONS == expected


def test_a_network_cannot_start_before_all_prerequisites(network, facilitator, manager):
    services.prerequisite_record(
        network=network,
        kind=Prerequisite.Kind.PARTICIPANT_MOTIVATION,
        evidence="Intake gedaan.",
        recorded_by=facilitator,
    )
    with pytest.raises(ValidationError) as refusal:
        services.network_move_phase(network=network, to_phase="exploration", moved_by=facilitator)
    message = " ".join(refusal.value.messages)
    assert "commitment" in message.lower()
    assert "motivation" not in message.lower()
    network.current_cycle.refresh_from_db()
    assert network.current_cycle.phase == ""
    assert not network.current_cycle.transitions.exists()


def test_the_facilitator_moves_through_all_phases_and_each_move_is_kept(
    network, facilitator, manager
):
    record_all_prerequisites(network, facilitator, manager)
    for phase in Phase:
        services.network_move_phase(network=network, to_phase=phase, moved_by=facilitator)
    network.current_cycle.refresh_from_db()
    assert network.current_cycle.phase == Phase.ANCHORING
    moves = list(network.current_cycle.transitions.values_list("from_phase", "to_phase"))
    assert moves == list(zip(["", *Phase.values[:-1]], Phase.values, strict=True))
    assert all(t.moved_by == facilitator for t in network.current_cycle.transitions.all())


@pytest.mark.parametrize(
    ("current", "target", "fragment"),
    [
        ("", "development", "starts in"),
        ("exploration", "deepening", "next phase is"),
        ("deepening", "exploration", "one phase at a time"),
        ("development", "development", "already in this phase"),
        ("development", "somewhere", "not one of the five phases"),
    ],
)
def test_a_bad_move_explains_itself(network, facilitator, current, target, fragment):
    set_phase(network, current)
    with translation.override("en"), pytest.raises(ValidationError) as refusal:
        services.network_move_phase(network=network, to_phase=target, moved_by=facilitator)
    assert fragment in " ".join(refusal.value.messages)


def test_the_explanation_is_dutch_by_default(network, facilitator):
    set_phase(network, "exploration")
    with pytest.raises(ValidationError) as refusal:
        services.network_move_phase(network=network, to_phase="deepening", moved_by=facilitator)
    assert "Verkenning" in refusal.value.messages[0]
    assert "Ontwikkeling" in refusal.value.messages[0]


def test_going_back_needs_a_reason(network, facilitator):
    set_phase(network, "deepening")
    with pytest.raises(ValidationError) as refusal:
        services.network_move_phase(network=network, to_phase="development", moved_by=facilitator)
    assert "reason" in refusal.value.error_dict
    transition = services.network_move_phase(
        network=network,
        to_phase="development",
        moved_by=facilitator,
        reason="Het thema wordt nog niet gedragen.",
    )
    assert transition.reason == "Het thema wordt nog niet gedragen."
    network.current_cycle.refresh_from_db()
    assert network.current_cycle.phase == "development"


def test_a_new_cycle_starts_only_after_anchoring(network, facilitator):
    set_phase(network, "embedding")
    with pytest.raises(ValidationError):
        services.network_start_cycle(network=network, theme="Nieuw", started_by=facilitator)
    set_phase(network, "anchoring")
    first = network.current_cycle
    cycle = services.network_start_cycle(
        network=network,
        theme="Spelend leren",
        started_by=facilitator,
        still_true=Prerequisite.Kind.values,
    )
    network.refresh_from_db()
    first.refresh_from_db()
    assert network.current_cycle == cycle
    assert cycle.number == 2 and cycle.phase == "" and cycle.theme == "Spelend leren"
    assert first.ended_at is not None


def test_a_new_cycle_can_enter_exploration_with_the_prerequisites_already_recorded(
    network, facilitator, manager
):
    record_all_prerequisites(network, facilitator, manager)
    set_phase(network, "anchoring")
    services.network_start_cycle(
        network=network, theme="", started_by=facilitator, still_true=Prerequisite.Kind.values
    )
    network.refresh_from_db()
    services.network_move_phase(network=network, to_phase="exploration", moved_by=facilitator)
    network.current_cycle.refresh_from_db()
    assert network.current_cycle.phase == "exploration"


def test_moving_on_with_open_questions_needs_a_reason_and_keeps_both(network, facilitator, manager):
    record_all_prerequisites(network, facilitator, manager)
    services.network_move_phase(network=network, to_phase="exploration", moved_by=facilitator)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.network_move_phase(
            network=network,
            to_phase="development",
            moved_by=facilitator,
            reason=" ",
            open_questions=["Give and take"],
        )
    assert "Some questions of this phase are still open" in refused.value.message_dict["reason"][0]

    moved = services.network_move_phase(
        network=network,
        to_phase="development",
        moved_by=facilitator,
        reason="De groep is er klaar voor.",
        open_questions=["Give and take"],
    )
    assert (moved.reason, moved.open_questions) == ("De groep is er klaar voor.", ["Give and take"])
    # A move without open questions needs no reason and keeps none.
    assert (
        services.network_move_phase(
            network=network, to_phase="deepening", moved_by=facilitator
        ).open_questions
        == []
    )
