"""What the public knowledge pages show, for the page cache (core/pagecache.py): an
organisation's knowledge offer and an expert's profile show on every region's public pages and
in its search, so saving one bumps `shared` (besides the person it points at). An expert's own
account shows there too: her name. They change now and then, and a kept page lives minutes."""

from typing import Any

from django.db import models

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core import pagecache

from .models import ExpertProfile, KnowledgeOffer


def _expert(instance: Any) -> list[str]:
    return [pagecache.SHARED] if instance.is_expert else []


def _resolve(model: type[models.Model]) -> pagecache.Finder | None:
    if model in (KnowledgeOffer, ExpertProfile):
        return lambda instance: [pagecache.SHARED]
    if model is User:
        return _expert
    return None


def connect() -> None:
    pagecache.register(_resolve)
