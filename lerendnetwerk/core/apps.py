from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "lerendnetwerk.core"

    def ready(self) -> None:
        from django.core.signals import request_finished, request_started

        from . import (
            checks,  # noqa: F401 - registers the deployment checks
            fragments,
            pagecache,
        )

        pagecache.connect()
        # Each request reads a fragment version from the cache once (fragments.versions).
        request_started.connect(fragments.request_started, dispatch_uid="fragments.started")
        request_finished.connect(fragments.request_finished, dispatch_uid="fragments.finished")
