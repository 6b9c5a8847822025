"""Anonymity by construction: the tables that hold answers cannot point at a person, and the
answers are sealed until the round closes (see test_physical_order.py for the rows' order)."""

import uuid

import pytest
from cryptography.fernet import Fernet
from django.contrib.auth import get_user_model
from django.db import models

from lerendnetwerk.barometer import services
from lerendnetwerk.barometer.models import Answer, Participation, Response, SealedResponse
from lerendnetwerk.barometer.sealing import unseal

from .conftest import answer

pytestmark = pytest.mark.django_db

ANONYMOUS_MODELS = [SealedResponse, Response, Answer]


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


def test_an_answer_is_sealed_until_the_round_closes(barometer_round, participant):
    answer(barometer_round, participant, value=2, texts={"open_gaat_goed": "De sfeer"})
    assert Participation.objects.filter(round=barometer_round, user=participant).exists()
    assert not Response.objects.exists() and not Answer.objects.exists()
    sealed = SealedResponse.objects.get(round=barometer_round)
    assert "De sfeer" not in sealed.payload
    assert (
        barometer_round.questionnaire.questions.get(key="open_gaat_goed").pk,
        None,
        "De sfeer",
    ) in unseal(sealed.payload)


def test_an_answer_is_stored_without_the_person(barometer_round, participant):
    answer(barometer_round, participant, value=2, texts={"open_gaat_goed": "De sfeer"})
    services.round_close(barometer_round=barometer_round)
    assert not SealedResponse.objects.exists()
    response = Response.objects.get(round=barometer_round)
    assert not hasattr(response, "user")
    stored = {(a.question.key, a.value, a.text) for a in Answer.objects.select_related("question")}
    assert ("open_gaat_goed", None, "De sfeer") in stored
    assert all(isinstance(a.pk, uuid.UUID) for a in Answer.objects.all())


def test_the_seal_key_is_not_the_secret_key_itself(settings):
    from lerendnetwerk.barometer import sealing

    settings.SECRET_KEY = "een-geheim"
    assert settings.SECRET_KEY.encode() not in sealing._fernet_key(settings.SECRET_KEY)
    token = sealing.seal([(1, 3, "")], length=sealing.padded_length(open_questions=0, questions=1))
    # The Fernet token carries no time of writing.
    assert Fernet.extract_timestamp(Fernet(sealing._fernet_key("een-geheim")), token.encode()) == 0
