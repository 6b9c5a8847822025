"""Planning groups searches for seconds; a diary saved meanwhile must not wait for it.

On SQLite every transaction takes the write lock at BEGIN (IMMEDIATE, see config/settings.py), so
a planner that searched inside a transaction made every other write wait for the whole search.
Two threads with their own connections, as in production: on SQLite on a file copy of the test
database (see themes/tests/test_voting_concurrency.py), on PostgreSQL the test database itself.
"""

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection, connections

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import OrganisationFactory, UserFactory, add_member
from lerendnetwerk.groups import services as group_services
from lerendnetwerk.groups.models import GroupRotation
from lerendnetwerk.groups.planner import Problem
from lerendnetwerk.groups.services import common
from lerendnetwerk.journal import services as journal_services
from lerendnetwerk.journal.models import JournalEntry
from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import District

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SEARCH_SECONDS = 2.0


def _threads_on_own_connections(path: Path) -> Callable[[], None]:
    """Copy the test's data to `path` (SQLite) and return what a thread calls to use it."""
    if connection.vendor != "sqlite":
        return lambda: None
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    wrapper = type(connections["default"])
    settings_dict = {**connections["default"].settings_dict, "NAME": str(path)}

    def use() -> None:
        connections["default"] = wrapper(dict(settings_dict), "default")

    return use


def test_a_diary_save_does_not_wait_for_the_group_planner(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    network: Network,
    district: District,
    facilitator: User,
) -> None:
    for n in range(8):
        add_member(
            network,
            UserFactory.create(
                name=f"Lid {n}",
                organisation=OrganisationFactory.create(
                    district=district, kind=["daycare", "primary_school"][n % 2]
                ),
            ),
        )
    use_own_connection = _threads_on_own_connections(tmp_path / "db.sqlite3")
    searching = threading.Event()
    real_solve = common.solve

    def slow_solve(problem: Problem) -> list[list[list[int]]]:
        searching.set()
        time.sleep(SEARCH_SECONDS)  # a hard instance: the planner searches this long
        return real_solve(problem)

    monkeypatch.setattr("lerendnetwerk.groups.services.rotations.solve", slow_solve)
    results: dict[str, float] = {}
    errors: list[BaseException] = []

    def plan() -> None:
        use_own_connection()
        try:
            group_services.rotation_plan(
                network=Network.objects.get(pk=network.pk),
                name="Tafels",
                group_size=3,
                rounds=2,
                created_by=User.objects.get(pk=facilitator.pk),
            )
        except BaseException as error:  # re-raised below
            errors.append(error)
        finally:
            connections.close_all()

    def write_diary() -> None:
        use_own_connection()
        try:
            assert searching.wait(timeout=30)
            author = User.objects.get(pk=facilitator.pk)
            started = time.monotonic()
            journal_services.journal_entry_write(author=author, text="Wat ik vandaag leerde.")
            results["diary"] = time.monotonic() - started
        except BaseException as error:  # re-raised below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=plan), threading.Thread(target=write_diary)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    if errors:
        raise errors[0]

    assert results["diary"] < 0.5, f"the diary save waited {results['diary']:.2f} s"
    if connection.vendor != "sqlite":
        assert GroupRotation.objects.filter(network=network).count() == 1
        assert JournalEntry.objects.filter(author=facilitator).count() == 1
