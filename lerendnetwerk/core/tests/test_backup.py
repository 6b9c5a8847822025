"""Backup and restore: every table comes back into an empty database with the same rows."""

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from io import StringIO
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection, connections

from lerendnetwerk.core.backup import database_restore

TABLES = {
    "postgresql": "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
}


def fingerprint(db: Any) -> dict[str, tuple[int, str]]:
    """Row count and a checksum of the rows, in any order, of every table.

    Read through a plain DB-API connection on both sides, so that no adapter of Django's
    changes how a value looks; PostgreSQL checksums its own text form of each row.
    """
    vendor = "sqlite" if isinstance(db, sqlite3.Connection) else "postgresql"
    cursor = db.cursor()
    cursor.execute(TABLES[vendor])
    result = {}
    for (table,) in cursor.fetchall():
        if vendor == "postgresql":
            cursor.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))"  # noqa: S608
                f' FROM "{table}" t'
            )
            count, digest = cursor.fetchone()
        else:
            rows = sorted(repr(row) for row in cursor.execute(f'SELECT * FROM "{table}"'))  # noqa: S608
            count, digest = len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest()
        result[table] = (count, digest)
    return result


def plain(name: str) -> Any:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return sqlite3.connect(name, uri=name.startswith("file:"))
    return psycopg.connect(
        dbname=name,
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"],
        autocommit=True,
    )


@contextmanager
def empty_database(tmp_path: Path) -> Iterator[str]:
    """A new, empty database of the same kind as the test database, gone afterwards."""
    if connection.vendor == "sqlite":
        yield str(tmp_path / "restored.sqlite3")
        return
    name = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_every_row_into_an_empty_database(tmp_path):
    call_command("seed_demo", password="demo-wachtwoord", stdout=StringIO())
    backup = tmp_path / "lerendnetwerk.backup"

    call_command("backup_database", str(backup), stdout=StringIO())

    with closing(plain(connection.settings_dict["NAME"])) as source:
        original = fingerprint(source)
    assert len(original) > 40
    assert sum(count for count, _ in original.values()) > 1000
    with empty_database(tmp_path) as name:
        wrapper = type(connections["default"])
        target = wrapper({**connection.settings_dict, "NAME": name}, "restored")
        database_restore(connection=target, path=backup)
        with closing(plain(name)) as restored:
            assert fingerprint(restored) == original


def test_restoring_empties_the_cache(monkeypatch, tmp_path):
    """Pages, accounts and fragments kept in the cache were made from the data replaced."""
    from django.core.cache import cache

    from lerendnetwerk.core.management.commands import restore_database

    restored = []
    monkeypatch.setattr(restore_database, "database_restore", lambda **kw: restored.append(kw))
    cache.set("page:kept", "made from the data before")
    call_command(
        "restore_database", str(tmp_path / "x.backup"), interactive=False, stdout=StringIO()
    )
    assert restored  # the real restore is tested above
    assert cache.get("page:kept") is None
