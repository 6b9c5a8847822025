from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "lerendnetwerk.regions"

    def ready(self) -> None:
        from . import scopes

        scopes.connect()
