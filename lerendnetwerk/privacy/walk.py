"""Finding a person's data by walking the app registry, so that privacy imports no app's models.

Every concrete foreign key or one-to-one field to the user model, in every installed model
(through tables of many-to-many fields included), is a reference to a person; so is any field
whose name says it holds an e-mail address, a name or an IP address.
"""

import re
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

PERSONAL_NAME = re.compile(r"email|name|(^|_)ip($|_)")


@dataclass(frozen=True)
class Reference:
    """A field that points at a person."""

    model: type[models.Model]
    field: models.ForeignKey[models.Model, models.Model]

    @property
    def key(self) -> str:
        return f"{self.model._meta.label}.{self.field.name}"


def _all_models() -> list[type[models.Model]]:
    return list(apps.get_models(include_auto_created=True))


def references() -> list[Reference]:
    """Every field in every model that points at the user model, in registry order."""
    user_model = get_user_model()
    return [
        Reference(model, field)
        for model in _all_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and field.related_model is user_model
    ]


def personal_field_keys() -> set[str]:
    """The keys ("app.Model.field") of every field the policy table must declare."""
    keys = {reference.key for reference in references()}
    for model in _all_models():
        for field in model._meta.concrete_fields:
            if PERSONAL_NAME.search(field.name):
                keys.add(f"{model._meta.label}.{field.name}")
    return keys


def field_exists(key: str) -> bool:
    label, _, field_name = key.rpartition(".")
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return False
    return any(field.name == field_name for field in model._meta.concrete_fields)
