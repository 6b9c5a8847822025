import pytest

from lerendnetwerk.accounts.models import User
from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import Region

from .world import World, build_world


@pytest.fixture
def world(utrecht: Region, network: Network, facilitator: User, participant: User) -> World:
    return build_world(utrecht, network, facilitator, participant)
