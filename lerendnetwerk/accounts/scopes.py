"""Whose a saved or deleted row is, for the page cache (`core/pagecache.py`): the person it
points at (their own pages change), and the person themselves when their account changes."""

from django.db import models

from lerendnetwerk.core import pagecache

from .models import User


def _resolve(model: type[models.Model]) -> pagecache.Finder | None:
    if model is User:
        return lambda instance: [pagecache.person(instance.pk)]
    fields = [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and field.related_model is User
    ]
    if not fields:
        return None
    return lambda instance: [
        pagecache.person(pk) for field in fields if (pk := getattr(instance, field.attname))
    ]


def connect() -> None:
    pagecache.register(_resolve)
