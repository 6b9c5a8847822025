"""Backing up and restoring the database (docs/operations.md).

PostgreSQL through pg_dump's custom format and pg_restore (from postgresql-client, the same or a
newer major version than the server); SQLite through its online backup API, which copies a
consistent snapshot while the platform keeps running.
"""

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.db.backends.base.base import BaseDatabaseWrapper


def database_backup(*, connection: BaseDatabaseWrapper, path: Path) -> None:
    """Write a backup of the connection's database to `path`; a failure leaves no file there."""
    partial = path.with_name(path.name + ".partial")
    try:
        if connection.vendor == "postgresql":
            _run(
                connection,
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={partial}",
            )
        elif connection.vendor == "sqlite":
            connection.ensure_connection()
            with closing(sqlite3.connect(partial)) as target:
                connection.connection.backup(target)
        else:
            raise ImproperlyConfigured(f"No backup for {connection.vendor} databases.")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def database_restore(*, connection: BaseDatabaseWrapper, path: Path) -> None:
    """Replace the connection's database with the backup at `path`, all or nothing.

    Stop the web server and the task worker first: they would write into a database that is
    being replaced.
    """
    if not path.is_file():
        raise FileNotFoundError(path)
    if connection.vendor == "postgresql":
        # Other sessions of this process would hold locks that --clean waits for.
        connection.close()
        _run(
            connection,
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={connection.settings_dict['NAME']}",
            str(path),
        )
    elif connection.vendor == "sqlite":
        with closing(sqlite3.connect(path)) as source:
            if connection.is_in_memory_db():  # type: ignore[attr-defined]
                connection.ensure_connection()
                source.backup(connection.connection)
            else:
                connection.close()
                with closing(sqlite3.connect(connection.settings_dict["NAME"])) as target:
                    source.backup(target)
    else:
        raise ImproperlyConfigured(f"No restore for {connection.vendor} databases.")


def _run(connection: BaseDatabaseWrapper, program: str, *args: str) -> None:
    """Run a PostgreSQL client with the connection's settings in libpq's variables.

    The password goes in the environment, never on a command line that `ps` shows.
    """
    executable = shutil.which(program)
    if executable is None:
        raise ImproperlyConfigured(f"{program} not found: install postgresql-client.")
    settings = connection.settings_dict
    libpq = {
        "PGHOST": settings["HOST"],
        "PGPORT": str(settings["PORT"] or ""),
        "PGUSER": settings["USER"],
        "PGPASSWORD": settings["PASSWORD"],
        "PGDATABASE": settings["NAME"],
        "PGSSLMODE": settings["OPTIONS"].get("sslmode", ""),
    }
    env = {**os.environ, **{name: value for name, value in libpq.items() if value}}
    subprocess.run([executable, *args], env=env, check=True, capture_output=True)  # noqa: S603
