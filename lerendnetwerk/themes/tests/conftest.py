from collections.abc import Iterator

import pytest
from django.utils import translation

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import add_member
from lerendnetwerk.networks.models import Cycle, Network
from lerendnetwerk.themes import services
from lerendnetwerk.themes.models import DotVote, FocusArea, ThemeProposal


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Tests read the English source strings (and English URLs, /en/…), so they hold before and
    after the Dutch translations are filled in."""
    with translation.override("en"):
        yield


@pytest.fixture
def cycle(network: Network) -> Cycle:
    assert network.current_cycle is not None
    return network.current_cycle


@pytest.fixture
def colleague(network: Network) -> User:
    return add_member(network)


@pytest.fixture
def focus_area(db: None) -> FocusArea:
    return FocusArea.objects.get(title="Taalontwikkeling en woordenschat")


@pytest.fixture
def proposals(cycle: Cycle, participant: User, focus_area: FocusArea) -> list[ThemeProposal]:
    return [
        services.theme_proposal_create(
            cycle=cycle,
            title=title,
            why="Dit zien we elke dag op de groep.",
            proposed_by=participant,
            focus_area=focus_area if n == 0 else None,
        )
        for n, title in enumerate(["Woordenschat", "Warme overdracht", "Spel"])
    ]


@pytest.fixture
def dot_vote(cycle: Cycle, facilitator: User, proposals: list[ThemeProposal]) -> DotVote:
    return services.dot_vote_open(cycle=cycle, opened_by=facilitator, proposals=proposals)
