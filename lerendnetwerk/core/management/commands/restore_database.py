from pathlib import Path
from typing import Any

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from lerendnetwerk.core.backup import database_restore


class Command(BaseCommand):
    help = (
        "Replace the database with the backup at PATH. Stop the web server and the task "
        "worker first. Everything written since the backup is lost."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        connection = connections[options["database"]]
        if options["interactive"]:
            answer = input(
                f"This replaces everything in {connection.settings_dict['NAME']} with {path}. "
                "Type 'yes' to go on: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        database_restore(connection=connection, path=path)
        # What the cache keeps (pages, accounts, fragments) was made from the data just
        # replaced; no save told it so.
        cache.clear()
        self.stdout.write(f"Database restored from {path}.")
