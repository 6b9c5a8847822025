"""Shared test fixtures: the fixed people of the permission matrix and a logged-in client."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.cache import cache
from pytest_django import Settings

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core import pagecache
from lerendnetwerk.core.tests.factories import (
    NetworkFactory,
    OrganisationFactory,
    UserFactory,
    add_member,
)
from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import District, Region


def pytest_configure(config: pytest.Config) -> None:
    """Compile stale translations first: the tests read the Dutch texts people see."""
    if not shutil.which("msgfmt"):
        return
    stale = False
    for po in Path(__file__).parent.glob("locale/*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            subprocess.run(["msgfmt", "--check-format", "-o", str(mo), str(po)], check=True)  # noqa: S603, S607
            stale = True
    if stale:
        # Django is set up before this hook and may have loaded the old catalogues already.
        import gettext

        from django.utils.translation import trans_real

        # Both Django and Python's gettext keep parsed catalogues; forget the stale ones.
        vars(gettext)["_translations"].clear()
        vars(trans_real)["_translations"].clear()
        vars(trans_real)["_default"] = None
        trans_real.deactivate()


@pytest.fixture(autouse=True)
def _migrated_data_present(request: pytest.FixtureRequest) -> None:
    """Make sure a test in a transaction sees the data the migrations load (Utrecht, the
    catalogue, the questionnaire).

    A transactional test empties the database when it ends, as Django's do. pytest-django runs
    those after the others, but with two workers a worker can still be handed an ordinary test
    after one; it would then find no Utrecht. Loading the snapshot inside the test's transaction
    costs nothing when the data is there and is rolled back with the test.
    """
    marker = request.node.get_closest_marker("django_db")
    if marker is None and "db" not in request.fixturenames:
        return
    if marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)):
        return  # serialized_rollback restores it for these
    request.getfixturevalue("_django_db_helper")
    if not Region.objects.exists():
        from django.db import connections

        snapshot = getattr(connections["default"], "_test_serialized_contents", None)
        if snapshot:
            connections["default"].creation.deserialize_db_from_string(snapshot)


@pytest.fixture(autouse=True)
def _tasks_run_immediately(settings: Settings) -> None:
    """Run background tasks inside the test unless a test asks for the real queue."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _media_outside_the_repository(
    settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Uploaded files (and the demo's) go to a temporary folder, never into the checkout; tests
    that look at the files give each test its own (showcases/tests/conftest.py)."""
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "media"


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Every test starts with an empty cache: a rolled-back test must not leave a cached page
    (or a fragment version) behind for the next."""
    cache.clear()
    pagecache.forget_pins()


@pytest.fixture
def utrecht(db: None) -> Region:
    return Region.objects.get(slug="utrecht")


@pytest.fixture
def district(utrecht: Region) -> District:
    return utrecht.districts.get(slug="overvecht")


@pytest.fixture
def network(district: District) -> Network:
    return NetworkFactory.create(name="LN Overvecht", district=district)


@pytest.fixture
def facilitator(network: Network) -> User:
    return add_member(network, UserFactory.create(name="Fatima Kartrekker"), role="facilitator")


@pytest.fixture
def participant(network: Network, district: District) -> User:
    user = UserFactory.create(
        name="Daan Deelnemer",
        organisation=OrganisationFactory.create(district=district, kind="daycare"),
    )
    return add_member(network, user, role="participant")


@pytest.fixture
def coordinator(utrecht: Region) -> User:
    user = UserFactory.create(name="Cor Coördinator", is_staff=True)
    user.coordinator_of.add(utrecht)
    return user


@pytest.fixture
def manager(district: District) -> User:
    return UserFactory.create(
        name="Mirjam Manager",
        is_manager=True,
        organisation=OrganisationFactory.create(district=district, kind="preschool"),
    )


@pytest.fixture
def expert(db: None) -> User:
    return UserFactory.create(name="Eva Expert", is_expert=True, expertise="Taalontwikkeling")


@pytest.fixture
def outsider(utrecht: Region) -> User:
    """A member of another network, in another district."""
    other = NetworkFactory.create(name="LN Elders", district=utrecht.districts.get(slug="zuid"))
    return add_member(other, UserFactory.create(name="Olaf Buitenstaander"))
