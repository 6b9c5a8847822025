from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from lerendnetwerk.core.backup import database_backup


class Command(BaseCommand):
    help = (
        "Write a backup of the database to PATH (PostgreSQL: pg_dump's custom format; "
        "SQLite: a copy of the file). It contains personal data: see docs/operations.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        database_backup(connection=connections[options["database"]], path=path)
        self.stdout.write(f"Backup written to {path}.")
