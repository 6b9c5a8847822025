from datetime import timedelta

import pytest
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.knowledge import services
from lerendnetwerk.knowledge.models import ExpertProfile, KnowledgeOffer
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import AgendaItem, Meeting
from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import Region
from lerendnetwerk.themes.models import FocusArea


@pytest.fixture
def language_area(db: None) -> FocusArea:
    return FocusArea.objects.get(
        title="Taalontwikkeling en woordenschat", chapter__framework__region__isnull=True
    )


@pytest.fixture
def play_area(db: None) -> FocusArea:
    return FocusArea.objects.get(
        title="Spel en ontwikkeling", chapter__framework__region__isnull=True
    )


def offer_for(
    manager: User,
    *,
    title: str = "Interactief voorlezen",
    status: str = "published",
    **extra: object,
) -> KnowledgeOffer:
    assert manager.organisation is not None
    values: dict[str, object] = {
        "description": "Kom een ochtend meekijken hoe wij voorlezen.",
        "focus_areas": [],
        "contact_name": "Petra Peuter",
        "contact_role": "Pedagogisch coach",
        "contact_email": "petra.peuter@example.org",
        "show_contact_email": False,
        **extra,
    }
    return services.offer_create(
        organisation=manager.organisation,
        created_by=manager,
        title=title,
        status=status,
        **values,  # type: ignore[arg-type]
    )


@pytest.fixture
def offer(manager: User, language_area: FocusArea) -> KnowledgeOffer:
    return offer_for(manager, focus_areas=[language_area])


def profile_for(
    user: User, region: Region, *, is_public: bool = True, **extra: object
) -> ExpertProfile:
    values: dict[str, object] = {
        "expertise": user.expertise or "Taalontwikkeling",
        "institute": "",
        "focus_areas": [],
        "availability": "Dinsdagmiddag",
        "how_to_ask": "Vier weken vooraf",
        **extra,
    }
    return services.expert_profile_save(
        user=user,
        regions=[region],
        is_public=is_public,
        **values,  # type: ignore[arg-type]
    )


@pytest.fixture
def profile(expert: User, utrecht: Region, language_area: FocusArea) -> ExpertProfile:
    return profile_for(expert, utrecht, institute="Hogeschool Utrecht", focus_areas=[language_area])


@pytest.fixture
def meeting(
    network: Network,
    facilitator: User,
    participant: User,
) -> Meeting:
    # Its invitations are queued on commit, which this test never reaches: the outbox stays
    # for the mail the knowledge exchange sends.
    starts = timezone.now().replace(microsecond=0) + timedelta(days=14)
    return meeting_services.meeting_schedule(
        network=network,
        title="Voorlezen in de doorgaande lijn",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Wijkcentrum De Dreef, Utrecht",
        created_by=facilitator,
    )


@pytest.fixture
def item(meeting: Meeting) -> AgendaItem:
    return meeting_services.agenda_item_add(
        meeting=meeting,
        title="Input over interactief voorlezen",
        duration_minutes=30,
        lead="facilitator",
    )
