"""Deployment checks (`manage.py check --deploy`) for what Django's own checks cannot know."""

from typing import Any

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Sessions and cached fragments must be the same in every process: a process's own memory
    would keep a logged-out session or an outdated page alive in the others."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("LocMemCache") or backend.endswith("DummyCache"):
        return [
            checks.Warning(
                "The cache is this process's memory.",
                hint="Set CACHE_URL to a cache every process shares, e.g. redis://host:6379/0.",
                id="lerendnetwerk.W001",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=True)
def no_local_outbox(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """The local outbox keeps everyone's mail (invitation and reset links) for staff to read:
    a convenience on a developer's computer, never on a server."""
    if settings.LOCAL_OUTBOX:
        return [
            checks.Error(
                "LOCAL_OUTBOX is set: e-mail is kept on disk and never sent.",
                hint="Unset LOCAL_OUTBOX and configure EMAIL_HOST.",
                id="lerendnetwerk.E002",
            )
        ]
    return []
