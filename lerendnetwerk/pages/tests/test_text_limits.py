"""Every free-text box of the platform has a length limit (core/text.py says which).

Walks the forms of every app: a field shown as a text area without `max_length` would let a
person store 100,000 characters in a diary, a contract or meeting notes.
"""

import importlib
import importlib.util
import inspect
import pkgutil

import pytest
from django import forms

import lerendnetwerk


def _form_modules() -> list[str]:
    names = []
    for app in pkgutil.iter_modules(lerendnetwerk.__path__):
        name = f"lerendnetwerk.{app.name}.forms"
        if importlib.util.find_spec(name) is not None:
            names.append(name)
    return names


def _text_areas() -> list[str]:
    found = []
    for module_name in _form_modules():
        module = importlib.import_module(module_name)
        for form_name, form in inspect.getmembers(module, inspect.isclass):
            if not issubclass(form, forms.BaseForm) or form.__module__ != module_name:
                continue
            declared: dict[str, forms.Field] = form.base_fields  # type: ignore[attr-defined]
            for field_name, field in declared.items():
                if isinstance(field.widget, forms.Textarea):
                    found.append(f"{module_name}.{form_name}.{field_name}")
    return found


TEXT_AREAS = _text_areas()


def test_the_walk_finds_the_text_areas() -> None:
    paths = set(TEXT_AREAS)
    assert "lerendnetwerk.journal.forms.JournalEntryForm.text" in paths
    assert "lerendnetwerk.themes.forms.AgreementForm.text" in paths
    assert "lerendnetwerk.meetings.forms.AttendanceForm.notes_done" in paths


@pytest.mark.parametrize("path", TEXT_AREAS)
def test_every_text_area_has_a_length_limit(path: str) -> None:
    module_name, form_name, field_name = path.rsplit(".", 2)
    form = getattr(importlib.import_module(module_name), form_name)
    field = form.base_fields[field_name]
    assert isinstance(field, forms.CharField)
    assert field.max_length is not None, f"{path} has no max_length"
    assert field.max_length <= 5000
