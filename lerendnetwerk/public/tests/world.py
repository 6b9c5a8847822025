"""A small public world in Utrecht: three networks in three districts, on a UKK focus area, on a
theme of their own and on another focus area, in different phases, with member organisations
of different kinds, and results that are published and results that are not."""

from dataclasses import dataclass

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import (
    NetworkFactory,
    OrganisationFactory,
    UserFactory,
    add_member,
)
from lerendnetwerk.networks.models import Cycle, Network
from lerendnetwerk.regions.models import Region
from lerendnetwerk.showcases import services as showcase_services
from lerendnetwerk.showcases.models import Showcase
from lerendnetwerk.themes import services as theme_services
from lerendnetwerk.themes.models import FocusArea

LANGUAGE = "Taalontwikkeling en woordenschat"
PLAY = "Spel en ontwikkeling"
# Never on a public page: the tests look for these words.
SECRET = "Geheim concept van de werkgroep"


def choose_theme(network: Network, by: User, title: str, focus_area: FocusArea | None) -> None:
    """The network adopts a theme for its current cycle, as the themes pages do."""
    cycle = network.current_cycle
    assert cycle is not None
    proposal = theme_services.theme_proposal_create(
        cycle=cycle,
        title=title,
        why="Het speelt in ons werk.",
        proposed_by=by,
        focus_area=focus_area,
    )
    theme_services.theme_adopt(cycle=cycle, proposal=proposal, adopted_by=by)


def set_phase(network: Network, phase: str) -> None:
    """Straight to a phase: these pages only read it (the moves are networks' own tests)."""
    assert network.current_cycle_id is not None
    Cycle.objects.filter(pk=network.current_cycle_id).update(phase=phase)


def publish(network: Network, by: User, title: str, *, published: bool = True) -> Showcase:
    showcase = showcase_services.showcase_create(
        network=network,
        uploaded_by=by,
        title=title,
        description=f"Wat we deden: {title}.",
        kind="text",
        link="https://www.example.org/verslag",
    )
    if published:
        showcase_services.showcase_publish(showcase=showcase, published_by=by)
    return showcase


@dataclass
class World:
    utrecht: Region
    language: Network  # Overvecht, on the focus area LANGUAGE, developing, with a daycare centre
    own: Network  # Zuid, a theme of its own, preparing, with a primary school
    play: Network  # West, on the focus area PLAY, deepening, with a preschool
    facilitator: User
    published: Showcase
    unpublished: Showcase
    play_published: Showcase


def build_world(utrecht: Region, network: Network, facilitator: User, participant: User) -> World:
    """From the shared fixtures: Overvecht's network with its facilitator and a participant from
    a daycare centre (which makes the daycare centre a member organisation)."""
    language_area = FocusArea.objects.get(title=LANGUAGE)
    play_area = FocusArea.objects.get(title=PLAY)
    choose_theme(network, facilitator, "Woordenschat en voorlezen", language_area)
    set_phase(network, "development")

    own = NetworkFactory.create(name="LN Zuid Samen", district=utrecht.districts.get(slug="zuid"))
    own_lead = add_member(
        own,
        UserFactory.create(
            organisation=OrganisationFactory.create(district=own.district, kind="primary_school")
        ),
        role="facilitator",
    )
    choose_theme(own, own_lead, "Executieve functies", None)

    play = NetworkFactory.create(name="LN West Spel", district=utrecht.districts.get(slug="west"))
    play_lead = add_member(
        play,
        UserFactory.create(
            organisation=OrganisationFactory.create(district=play.district, kind="preschool")
        ),
        role="facilitator",
    )
    choose_theme(play, play_lead, "Spelend leren", play_area)
    set_phase(play, "deepening")

    return World(
        utrecht=utrecht,
        language=network,
        own=own,
        play=play,
        facilitator=facilitator,
        published=publish(network, facilitator, "Voorleesochtend in Overvecht"),
        unpublished=publish(network, facilitator, SECRET, published=False),
        play_published=publish(play, play_lead, "De spelhoek die meegroeit"),
    )
