from django.apps import AppConfig


class NetworksConfig(AppConfig):
    name = "lerendnetwerk.networks"

    def ready(self) -> None:
        from . import invalidation

        invalidation.connect()
