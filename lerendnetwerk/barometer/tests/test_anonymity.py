"""Anonymity by construction: the tables that hold answers cannot point at a person."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import models

from lerendnetwerk.barometer.models import Answer, Participation, Response

from .conftest import answer

pytestmark = pytest.mark.django_db

ANONYMOUS_MODELS = [Response, Answer]


def _fields(model):
    return [f for f in model._meta.get_fields() if getattr(f, "concrete", False) or f.is_relation]


@pytest.mark.parametrize("model", ANONYMOUS_MODELS)
def test_no_field_relates_to_a_person(model):
    user_model = get_user_model()
    for field in model._meta.get_fields():
        assert field.related_model is not user_model, f"{model.__name__}.{field.name}"


@pytest.mark.parametrize("model", ANONYMOUS_MODELS)
def test_no_field_stores_an_address_or_a_time(model):
    for field in model._meta.get_fields():
        assert not isinstance(field, models.GenericIPAddressField), field.name
        assert not isinstance(field, (models.DateTimeField, models.TimeField)), field.name
        assert "ip" not in field.name.split("_"), field.name


@pytest.mark.parametrize("model", ANONYMOUS_MODELS)
def test_keys_are_random_not_a_counter(model):
    assert isinstance(model._meta.pk, models.UUIDField)
    assert model._meta.pk.default is uuid.uuid4
    # A default ordering by insertion would hand out the order in which people answered.
    assert list(model._meta.ordering) == ["id"]


def test_participation_and_response_do_not_know_each_other():
    for field in Participation._meta.get_fields():
        assert field.related_model not in ANONYMOUS_MODELS, field.name
    for model in ANONYMOUS_MODELS:
        for field in model._meta.get_fields():
            assert field.related_model is not Participation, field.name


def test_an_answer_is_stored_without_the_person(barometer_round, participant):
    answer(barometer_round, participant, value=2, texts={"open_gaat_goed": "De sfeer"})
    assert Participation.objects.filter(round=barometer_round, user=participant).exists()
    response = Response.objects.get(round=barometer_round)
    assert not hasattr(response, "user")
    stored = {(a.question.key, a.value, a.text) for a in Answer.objects.select_related("question")}
    assert ("open_gaat_goed", None, "De sfeer") in stored
    assert all(isinstance(a.pk, uuid.UUID) for a in Answer.objects.all())
