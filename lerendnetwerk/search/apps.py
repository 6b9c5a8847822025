from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Full-text search over the catalogue, resources, knowledge offers, experts and good practice
    (PostgreSQL's Dutch dictionary; an equivalent on SQLite).
    """

    name = "lerendnetwerk.search"
