"""Each member answers once, with every statement; a bad form keeps what was typed."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from lerendnetwerk.barometer import services
from lerendnetwerk.barometer.models import (
    Answer,
    BarometerRound,
    Participation,
    Question,
    Response,
    SealedResponse,
)
from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.networks.models import Membership

from .conftest import answer, close

pytestmark = pytest.mark.django_db


def _url(barometer_round: BarometerRound) -> str:
    return reverse("barometer:answer", args=[barometer_round.network.slug, barometer_round.pk])


def _full_form(barometer_round: BarometerRound, value: str = "4") -> dict[str, str]:
    keys = barometer_round.questionnaire.questions.filter(kind="scale").values_list(
        "key", flat=True
    )
    return {f"q_{key}": value for key in keys}


def test_a_member_answers_once_through_the_form(barometer_round, participant):
    client = login(participant)
    data = {**_full_form(barometer_round), "q_open_kan_beter": "Meer tijd"}
    response = client.post(_url(barometer_round), data)
    assert response.status_code == 302
    assert SealedResponse.objects.filter(round=barometer_round).count() == 1
    services.round_close(barometer_round=barometer_round)
    assert Response.objects.filter(round=barometer_round).count() == 1
    statements = Question.objects.filter(questionnaire=barometer_round.questionnaire, kind="scale")
    assert Answer.objects.filter(value=4).count() == statements.count()
    # A second time: the page says so, and nothing more is stored.
    again = client.get(_url(barometer_round))
    assert again.context["already"] is True
    client.post(_url(barometer_round), data)
    assert Response.objects.filter(round=barometer_round).count() == 1
    assert Participation.objects.filter(round=barometer_round).count() == 1


def test_the_service_refuses_a_second_answer(barometer_round, participant):
    answer(barometer_round, participant)
    with pytest.raises(ValidationError):
        answer(barometer_round, participant, value=1)
    assert SealedResponse.objects.count() == 1
    services.round_close(barometer_round=barometer_round)
    assert Response.objects.count() == 1
    assert not Answer.objects.filter(value=1).exists()


def test_the_unique_participation_refuses_a_second_answer_even_past_the_check(
    barometer_round, participant, monkeypatch
):
    """Two answers racing past the check: the constraint stops the second, with no trace."""
    answer(barometer_round, participant)
    membership = Membership.objects.get(network=barometer_round.network, user=participant)
    monkeypatch.setattr(services, "_refuse_unless_may_answer", lambda *args: membership)
    with pytest.raises(ValidationError):
        answer(barometer_round, participant, value=1)
    assert SealedResponse.objects.count() == 1


# Serialized rollback: the flush afterwards must not take the migrated data from later tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_answers_of_one_member_store_one(barometer_round, participant):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises every write; the race needs PostgreSQL")
    barrier, outcomes = threading.Barrier(2), []

    def submit():
        try:
            barrier.wait()
            answer(barometer_round, participant)
            outcomes.append("saved")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "saved"]
    assert SealedResponse.objects.filter(round=barometer_round).count() == 1


def test_a_missing_statement_keeps_every_other_answer(barometer_round, participant):
    data = _full_form(barometer_round, "5")
    missing = next(iter(data))
    del data[missing]
    data["q_open_gaat_goed"] = "We leren veel van elkaar"
    response = login(participant).post(_url(barometer_round), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [missing]
    page = response.content.decode()
    assert page.count(" checked>") == len(data) - 1
    assert "We leren veel van elkaar" in page
    assert f"{missing}_error" in page
    assert not Participation.objects.exists() and not Response.objects.exists()


def test_a_value_off_the_scale_is_an_error_not_a_crash(barometer_round, participant):
    data = {**_full_form(barometer_round), "q_band_veilig": "9"}
    response = login(participant).post(_url(barometer_round), data)
    assert response.status_code == 200
    assert "q_band_veilig" in response.context["form"].errors
    assert not Response.objects.exists()


def test_the_service_refuses_values_off_the_scale_and_unknown_questions(
    barometer_round, participant
):
    with pytest.raises(ValidationError) as error:
        answer(barometer_round, participant, values={"band_veilig": 0})
    assert "band_veilig" in error.value.error_dict
    with pytest.raises(ValidationError):
        services.round_answer(
            barometer_round=barometer_round,
            user=participant,
            values={"no_such_question": 3},
        )
    assert not Participation.objects.exists()


def test_a_closed_round_takes_no_answers(barometer_round, participant):
    close(barometer_round)
    with pytest.raises(ValidationError):
        answer(barometer_round, participant)
    page = login(participant).get(_url(barometer_round))
    assert page.status_code == 200
    assert "form" not in page.context
    response = login(participant).post(_url(barometer_round), _full_form(barometer_round))
    assert response.status_code == 200
    assert not Response.objects.exists()


def test_only_members_answer(barometer_round, outsider, coordinator):
    with pytest.raises(ValidationError):
        answer(barometer_round, outsider)
    assert login(coordinator).get(_url(barometer_round)).status_code == 403
    assert not Response.objects.exists()


def test_a_member_who_left_can_no_longer_answer(barometer_round, participant):
    from lerendnetwerk.networks import services as network_services

    network_services.membership_end(membership=participant.memberships.get())
    with pytest.raises(ValidationError):
        answer(barometer_round, participant)
