"""Twenty members place stickers at the same moment, each through the service in its own thread
with its own database connection: every sticker is counted once and nobody exceeds the limit.

Runs on SQLite and on PostgreSQL (DATABASE_URL). SQLite's in-memory test database is shared
through a shared cache, where a writer that meets another fails at once with "database table is
locked" instead of waiting. The platform runs SQLite from a file (WAL, a busy timeout and
IMMEDIATE transactions, see config/settings.py), so on SQLite the threads work on a file copy of
the test database, as production does. On PostgreSQL they use the test database itself.
"""

import random
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from lerendnetwerk.core.tests.factories import add_member
from lerendnetwerk.themes import selectors, services
from lerendnetwerk.themes.models import DotVoteSticker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
VOTERS = 20
LIMIT = 3


class ThreadDatabase:
    """Gives worker threads their own connection to the database the test set up."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.on_file = connection.vendor == "sqlite"
        self.wrapper = type(connections["default"])
        self.settings = {**connections["default"].settings_dict, "NAME": str(path)}

    def freeze_setup(self) -> None:
        """Copy what the test created so far to the file the threads use (SQLite only)."""
        if self.on_file:
            connection.ensure_connection()
            target = sqlite3.connect(self.path)
            connection.connection.backup(target)
            target.close()

    def _use(self) -> None:
        if self.on_file:
            connections["default"] = self.wrapper(dict(self.settings), "default")

    def run(self, targets: list[Callable[[], None]]) -> None:
        """Run the targets in threads that start together; re-raise the first error."""
        barrier, errors = threading.Barrier(len(targets)), []

        def work(target: Callable[[], None]) -> None:
            self._use()
            try:
                barrier.wait(timeout=30)
                target()
            except BaseException as error:  # every failure is re-raised below
                errors.append(error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=work, args=(target,)) for target in targets]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not any(thread.is_alive() for thread in threads), "a voter is stuck"
        if errors:
            raise errors[0]

    def read(self, query: Callable[[], Any]) -> Any:
        result = []
        self.run([lambda: result.append(query())])
        return result[0]


@pytest.fixture
def threads_db(tmp_path):
    return ThreadDatabase(tmp_path / "threads.sqlite3")


@pytest.fixture
def voters(network, facilitator):
    return [facilitator, *(add_member(network) for _ in range(VOTERS - 1))]


@pytest.fixture
def ballot(cycle, facilitator, voters):
    proposals = [
        services.theme_proposal_create(
            cycle=cycle, title=f"Thema {n}", why="Omdat.", proposed_by=facilitator
        )
        for n in range(4)
    ]
    dot_vote = services.dot_vote_open(
        cycle=cycle, opened_by=facilitator, proposals=proposals, stickers_per_member=LIMIT
    )
    return dot_vote, proposals


def allocation(rng: random.Random, proposals, total: int) -> dict[int, int]:
    counts = Counter(rng.choice(proposals).pk for _ in range(total))
    return {proposal.pk: counts.get(proposal.pk, 0) for proposal in proposals}


def stored(dot_vote) -> tuple[dict[int, int], dict[int, int], list[int]]:
    """(stickers per proposal, stickers per member, every row's count) as the database has them."""
    rows = list(
        DotVoteSticker.objects.filter(dot_vote=dot_vote).values_list(
            "proposal_id", "member_id", "count"
        )
    )
    per_proposal: Counter[int] = Counter()
    per_member: Counter[int] = Counter()
    for proposal_id, member_id, count in rows:
        per_proposal[proposal_id] += count
        per_member[member_id] += count
    results = selectors.dot_vote_results(dot_vote=dot_vote)
    assert {row.proposal.pk: row.stickers for row in results.ranking if row.stickers} == dict(
        per_proposal
    )
    return dict(per_proposal), dict(per_member), [count for _p, _m, count in rows]


def test_twenty_voters_at_once_every_sticker_counted_once(threads_db, voters, ballot):
    dot_vote, proposals = ballot
    rng = random.Random(4)
    plans = {
        voter.pk: [
            allocation(rng, proposals, rng.randint(1, LIMIT)),
            allocation(rng, proposals, LIMIT + 1),  # one too many: refused
            allocation(rng, proposals, rng.randint(1, LIMIT)),  # what they end with
        ]
        for voter in voters
    }
    refused: list[int] = []

    def vote(voter, plan) -> Callable[[], None]:
        def place() -> None:
            for stickers in plan:
                try:
                    services.dot_vote_place(dot_vote=dot_vote, member=voter, stickers=stickers)
                except ValidationError:
                    refused.append(voter.pk)

        return place

    # Everyone also presses the button twice: a second thread sends their final stickers, so
    # the same person's submissions meet as well as different people's.
    targets = [vote(voter, plans[voter.pk]) for voter in voters]
    targets += [vote(voter, plans[voter.pk][-1:]) for voter in voters]
    threads_db.freeze_setup()
    threads_db.run(targets)

    per_proposal, per_member, rows = threads_db.read(lambda: stored(dot_vote))
    expected: Counter[int] = Counter()
    for plan in plans.values():
        expected.update(plan[-1])
    assert per_proposal == {pk: n for pk, n in expected.items() if n}
    assert per_member == {pk: sum(plan[-1].values()) for pk, plan in plans.items()}
    assert max(per_member.values()) <= LIMIT
    assert min(rows) >= 1
    assert sorted(refused) == sorted(voter.pk for voter in voters)


def test_closing_while_members_vote_counts_exactly_what_was_accepted(
    threads_db, voters, ballot, facilitator
):
    dot_vote, proposals = ballot
    accepted: dict[int, dict[int, int]] = {}
    refused: list[int] = []

    def vote(voter) -> Callable[[], None]:
        stickers = {proposals[voter.pk % len(proposals)].pk: LIMIT}

        def place() -> None:
            try:
                accepted[voter.pk] = services.dot_vote_place(
                    dot_vote=dot_vote, member=voter, stickers=stickers
                )
            except ValidationError as error:
                # Threads speak the site's default language (Dutch), not the test's English.
                message = " ".join(error.messages)
                assert "closed" in message or "gesloten" in message
                refused.append(voter.pk)

        return place

    def close() -> None:
        services.dot_vote_close(dot_vote=dot_vote)

    threads_db.freeze_setup()
    threads_db.run([vote(voter) for voter in voters] + [close])

    per_proposal, per_member, _rows = threads_db.read(lambda: stored(dot_vote))
    assert len(accepted) + len(refused) == VOTERS
    assert per_member == dict.fromkeys(accepted, LIMIT)
    assert sum(per_proposal.values()) == LIMIT * len(accepted)
