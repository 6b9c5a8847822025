"""The region's coordinators draft, edit and publish a version of the questionnaire on the
barometer's own pages, within the rules that keep results comparable and answers anonymous:
published versions never change, questions keep their key, kind and dimension, new questions
get new keys, every dimension keeps a statement, and earlier rounds keep their version."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lerendnetwerk.accounts.models import User
from lerendnetwerk.barometer import services
from lerendnetwerk.barometer.models import (
    BarometerRound,
    Dimension,
    Question,
    Questionnaire,
    SealedResponse,
)
from lerendnetwerk.barometer.selectors import questionnaire_current
from lerendnetwerk.core.models import AuditEntry
from lerendnetwerk.core.tests.factories import RegionFactory, UserFactory, login
from lerendnetwerk.regions.models import Region

from .conftest import answer, make_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def amersfoort() -> Region:
    return RegionFactory.create(name="Amersfoort", slug="amersfoort")


@pytest.fixture
def other_coordinator(amersfoort: Region) -> User:
    user = UserFactory.create(name="Olga Elders", is_staff=True)
    user.coordinator_of.add(amersfoort)
    return user


@pytest.fixture
def draft(utrecht: Region) -> Questionnaire:
    return services.questionnaire_new_version(region=utrecht)


def _url(name: str, draft: Questionnaire, *args: object, region: str = "utrecht") -> str:
    return reverse(f"barometer:{name}", args=[region, draft.pk, *args])


def _statements(questionnaire: Questionnaire, dimension: str) -> list[Question]:
    return list(
        questionnaire.questions.filter(kind="scale", dimension=dimension).order_by("order", "pk")
    )


def test_a_coordinator_drafts_rewords_and_publishes_a_version_for_new_rounds(
    coordinator, utrecht, network, members
):
    default = questionnaire_current(region=utrecht)
    assert default is not None
    earlier = make_round(network)
    answer(earlier, members[0])
    http = login(coordinator)
    assert http.get(reverse("barometer:questionnaires", args=["utrecht"])).status_code == 200
    made = http.post(reverse("barometer:questionnaire_new", args=["utrecht"]))
    draft = Questionnaire.objects.get(region=utrecht, is_published=False)
    assert made["Location"] == _url("questionnaire", draft)
    # One draft at a time.
    http.post(reverse("barometer:questionnaire_new", args=["utrecht"]))
    assert Questionnaire.objects.filter(region=utrecht).count() == 1

    question = draft.questions.get(key="band_veilig")
    response = http.post(
        _url("question_edit", draft, question.pk), {"text": "Ik durf hier alles te zeggen."}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.key, question.text) == ("band_veilig", "Ik durf hier alles te zeggen.")
    assert http.get(_url("questionnaire_publish", draft)).status_code == 200
    assert http.post(_url("questionnaire_publish", draft)).status_code == 302
    draft.refresh_from_db()
    assert draft.is_published
    assert questionnaire_current(region=utrecht) == draft

    # The earlier round keeps its version and its wording; the next round asks the new one.
    earlier.refresh_from_db()
    assert earlier.questionnaire == default
    assert default.questions.get(key="band_veilig").text != "Ik durf hier alles te zeggen."
    BarometerRound.objects.filter(pk=earlier.pk).delete()
    assert make_round(network).questionnaire == draft
    actions = list(
        AuditEntry.objects.filter(user=coordinator).values_list("model", "action", "detail")
    )
    assert ("barometer.question", "change", "band_veilig") in actions
    assert ("barometer.questionnaire", "action", "publish") in actions


def test_a_published_version_never_changes(coordinator, utrecht, draft):
    services.questionnaire_publish(questionnaire=draft)
    question = draft.questions.first()
    assert question is not None
    http = login(coordinator)
    assert http.get(_url("questionnaire_edit", draft)).status_code == 403
    assert (
        http.post(_url("question_edit", draft, question.pk), {"text": "Anders"}).status_code == 403
    )
    http.post(_url("question_remove", draft, question.pk))
    assert Question.objects.filter(pk=question.pk).exists()
    page = http.get(_url("questionnaire", draft))
    assert not page.context["editable"]
    for change in (
        lambda: services.question_reword(question=question, text="Anders"),
        lambda: services.question_add(
            questionnaire=draft, kind="open", dimension="", text="Nieuw?"
        ),
        lambda: services.question_move(question=question, up=False),
        lambda: services.questionnaire_publish(questionnaire=draft),
        lambda: services.questionnaire_discard(questionnaire=draft),
    ):
        with pytest.raises(ValidationError):
            change()
    # Not in the admin site either, while no round uses it yet.
    admin = http.get(reverse("admin:barometer_questionnaire_change", args=[draft.pk]))
    assert not admin.context["has_change_permission"]


def test_an_open_round_keeps_one_sealed_length_while_the_region_publishes_a_new_version(
    utrecht, network, members
):
    open_round = make_round(network)
    answer(open_round, members[0])
    draft = services.questionnaire_new_version(region=utrecht)
    services.question_add(questionnaire=draft, kind="open", dimension="", text="Wat mis je nog?")
    services.questionnaire_publish(questionnaire=draft)
    answer(open_round, members[1])
    lengths = {len(payload) for payload in SealedResponse.objects.values_list("payload", flat=True)}
    assert len(lengths) == 1


def test_a_new_question_gets_a_key_no_version_used(coordinator, utrecht, draft):
    # The default has "band_veilig"; a statement worded so that it would get that key.
    response = login(coordinator).post(
        _url("question_add", draft),
        {"kind": "scale", "dimension": "cohesion", "text": "band veilig"},
    )
    assert response.status_code == 302
    added = draft.questions.get(text="band veilig")
    default = Questionnaire.objects.get(region__isnull=True, version=1)
    earlier_keys = set(Question.objects.exclude(pk=added.pk).values_list("key", flat=True))
    assert added.key not in earlier_keys
    assert added.key.startswith("band-veilig")
    assert (added.kind, added.dimension) == ("scale", "cohesion")
    assert default.questions.count() == draft.questions.count() - 1


def test_the_question_form_keeps_what_was_typed(coordinator, draft):
    response = login(coordinator).post(
        _url("question_add", draft), {"kind": "scale", "dimension": "", "text": "Mijn stelling"}
    )
    assert response.status_code == 200
    assert "Mijn stelling" in response.content.decode()
    assert "dimension" in response.context["form"].errors
    assert not draft.questions.filter(text="Mijn stelling").exists()


def test_questions_move_within_their_dimension(coordinator, draft):
    first, second = _statements(draft, Dimension.COHESION)[:2]
    http = login(coordinator)
    http.post(_url("question_move", draft, second.pk), {"direction": "up"})
    assert _statements(draft, Dimension.COHESION)[:2] == [second, first]
    # The first statement of a dimension stays first: the one above belongs to another.
    subject = _statements(draft, Dimension.SUBJECT)
    top = _statements(draft, Dimension.COHESION)[0]
    http.post(_url("question_move", draft, top.pk), {"direction": "up"})
    assert _statements(draft, Dimension.COHESION)[0] == top
    assert _statements(draft, Dimension.SUBJECT) == subject


def test_removing_keeps_a_statement_per_dimension_and_a_question_can_come_back(coordinator, draft):
    http = login(coordinator)
    statements = _statements(draft, Dimension.PRACTICE)
    for statement in statements:
        http.post(_url("question_remove", draft, statement.pk))
    left = _statements(draft, Dimension.PRACTICE)
    assert left == statements[-1:]
    page = http.get(_url("questionnaire", draft))
    restorable = {q.key for q in page.context["to_restore"]}
    assert restorable == {s.key for s in statements[:-1]}

    key = statements[0].key
    http.post(_url("question_restore", draft), {"key": key})
    back = draft.questions.get(key=key)
    assert (back.kind, back.dimension, back.text) == (
        "scale",
        Dimension.PRACTICE,
        statements[0].text,
    )
    # Only once; and a key the version in use never had is refused.
    http.post(_url("question_restore", draft), {"key": key})
    http.post(_url("question_restore", draft), {"key": "verzonnen"})
    assert draft.questions.filter(key=key).count() == 1
    assert not draft.questions.filter(key="verzonnen").exists()


def test_publishing_needs_a_statement_in_every_dimension(draft):
    draft.questions.filter(dimension=Dimension.ORGANISATIONS).delete()
    with pytest.raises(ValidationError) as refusal:
        services.questionnaire_publish(questionnaire=draft)
    assert "Room given by the organisations" in str(refusal.value) or "organisaties" in str(
        refusal.value
    )
    draft.refresh_from_db()
    assert not draft.is_published


def test_open_questions_are_capped(draft):
    for n in range(services.MAX_OPEN_QUESTIONS - draft.questions.filter(kind="open").count()):
        services.question_add(questionnaire=draft, kind="open", dimension="", text=f"Vraag {n}")
    with pytest.raises(ValidationError):
        services.question_add(questionnaire=draft, kind="open", dimension="", text="Nog een")


def test_a_coordinator_throws_a_draft_away(coordinator, utrecht, draft):
    http = login(coordinator)
    assert http.get(_url("questionnaire_discard", draft)).status_code == 200
    assert http.post(_url("questionnaire_discard", draft)).status_code == 302
    assert not Questionnaire.objects.filter(pk=draft.pk).exists()
    assert questionnaire_current(region=utrecht) is not None


def test_the_shared_default_is_read_only_for_coordinators(coordinator):
    default = Questionnaire.objects.get(region__isnull=True, version=1)
    http = login(coordinator)
    page = http.get(_url("questionnaire", default))
    assert page.status_code == 200 and not page.context["editable"]
    assert http.get(_url("questionnaire_edit", default)).status_code == 403
    question = default.questions.first()
    assert question is not None
    http.post(_url("question_remove", default, question.pk))
    http.post(_url("question_edit", default, question.pk), {"text": "Anders"})
    question.refresh_from_db()
    assert question.text != "Anders"


def test_another_regions_coordinator_cannot_reach_utrechts_questionnaire(
    other_coordinator, participant, draft
):
    http = login(other_coordinator)
    assert http.get(reverse("barometer:questionnaires", args=["utrecht"])).status_code == 403
    assert http.get(_url("questionnaire", draft)).status_code == 403
    # Under their own region's address, Utrecht's draft does not exist.
    assert http.get(_url("questionnaire", draft, region="amersfoort")).status_code == 404
    question = draft.questions.first()
    assert question is not None
    for name in ("question_remove", "question_move"):
        assert http.post(_url(name, draft, question.pk, region="amersfoort")).status_code == 404
    assert http.post(_url("questionnaire_publish", draft, region="amersfoort")).status_code == 404
    assert Question.objects.filter(pk=question.pk).exists()
    # The shared default they may read under their own region.
    default = Questionnaire.objects.get(region__isnull=True, version=1)
    assert http.get(_url("questionnaire", default, region="amersfoort")).status_code == 200
    assert login(participant).get(_url("questionnaire", draft)).status_code == 403
