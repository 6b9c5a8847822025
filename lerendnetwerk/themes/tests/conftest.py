import pytest
from django.utils import translation

from lerendnetwerk.core.tests.factories import add_member
from lerendnetwerk.themes import services
from lerendnetwerk.themes.models import FocusArea


@pytest.fixture(autouse=True)
def _english():
    """Tests read the English source strings (and English URLs, /en/…), so they hold before and
    after the Dutch translations are filled in."""
    with translation.override("en"):
        yield


@pytest.fixture
def cycle(network):
    return network.current_cycle


@pytest.fixture
def colleague(network):
    return add_member(network)


@pytest.fixture
def focus_area(db):
    return FocusArea.objects.get(title="Taalontwikkeling en woordenschat")


@pytest.fixture
def proposals(cycle, participant, focus_area):
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
def dot_vote(cycle, facilitator, proposals):
    return services.dot_vote_open(cycle=cycle, opened_by=facilitator, proposals=proposals)
