from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "lerendnetwerk.core"

    def ready(self) -> None:
        from . import (
            checks,  # noqa: F401 - registers the deployment checks
            pagecache,
        )

        pagecache.connect()
