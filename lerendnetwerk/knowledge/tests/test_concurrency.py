"""Two clicks at once never leave two experts on an agenda item: two facilitators asking for the
same item, an expert accepting twice, and a withdrawal meeting an acceptance. Each through the
services in its own thread and database connection, on SQLite (a file copy, as production runs
it) and on PostgreSQL (DATABASE_URL); see themes/tests/test_voting_concurrency.py."""

from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from lerendnetwerk.core.tests.factories import UserFactory, make_facilitator
from lerendnetwerk.knowledge import services
from lerendnetwerk.knowledge.models import ExpertRequest
from lerendnetwerk.meetings.models import AgendaItem
from lerendnetwerk.themes.tests.test_voting_concurrency import ThreadDatabase

from .conftest import profile_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def threads_db(tmp_path):
    return ThreadDatabase(tmp_path / "threads.sqlite3")


def _state(item_pk: int) -> tuple[int | None, list[tuple[int, str]]]:
    item = AgendaItem.objects.get(pk=item_pk)
    requests = list(
        ExpertRequest.objects.filter(agenda_item=item)
        .order_by("pk")
        .values_list("expert_id", "status")
    )
    return item.expert_id, requests


def test_at_once_one_expert_at_most(threads_db, network, facilitator, item, expert, utrecht):
    other = UserFactory.create(name="Olga Onderzoeker", is_expert=True)
    profile_for(expert, utrecht)
    profile_for(other, utrecht)
    second_facilitator = make_facilitator(network)
    refused: list[str] = []

    def attempt(call: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            try:
                call()
            except ValidationError as error:
                refused.append(" ".join(error.messages))

        return run

    # Two facilitators ask two experts for the same item at the same moment.
    threads_db.freeze_setup()
    threads_db.run(
        [
            attempt(
                lambda: services.expert_request_create(
                    item=item, expert=expert, requested_by=facilitator, message=""
                )
            ),
            attempt(
                lambda: services.expert_request_create(
                    item=item, expert=other, requested_by=second_facilitator, message=""
                )
            ),
        ]
    )
    _expert, requests = threads_db.read(lambda: _state(item.pk))
    assert len(requests) == 1 and len(refused) == 1
    [(asked_id, status)] = requests
    assert status == "open"
    asked = threads_db.read(lambda: ExpertRequest.objects.select_related("expert").get())
    winner = asked.expert

    # She presses "accept" twice.
    refused.clear()
    threads_db.run(
        [
            attempt(
                lambda: services.expert_request_answer(request=asked, expert=winner, accept=True)
            )
            for _ in range(2)
        ]
    )
    assert len(refused) == 1
    assert threads_db.read(lambda: _state(item.pk)) == (winner.pk, [(asked_id, "accepted")])

    # The facilitator withdraws while she, once more, accepts: whatever comes first, the item
    # names her exactly when her request stands accepted.
    refused.clear()
    threads_db.run(
        [
            attempt(lambda: services.expert_request_withdraw(request=asked)),
            attempt(
                lambda: services.expert_request_answer(request=asked, expert=winner, accept=True)
            ),
        ]
    )
    expert_id, requests = threads_db.read(lambda: _state(item.pk))
    assert requests == [(asked_id, "withdrawn")]
    assert expert_id is None
