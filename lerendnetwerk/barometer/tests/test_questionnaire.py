"""The default questionnaire, its versions, and editing it per region in the admin site."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lerendnetwerk.barometer import services
from lerendnetwerk.barometer.models import Dimension, Question, Questionnaire
from lerendnetwerk.barometer.selectors import questionnaire_current
from lerendnetwerk.core.tests.factories import RegionFactory, login

from .conftest import answer, make_round

pytestmark = pytest.mark.django_db


def test_the_default_questionnaire_covers_four_dimensions_and_open_questions(utrecht):
    default = questionnaire_current(region=utrecht)
    assert default is not None
    assert default.region is None and default.is_published
    questions = list(default.questions.all())
    for dimension in Dimension:
        statements = [q for q in questions if q.is_scale and q.dimension == dimension]
        assert 3 <= len(statements) <= 4, dimension
    assert len([q for q in questions if not q.is_scale]) == 2
    assert len({q.key for q in questions}) == len(questions)


def test_a_new_version_copies_the_keys_and_stays_a_draft_until_published(utrecht, network):
    default = questionnaire_current(region=utrecht)
    assert default is not None
    draft = services.questionnaire_new_version(region=utrecht)
    assert draft.region == utrecht and draft.version == default.version + 1
    assert not draft.is_published
    assert questionnaire_current(region=utrecht) == default
    assert sorted(draft.questions.values_list("key", flat=True)) == sorted(
        default.questions.values_list("key", flat=True)
    )
    draft.questions.filter(key="band_veilig").update(text="Ik voel me veilig in de groep.")
    services.questionnaire_publish(questionnaire=draft)
    assert questionnaire_current(region=utrecht) == draft
    assert make_round(network).questionnaire == draft
    # The default itself is untouched.
    assert default.questions.get(key="band_veilig").text != "Ik voel me veilig in de groep."


def test_publishing_needs_statements(utrecht):
    draft = services.questionnaire_new_version(region=utrecht)
    draft.questions.filter(kind="scale").delete()
    with pytest.raises(ValidationError):
        services.questionnaire_publish(questionnaire=draft)


def test_a_statement_needs_a_dimension_and_an_open_question_none(utrecht):
    question = Question(kind="scale", dimension="", key="x", text="x")
    with pytest.raises(ValidationError):
        question.clean()
    with pytest.raises(ValidationError):
        Question(kind="open", dimension="subject", key="y", text="y").clean()


def test_another_region_keeps_the_default(utrecht):
    services.questionnaire_publish(questionnaire=services.questionnaire_new_version(region=utrecht))
    other = RegionFactory.create(name="Amersfoort")
    current = questionnaire_current(region=other)
    assert current is not None and current.region is None


def _change_url(questionnaire: Questionnaire) -> str:
    return reverse("admin:barometer_questionnaire_change", args=[questionnaire.pk])


def test_a_coordinator_edits_an_unused_version_of_their_region(coordinator, utrecht):
    draft = services.questionnaire_new_version(region=utrecht)
    client = login(coordinator)
    assert client.get(reverse("admin:barometer_questionnaire_changelist")).status_code == 200
    page = client.get(_change_url(draft))
    assert page.status_code == 200
    assert page.context["has_change_permission"]
    default = Questionnaire.objects.get(region__isnull=True, version=1)
    assert not client.get(_change_url(default)).context["has_change_permission"]


def test_a_version_with_rounds_is_read_only(coordinator, utrecht, network, members):
    draft = services.questionnaire_new_version(region=utrecht)
    services.questionnaire_publish(questionnaire=draft)
    answer(make_round(network), members[0])
    client = login(coordinator)
    page = client.get(_change_url(draft))
    assert not page.context["has_change_permission"]
    response = client.post(_change_url(draft), {"title": "Anders"})
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.title != "Anders"


def test_the_admin_action_makes_a_new_version_for_the_coordinators_region(coordinator, utrecht):
    default = Questionnaire.objects.get(region__isnull=True, version=1)
    response = login(coordinator).post(
        reverse("admin:barometer_questionnaire_changelist"),
        {"action": "make_new_version", "_selected_action": [default.pk]},
    )
    assert response.status_code == 302
    assert Questionnaire.objects.filter(region=utrecht, is_published=False).count() == 1


def test_other_people_do_not_reach_the_questionnaire_admin(participant, utrecht):
    response = login(participant).get(reverse("admin:barometer_questionnaire_changelist"))
    assert response.status_code == 302


def _admin_form(questionnaire: Questionnaire, **changes: object) -> dict[str, object]:
    questions = list(questionnaire.questions.all())
    data = {
        "title": questionnaire.title,
        "introduction": questionnaire.introduction,
        "questions-TOTAL_FORMS": len(questions),
        "questions-INITIAL_FORMS": len(questions),
        "questions-MIN_NUM_FORMS": 0,
        "questions-MAX_NUM_FORMS": 1000,
    }
    for i, question in enumerate(questions):
        data.update(
            {
                f"questions-{i}-id": question.pk,
                f"questions-{i}-questionnaire": questionnaire.pk,
                f"questions-{i}-order": question.order,
                f"questions-{i}-key": question.key,
                f"questions-{i}-kind": question.kind,
                f"questions-{i}-dimension": question.dimension,
                f"questions-{i}-text": changes.get(question.key, question.text),
            }
        )
    return data


def test_a_coordinator_rewords_a_statement_of_a_draft(coordinator, utrecht):
    draft = services.questionnaire_new_version(region=utrecht)
    response = login(coordinator).post(
        _change_url(draft), _admin_form(draft, band_veilig="Ik durf hier alles te zeggen.")
    )
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert draft.questions.get(key="band_veilig").text == "Ik durf hier alles te zeggen."
