import io

import pytest
from django.core.management import call_command

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.transfer.models import AnchoringAgreement, RelayStep, TransferPlan

pytestmark = pytest.mark.django_db


def test_the_demo_manager_has_a_plan_in_progress_and_an_agreement_waiting():
    call_command("seed_demo", password="x-demo-123", stdout=io.StringIO())
    manager = User.objects.get(email="manager@example.org")
    plan = TransferPlan.objects.select_related("cycle__network").get()
    network = plan.cycle.network
    assert plan.organisation == manager.organisation
    assert manager.organisation is not None
    assert network.organisations.filter(pk=manager.organisation.pk).exists()
    assert plan.cycle.phase in {Phase.EMBEDDING, Phase.ANCHORING}
    assert plan.presentation_held
    steps = list(RelayStep.objects.order_by("position"))
    assert len(steps) == 2 and steps[1].giver == steps[0].received_by_name
    states = sorted(AnchoringAgreement.objects.values_list("state", flat=True))
    assert states == ["confirmed", "proposed"]
