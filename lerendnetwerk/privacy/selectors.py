"""A person's data for their export: every row the policy table exports, found by walking.

One query per model (related rows joined), whatever the number of rows.
"""

import datetime
import decimal
import uuid
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from .policy import POLICY, rules_for
from .walk import references

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User


@dataclass
class Section:
    """The rows of one model that belong to the person."""

    label: str  # "meetings.Rsvp"
    title: str  # the model's verbose name (plural), in the current language
    columns: list[tuple[str, str]] = field(default_factory=list)  # (field name, verbose name)
    rows: list[dict[str, Any]] = field(default_factory=list)


def _plain(value: Any) -> Any:
    """A value JSON can hold as it is."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or ""
    return value


def _section(model: type[models.Model], condition: Q, hidden: set[str]) -> Section:
    fields = [f for f in model._meta.concrete_fields if f.name not in hidden]
    relations = [f.name for f in fields if f.is_relation]
    rows = model._base_manager.filter(condition).select_related(*relations).order_by("pk")
    section = Section(
        label=model._meta.label,
        title=str(model._meta.verbose_name_plural),
        columns=[(f.name, str(f.verbose_name)) for f in fields],
    )
    for row in rows:
        values: dict[str, Any] = {}
        for f in fields:
            if f.is_relation:
                related = getattr(row, f.name)
                values[f.name] = None if related is None else str(related)
            elif f.choices:
                values[f.name] = _plain(getattr(row, f"get_{f.name}_display")())
            else:
                values[f.name] = _plain(f.value_from_object(row))
        section.rows.append(values)
    return section


def person_data(*, user: "User") -> list[Section]:
    """Everything the platform keeps about the person that the policy exports, per model.

    The person's own account first, then each model that points at them, in registry order.
    Secrets (a password hash, a calendar feed's token) are left out, as the policy says.
    """
    user_model = get_user_model()
    own_rules = rules_for(user_model._meta.label)
    sections = [
        _section(
            user_model,
            Q(pk=user.pk),
            {name for rule in own_rules.values() for name in rule.hidden},
        )
    ]
    by_model: dict[type[models.Model], list[str]] = {}
    for reference in references():
        if POLICY[reference.key].export:
            by_model.setdefault(reference.model, []).append(reference.field.name)
    for model, field_names in by_model.items():
        hidden = {name for rule in rules_for(model._meta.label).values() for name in rule.hidden}
        condition = reduce(or_, (Q(**{name: user}) for name in field_names))
        section = _section(model, condition, hidden)
        if section.rows:
            sections.append(section)
    return sections


def person_data_json(*, user: "User") -> dict[str, Any]:
    """The export as a JSON-ready document: per model its rows, keyed by field name."""
    return {
        "created_at": timezone.localtime().isoformat(),
        "person": user.email,
        "data": {
            section.label: {"title": section.title, "rows": section.rows}
            for section in person_data(user=user)
        },
    }
