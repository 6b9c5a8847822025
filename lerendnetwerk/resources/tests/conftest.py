from pathlib import Path
from typing import Any

import pytest
from pytest_django import Settings

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.regions.models import Region
from lerendnetwerk.resources import services
from lerendnetwerk.resources.models import Resource
from lerendnetwerk.resources.services import ResourceData
from lerendnetwerk.themes.models import FocusArea

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    """This test's own folder for uploaded files."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def add(
    region: Region,
    by: User,
    *,
    title: str = "Een ochtend in de kring",
    kind: str = "film",
    url: str = YOUTUBE,
    publish: bool = True,
    upload: Any = None,
    captions: Any = None,
    **extra: Any,
) -> Resource:
    return services.resource_create(
        region=region,
        added_by=by,
        data=ResourceData(kind=kind, title=title, url="" if upload else url, **extra),
        publish=publish,
        upload=upload,
        captions=captions,
    )


@pytest.fixture
def language_area(db: None) -> FocusArea:
    return FocusArea.objects.get(
        title="Taalontwikkeling en woordenschat", chapter__framework__region__isnull=True
    )


@pytest.fixture
def kijkwijzer(db: None) -> Entry:
    """A work form of the Exploration phase."""
    return Entry.objects.filter(
        topic__stage="exploration", kind=Entry.Kind.ACTIVITY, region__isnull=True
    ).order_by("pk")[0]


@pytest.fixture
def film(
    utrecht: Region, coordinator: User, kijkwijzer: Entry, language_area: FocusArea
) -> Resource:
    return add(
        utrecht,
        coordinator,
        description="Pedagogisch medewerkers en leerkrachten vertellen over hun netwerk.",
        minutes=12,
        source="Gemeente Utrecht, 2024",
        phases=["exploration", "development"],
        entries=[kijkwijzer],
        focus_areas=[language_area],
    )
