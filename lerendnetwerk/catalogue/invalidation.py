"""Which saves change the cached catalogue pages (see core/fragments.py)."""

from typing import Any

from django.db.models.signals import post_delete, post_save

from lerendnetwerk.core import fragments

from .models import Entry, Source, SourceReference, Topic

CATALOGUE = "catalogue"


def _changed(**kwargs: Any) -> None:
    fragments.bump(CATALOGUE)


def connect() -> None:
    for model in (Topic, Entry, Source, SourceReference):
        post_save.connect(_changed, sender=model, dispatch_uid=f"catalogue-save-{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"catalogue-delete-{model.__name__}"
        )
