"""What there is to find in Utrecht: of each kind something public and something that must
never be found (a draft offer, an expert outside the directory, an unpublished result, an offer
of another region). The words that must never be found contain SECRET."""

from dataclasses import dataclass

import pytest

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import (
    DistrictFactory,
    OrganisationFactory,
    RegionFactory,
    UserFactory,
)
from lerendnetwerk.knowledge import services as knowledge_services
from lerendnetwerk.knowledge.models import ExpertProfile, KnowledgeOffer
from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import Region
from lerendnetwerk.resources.models import Resource
from lerendnetwerk.showcases import services as showcase_services
from lerendnetwerk.showcases.models import Showcase

SECRET = "geheimzinnig"


def offer(manager: User, title: str, description: str, *, published: bool = True) -> KnowledgeOffer:
    assert manager.organisation is not None
    return knowledge_services.offer_create(
        organisation=manager.organisation,
        created_by=manager,
        title=title,
        description=description,
        focus_areas=[],
        contact_name="Petra Peuter",
        contact_role="",
        contact_email="petra@example.org",
        show_contact_email=False,
        status="published" if published else "draft",
    )


def expert(name: str, expertise: str, region: Region, *, public: bool = True) -> ExpertProfile:
    user = UserFactory.create(name=name, is_expert=True)
    return knowledge_services.expert_profile_save(
        user=user,
        expertise=expertise,
        institute="Hogeschool Utrecht",
        focus_areas=[],
        regions=[region],
        availability="",
        how_to_ask="",
        is_public=public,
    )


def showcase(
    network: Network, by: User, title: str, description: str, *, published: bool = True
) -> Showcase:
    made = showcase_services.showcase_create(
        network=network,
        uploaded_by=by,
        title=title,
        description=description,
        kind="text",
        link="https://www.example.org/verslag",
    )
    if published:
        showcase_services.showcase_publish(showcase=made, published_by=by)
    return made


@dataclass
class Findable:
    utrecht: Region
    offer: KnowledgeOffer
    expert: ExpertProfile
    showcase: Showcase
    resource: Resource


def resource(
    region: Region, title: str, description: str, *, status: str = "published"
) -> Resource:
    return Resource.objects.create(
        region=region,
        kind=Resource.Kind.FILM,
        title=title,
        description=description,
        url="https://example.org/film",
        source="Stichting Voorbeeld",
        status=status,
    )


@pytest.fixture
def findable(utrecht: Region, network: Network, facilitator: User, manager: User) -> Findable:
    found = Findable(
        utrecht=utrecht,
        offer=offer(
            manager,
            "Een netwerk van voorleescoaches",
            "Wij delen hoe we ouders betrekken bij het voorlezen in de crèche.",
        ),
        expert=expert("Eva Expert", "Reflectie en samenwerken in netwerken", utrecht),
        showcase=showcase(
            network, facilitator, "Ons spel in de wijk", "Hoe het netwerk ouders uitnodigde."
        ),
        resource=resource(
            utrecht, "Film over de warme overdracht", "Leidsters en leerkrachten in netwerken."
        ),
    )
    # Never to be found.
    offer(manager, f"Concept {SECRET} netwerk", "Nog niet klaar.", published=False)
    expert("Verborgen Expert", f"{SECRET} netwerken", utrecht, public=False)
    showcase(network, facilitator, f"Concept {SECRET}", "Netwerk in wording.", published=False)
    resource(utrecht, f"Voorstel {SECRET}", "Netwerken in wording.", status="suggested")
    resource(utrecht, f"Afgewezen {SECRET}", "Netwerken elders.", status="rejected")
    elsewhere = DistrictFactory.create(region=RegionFactory.create(name="Amersfoort"))
    offer(
        UserFactory.create(
            is_manager=True, organisation=OrganisationFactory.create(district=elsewhere)
        ),
        f"Amersfoorts {SECRET} netwerk",
        "Elders.",
    )
    return found
