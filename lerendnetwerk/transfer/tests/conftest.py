from datetime import date, timedelta

import pytest
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.networks.models import Cycle, Network
from lerendnetwerk.regions.models import Organisation
from lerendnetwerk.transfer import services
from lerendnetwerk.transfer.models import AnchoringAgreement


@pytest.fixture
def cycle(network: Network) -> Cycle:
    assert network.current_cycle is not None
    return network.current_cycle


@pytest.fixture
def school(network: Network, manager: User) -> Organisation:
    """The manager's organisation, a member organisation of the network."""
    assert manager.organisation is not None
    network.organisations.add(manager.organisation)
    return manager.organisation


@pytest.fixture
def today() -> date:
    return timezone.localdate()


@pytest.fixture
def proposed(
    cycle: Cycle, school: Organisation, facilitator: User, today: date
) -> AnchoringAgreement:
    return services.agreement_propose(
        cycle=cycle,
        organisation=school,
        proposed_by=facilitator,
        practice="Elke teamvergadering start met een ervaring uit het netwerk",
        owner="Intern begeleider",
        due_on=today + timedelta(days=90),
        in_professionalisation_plan="yes",
    )
