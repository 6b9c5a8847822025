from django.apps import AppConfig


class PublicConfig(AppConfig):
    """The public site that composes the feature apps: district overview with filters and map,
    a network's public page, the themes page, the good-practice overview.
    """

    name = "lerendnetwerk.public"

    def ready(self) -> None:
        from . import invalidation

        invalidation.connect()
