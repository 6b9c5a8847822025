from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from lerendnetwerk.core.tests.factories import UserFactory
from lerendnetwerk.networks import services
from lerendnetwerk.networks.models import Prerequisite
from lerendnetwerk.networks.selectors import network_missing_prerequisites

pytestmark = pytest.mark.django_db
Kind = Prerequisite.Kind


def test_management_commitment_needs_a_committed_manager(network, facilitator, manager):
    with pytest.raises(ValidationError) as refusal:
        services.prerequisite_record(
            network=network,
            kind=Kind.MANAGEMENT_COMMITMENT,
            evidence="Besproken.",
            recorded_by=facilitator,
        )
    assert "manager" in " ".join(refusal.value.messages)
    services.manager_commitment_record(network=network, manager=manager, role="sounding_board")
    services.prerequisite_record(
        network=network,
        kind=Kind.MANAGEMENT_COMMITMENT,
        evidence="Besproken.",
        recorded_by=facilitator,
    )
    assert Kind.MANAGEMENT_COMMITMENT not in network_missing_prerequisites(network=network)


def test_only_managers_can_commit(network):
    with pytest.raises(ValidationError):
        services.manager_commitment_record(
            network=network, manager=UserFactory.create(), role="sounding_board"
        )


@pytest.mark.parametrize(
    ("kind", "fields", "error_field"),
    [
        (Kind.PARTICIPANT_MOTIVATION, {"evidence": "   "}, "evidence"),
        (Kind.TIME, {"evidence": "Afgesproken"}, "hours_per_month"),
        (Kind.BUDGET_AND_EXPERT, {"evidence": "Ja", "expert_name": "HU"}, "budget_euros"),
        (Kind.BUDGET_AND_EXPERT, {"evidence": "Ja", "budget_euros": 0}, "expert_name"),
    ],
)
def test_each_prerequisite_asks_for_its_own_evidence(
    network, facilitator, kind, fields, error_field
):
    with pytest.raises(ValidationError) as refusal:
        services.prerequisite_record(network=network, kind=kind, recorded_by=facilitator, **fields)
    assert error_field in refusal.value.error_dict
    assert not network.prerequisites.exists()


def test_recording_again_updates_instead_of_duplicating(network, facilitator):
    for hours in (Decimal("2"), Decimal("3.5")):
        services.prerequisite_record(
            network=network,
            kind=Kind.TIME,
            evidence="Afgesproken",
            hours_per_month=hours,
            recorded_by=facilitator,
        )
    assert network.prerequisites.get().hours_per_month == Decimal("3.5")


def test_missing_prerequisites_lists_the_four_in_order(network):
    assert network_missing_prerequisites(network=network) == [
        "management_commitment",
        "participant_motivation",
        "time",
        "budget_and_expert",
    ]
