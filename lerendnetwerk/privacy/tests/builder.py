"""Rows of any model, filled in generically, so that the privacy tests cover a model the day it
is added: a person gets a row in every model that points at them without a factory per model."""

import datetime
import decimal
import itertools
import uuid
from typing import Any

from django.db import models
from django.utils import timezone

from lerendnetwerk.core.tests.factories import UserFactory

_counter = itertools.count(1)

# Values a generic row would get wrong because of a check constraint.
OVERRIDES: dict[str, dict[str, Any]] = {
    "themes.LearningGoal": {"kind": "individual", "owner": UserFactory.create},
    "barometer.Questionnaire": {"version": lambda: 1000 + next(_counter)},
    "meetings.Meeting": {
        "starts_at": lambda: timezone.now() - datetime.timedelta(days=7),
        "ends_at": lambda: timezone.now() - datetime.timedelta(days=7, hours=-2),
    },
    # A result is a file or a link; a link needs no storage.
    "showcases.Showcase": {"link": "https://video.example.org/resultaat"},
    # So is a resource of the library.
    "resources.Resource": {"url": "https://bron.example.org/film"},
}


def _value(field: models.Field[Any, Any]) -> Any:
    n = next(_counter)
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, models.EmailField):
        return f"bouwer{n}@example.org"
    if isinstance(field, models.CharField | models.TextField):
        limit = getattr(field, "max_length", None) or 50
        return f"x{n}"[:limit]
    if isinstance(field, models.BooleanField):
        return True
    if isinstance(field, models.DecimalField):
        return decimal.Decimal(1)
    if isinstance(field, models.IntegerField | models.FloatField):
        return 1000 + n if field.unique else 1
    if isinstance(field, models.DateTimeField):
        return timezone.now()
    if isinstance(field, models.DateField):
        return timezone.localdate()
    if isinstance(field, models.TimeField):
        return datetime.time(10, 0)
    if isinstance(field, models.DurationField):
        return datetime.timedelta(hours=1)
    if isinstance(field, models.UUIDField):
        return uuid.uuid4()
    if isinstance(field, models.JSONField):
        return {}
    raise NotImplementedError(f"no generic value for {field!r}")


def make[M: models.Model](model: type[M], **values: Any) -> M:
    """A saved row of `model` with `values`; every other required field gets a fresh value
    (a new related row for a required foreign key)."""
    from django.contrib.auth import get_user_model

    for name, value in OVERRIDES.get(model._meta.label, {}).items():
        if name not in values:
            values[name] = value() if callable(value) else value
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in values or field.attname in values:
            continue
        if (field.has_default() and not field.unique) or field.null:
            continue
        if field.is_relation:
            related = field.related_model
            assert isinstance(related, type)
            if related is get_user_model():
                values[field.name] = UserFactory.create()
            else:
                values[field.name] = make(related)
        elif not (
            field.blank
            and isinstance(field, models.CharField | models.TextField | models.FileField)
        ):
            values[field.name] = _value(field)
    return model._base_manager.create(**values)
