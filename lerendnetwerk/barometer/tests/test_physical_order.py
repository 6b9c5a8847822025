"""Anonymity against someone who reads the database itself: the physical order of the rows
(SQLite's rowid, PostgreSQL's ctid) and PostgreSQL's transaction ids (xmin) must not line up
the people who answered with what they answered.

Real transactions, not the test's savepoints: the transaction ids are what is under test."""

import random
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.barometer import services
from lerendnetwerk.barometer.models import Answer, BarometerRound, Response, SealedResponse
from lerendnetwerk.core.tests.factories import UserFactory, add_member
from lerendnetwerk.networks.models import Network

from .conftest import answer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MEMBERS = 10
ON_POSTGRES = connection.vendor == "postgresql"


def _place(alias: str) -> str:
    """How a row's writing transaction and physical place are read (no transaction ids on
    SQLite: 0)."""
    if ON_POSTGRES:
        return f"{alias}.xmin::text::bigint, {alias}.ctid::text"
    return f"0, {alias}.rowid"


def _physical_order(sql: str, barometer_round: BarometerRound) -> list[tuple[Any, Any, Any]]:
    """(xmin, place, value) rows in the order an attacker would read them."""
    with connection.cursor() as cursor:
        cursor.execute(sql, [barometer_round.pk])
        rows = list(cursor.fetchall())
    return sorted(rows, key=lambda row: (row[0], _tid(row[1])))


def _tid(place: Any) -> Any:
    """PostgreSQL's ctid reads as "(block,offset)"; compare it as numbers."""
    if isinstance(place, str):
        block, offset = place.strip("()").split(",")
        return (int(block), int(offset))
    return place


def _participants(barometer_round: BarometerRound) -> list[tuple[Any, Any, Any]]:
    return _physical_order(
        f"SELECT {_place('p')}, p.user_id FROM barometer_participation p WHERE p.round_id = %s",  # noqa: S608
        barometer_round,
    )


def _response_texts(barometer_round: BarometerRound) -> list[tuple[Any, Any, Any]]:
    """Each response's open text, in the order of the response rows."""
    return _physical_order(
        f"SELECT {_place('r')}, a.text FROM barometer_response r "  # noqa: S608
        "JOIN barometer_answer a ON a.response_id = r.id "
        "WHERE r.round_id = %s AND a.text <> ''",
        barometer_round,
    )


def _answer_texts(barometer_round: BarometerRound) -> list[tuple[Any, Any, Any]]:
    """The open answers in the order of the answer rows."""
    return _physical_order(
        f"SELECT {_place('a')}, a.text FROM barometer_answer a "  # noqa: S608
        "JOIN barometer_response r ON a.response_id = r.id "
        "WHERE r.round_id = %s AND a.text <> ''",
        barometer_round,
    )


def _hits(people: list[Any], texts: list[Any], truth: dict[int, str]) -> int:
    """How many people an attacker lines up correctly with their text by position."""
    return sum(truth[person] == text for person, text in zip(people, texts, strict=True))


@pytest.fixture
def answered_round(network: Network, facilitator: User) -> tuple[BarometerRound, dict[int, str]]:
    """A round that MEMBERS members answered in a random order, each with a text of their own.
    Returns the round and the truth: who wrote what."""
    people = [add_member(network, UserFactory.create()) for _ in range(MEMBERS)]
    barometer_round = services.round_open(
        network=network, closes_on=timezone.localdate() + timedelta(days=7), opened_by=facilitator
    )
    random.Random(8).shuffle(people)
    truth = {}
    for number, person in enumerate(people):
        truth[person.pk] = f"Antwoord van persoon {number}"
        answer(
            barometer_round,
            person,
            value=1 + number % 5,
            texts={"open_gaat_goed": truth[person.pk]},
        )
    return barometer_round, truth


def _close(barometer_round: BarometerRound, how: str) -> None:
    if how == "early":
        services.round_close(barometer_round=barometer_round)
        return
    BarometerRound.objects.filter(pk=barometer_round.pk).update(
        closes_on=timezone.localdate() - timedelta(days=1)
    )
    services.round_release(barometer_round=barometer_round)


def test_nothing_readable_is_written_while_the_round_is_open(answered_round):
    barometer_round, truth = answered_round
    assert not Response.objects.filter(round=barometer_round).exists()
    assert not Answer.objects.filter(response__round=barometer_round).exists()
    sealed = list(SealedResponse.objects.filter(round=barometer_round))
    assert len(sealed) == MEMBERS
    for row in sealed:
        assert all(text not in row.payload for text in truth.values())
    # Every sealed answer has the same length: the length of a text does not say whose it is.
    assert len({len(row.payload) for row in sealed}) == 1


@pytest.mark.parametrize("how", ["early", "by_date"])
def test_physical_order_does_not_line_up_people_and_answers(answered_round, how: str):
    barometer_round, truth = answered_round
    _close(barometer_round, how)
    assert not SealedResponse.objects.filter(round=barometer_round).exists()

    people = [row[2] for row in _participants(barometer_round)]
    by_response = [row[2] for row in _response_texts(barometer_round)]
    by_answer = [row[2] for row in _answer_texts(barometer_round)]
    assert sorted(by_response) == sorted(truth.values())
    # In answering order the attacker would get all of them; a random order gets about one.
    # Failing by chance needs the shuffle to leave all MEMBERS in place: 1 in MEMBERS!.
    assert _hits(people, by_response, truth) < MEMBERS
    assert _hits(people, by_answer, truth) < MEMBERS


@pytest.mark.skipif(not ON_POSTGRES, reason="transaction ids exist on PostgreSQL only")
@pytest.mark.parametrize("how", ["early", "by_date"])
def test_transaction_ids_do_not_join_people_and_answers(answered_round, how: str):
    barometer_round, _ = answered_round
    _close(barometer_round, how)
    participation_xmins = {row[0] for row in _participants(barometer_round)}
    response_xmins = {row[0] for row in _response_texts(barometer_round)}
    answer_xmins = {row[0] for row in _answer_texts(barometer_round)}
    # All answers were released by one transaction, which wrote no participation.
    assert len(response_xmins) == 1 and response_xmins == answer_xmins
    assert not participation_xmins & response_xmins
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM barometer_participation p JOIN barometer_response r "
            "ON p.xmin = r.xmin WHERE p.round_id = %s",
            [barometer_round.pk],
        )
        assert cursor.fetchone() == (0,)


def test_releasing_twice_changes_nothing(answered_round):
    barometer_round, _ = answered_round
    _close(barometer_round, "early")
    ids = set(Response.objects.filter(round=barometer_round).values_list("pk", flat=True))
    assert services.round_release(barometer_round=barometer_round) == 0
    assert set(Response.objects.filter(round=barometer_round).values_list("pk", flat=True)) == ids
