"""Fault tests: a worker killed mid-batch, a database that refuses connections for a while.

Select them with `pytest -m faults`. The worker tests run `manage.py` as real processes against
the test database: PostgreSQL's test database is shared as it is; SQLite's lives in memory, so
it is copied to a file first with the online backup API.
"""

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from email import message_from_bytes
from pathlib import Path

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError, connection, connections
from django.db.models import Count
from django.test import RequestFactory
from django_tasks_db.models import DBTaskResult

from lerendnetwerk.core.email import email_enqueue

pytestmark = pytest.mark.faults

ROOT = Path(__file__).resolve().parents[3]
SEPARATOR = b"\n" + b"-" * 79 + b"\n"


class Queue:
    """The test database as a worker process sees it."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.mail_dir = tmp_path / "mail"
        self.sqlite_file = tmp_path / "queue.sqlite3"

    def share(self) -> str:
        """Make committed data visible to other processes; return their DATABASE_URL."""
        settings = connection.settings_dict
        if connection.vendor == "sqlite":
            import sqlite3

            connection.ensure_connection()
            with sqlite3.connect(self.sqlite_file) as target:
                connection.connection.backup(target)
            return f"sqlite:///{self.sqlite_file}"
        return (
            f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST']}"
            f":{settings['PORT'] or 5432}/{settings['NAME']}"
        )

    def statuses(self) -> Counter[str]:
        if connection.vendor == "sqlite":
            import sqlite3

            table = DBTaskResult._meta.db_table
            with sqlite3.connect(self.sqlite_file) as db:
                rows = db.execute(
                    f"SELECT status, COUNT(*) FROM {table} GROUP BY status"  # noqa: S608
                ).fetchall()
            return Counter(dict(rows))
        return Counter(
            {
                row["status"]: row["n"]
                for row in DBTaskResult.objects.values("status").annotate(n=Count("id"))
            }
        )

    def env(self, url: str, **extra: str) -> dict[str, str]:
        return {
            **os.environ,
            "DATABASE_URL": url,
            "TASKS_IMMEDIATE": "0",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "EMAIL_BACKEND": "lerendnetwerk.core.tests.fault_mail.BlockingFileBackend",
            **extra,
        }

    def messages(self) -> list[str]:
        """The Message-ID of every message written, duplicates included."""
        ids = []
        for path in sorted(self.mail_dir.glob("*.log")):
            for raw in path.read_bytes().split(SEPARATOR):
                if raw.strip():
                    ids.append(str(message_from_bytes(raw)["Message-ID"]))
        return ids


def manage(*args: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def finish(process: subprocess.Popen[bytes], timeout: float = 60) -> str:
    output, _ = process.communicate(timeout=timeout)
    assert process.returncode == 0, output.decode()
    return output.decode()


def wait_for(path: Path, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if process.poll() is not None:
            raise AssertionError(process.communicate()[0].decode())
        assert time.monotonic() < deadline, f"{path} did not appear"
        time.sleep(0.05)


def enqueue_mails(settings, count: int) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for number in range(count):
        email_enqueue(
            to=f"lid{number}@example.org",
            template="accounts/email/password_reset",
            context={"name": f"Lid {number}", "link": "http://localhost/x"},
        )


WORKER = ("run_worker", "--batch", "--interval", "0", "--no-startup-delay", "-v", "0")


def kill_and_restart(
    queue: Queue, url: str, block_at: int, when: str, *, check_live: bool = True
) -> None:
    """Start a worker, kill it with SIGKILL where the backend blocks, start another.

    The new worker recovers the task the killed one left RUNNING at its start: the killed
    worker's heartbeat is older than TASK_WORKER_TIMEOUT by then.
    """
    env = queue.env(
        url,
        FAULT_BLOCK_AT=str(block_at),
        FAULT_BLOCK_WHEN=when,
        TASK_HEARTBEAT_INTERVAL="0.2",
        TASK_WORKER_TIMEOUT="1",
    )
    worker = manage(*WORKER, env=env)
    try:
        wait_for(queue.tmp_path / "blocked", worker)
        if check_live:
            # A worker that hangs but lives keeps its task.
            time.sleep(1.2)
            assert "0 task(s)" in finish(manage("recover_tasks", env=env))
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    assert queue.statuses()["RUNNING"] == 1
    time.sleep(1.2)
    finish(manage(*WORKER, env=env))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_while_sending_loses_no_mail_and_sends_none_twice(settings, tmp_path):
    queue = Queue(tmp_path)
    enqueue_mails(settings, 300)
    url = queue.share()

    kill_and_restart(queue, url, block_at=150, when="before")

    sent = queue.messages()
    assert len(set(sent)) == 300
    assert len(sent) == 300
    assert queue.statuses() == Counter({"SUCCESSFUL": 300})


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_between_sending_and_marking_sends_one_duplicate_with_the_same_id(
    settings, tmp_path
):
    """The window that SMTP leaves open (docs/operations.md): sent, but not yet marked."""
    queue = Queue(tmp_path)
    enqueue_mails(settings, 30)
    url = queue.share()

    kill_and_restart(queue, url, block_at=10, when="after", check_live=False)

    sent = Counter(queue.messages())
    assert len(sent) == 30
    assert sorted(sent.values()) == [1] * 29 + [2]
    assert queue.statuses() == Counter({"SUCCESSFUL": 30})


def wsgi_get(path: str) -> tuple[int, dict[str, str], str]:
    """A request through the WSGI handler as a server makes it, with the request_started and
    request_finished signals that close stale connections (the test client switches those off).
    """
    answer: dict[str, object] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info=None):
        answer["status"], answer["headers"] = int(status.split()[0]), dict(headers)

    environ = RequestFactory().get(path).environ
    response = WSGIHandler()(environ, start_response)
    try:
        body = b"".join(response).decode()
    finally:
        response.close()
    return answer["status"], answer["headers"], body  # type: ignore[return-value]


def refuse_connections(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise OperationalError("connection to server failed: Connection refused")

    if connection.vendor == "sqlite":
        # Closing the in-memory test database would only pretend to; fail every query instead.
        monkeypatch.setattr(connection, "create_cursor", refused)
    else:
        connection.close()
        monkeypatch.setattr(connection, "get_new_connection", refused)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_that_refuses_connections_gives_a_dutch_503_and_then_recovers(
    monkeypatch, participant
):
    assert wsgi_get("/")[0] == 200

    with monkeypatch.context() as patch:
        refuse_connections(patch)
        status, headers, body = wsgi_get("/")

    assert status == 503
    assert headers["Retry-After"] == "60"
    assert "De website is even niet bereikbaar" in body
    assert "Traceback" not in body and "OperationalError" not in body
    # Nothing restarted: the next request gets a new connection.
    assert wsgi_get("/")[0] == 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_terminated_postgresql_connection_is_replaced_before_the_next_request(participant):
    if connection.vendor != "postgresql":
        pytest.skip("pg_terminate_backend is PostgreSQL's")
    assert wsgi_get("/")[0] == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        [pid] = cursor.fetchone()
    with (
        connections["default"]
        .__class__({**connection.settings_dict}, alias="terminator")
        .cursor() as other
    ):
        other.execute("SELECT pg_terminate_backend(%s)", [pid])

    assert wsgi_get("/")[0] == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != pid
