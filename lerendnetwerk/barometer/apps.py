from django.apps import AppConfig


class BarometerConfig(AppConfig):
    name = "lerendnetwerk.barometer"

    def ready(self) -> None:
        from . import invalidation

        invalidation.connect()
