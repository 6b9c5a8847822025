"""The story of a cycle for the reports' tests (see story.py)."""

import pytest

from lerendnetwerk.accounts.models import User
from lerendnetwerk.networks.models import Network

from .story import Story, build_story


@pytest.fixture
def story(network: Network, facilitator: User, participant: User) -> Story:
    return build_story(network, facilitator, participant)
