from typing import Any

from django.apps import AppConfig
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created


def _add_stemmer(connection: BaseDatabaseWrapper) -> None:
    """SQLite's equivalent of the Dutch dictionary: `ln_stems(text)` (see selectors.py)."""
    if connection.vendor == "sqlite" and connection.connection is not None:
        from .text import stems_padded

        connection.connection.create_function("ln_stems", 1, stems_padded, deterministic=True)


def _on_connection(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    _add_stemmer(connection)


class SearchConfig(AppConfig):
    """Full-text search over the catalogue, resources, knowledge offers, experts and good practice
    (PostgreSQL's Dutch dictionary; an equivalent on SQLite).
    """

    name = "lerendnetwerk.search"

    def ready(self) -> None:
        from django.db import connections

        connection_created.connect(_on_connection, dispatch_uid="search_sqlite_stemmer")
        for connection in connections.all(initialized_only=True):
            _add_stemmer(connection)
