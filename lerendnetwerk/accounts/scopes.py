"""Whose a saved or deleted row is, for the page cache (`core/pagecache.py`): the person it
points at (their own pages change), and the person themselves when their account changes."""

from typing import Any

from django.apps import apps
from django.db import models
from django.db.models.signals import post_delete, post_save
from django_otp.models import Device

from lerendnetwerk.core import pagecache

from .models import User


def _resolve(model: type[models.Model]) -> pagecache.Finder | None:
    if model is User:
        return lambda instance: [pagecache.person(instance.pk)]
    if not pagecache.points_at(model, User):
        return None
    return lambda instance: [pagecache.person(pk) for pk in pagecache.pointed_at(instance, User)]


def _device_changed(instance: Any, **kwargs: Any) -> None:
    pagecache.bump(pagecache.person(instance.user_id))


def connect() -> None:
    pagecache.register(_resolve)
    # A second-factor device is django-otp's, not the platform's: its saves are heard here, so
    # that the device kept for a session (middleware.OTPMiddleware) is read afresh.
    for model in apps.get_models():
        if issubclass(model, Device):
            label = model._meta.label
            post_save.connect(_device_changed, sender=model, dispatch_uid=f"device:save:{label}")
            post_delete.connect(
                _device_changed, sender=model, dispatch_uid=f"device:delete:{label}"
            )
