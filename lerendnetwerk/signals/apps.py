from django.apps import AppConfig


class SignalsConfig(AppConfig):
    name = "lerendnetwerk.signals"

    def ready(self) -> None:
        from . import invalidation

        invalidation.connect()
