from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "lerendnetwerk.catalogue"

    def ready(self) -> None:
        from . import invalidation

        invalidation.connect()
