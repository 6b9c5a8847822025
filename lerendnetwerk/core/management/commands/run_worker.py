import logging
import threading
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connections
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from lerendnetwerk.core.services import tasks_recover, worker_heartbeat, worker_stopped

logger = logging.getLogger(__name__)


class Command(DbWorkerCommand):
    help = (
        "Run the database task worker (db_worker, same options) with a heartbeat, after "
        "putting the tasks of stopped workers back in the queue; while it runs, it keeps doing so."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        # The autoreloader would run the worker in a child process that has another worker id.
        options["reload"] = False
        worker_id: str = options["worker_id"]
        tasks_recover()
        worker_heartbeat(worker_id=worker_id)
        stop = threading.Event()
        beat = threading.Thread(target=self.beat, args=(worker_id, stop), daemon=True)
        beat.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            beat.join(timeout=5)
            worker_stopped(worker_id=worker_id)

    def beat(self, worker_id: str, stop: threading.Event) -> None:
        """Say this worker lives; look for tasks that stopped workers left RUNNING."""
        while not stop.wait(settings.TASK_HEARTBEAT_INTERVAL):
            try:
                worker_heartbeat(worker_id=worker_id)
                tasks_recover()
            except DatabaseError:
                # The database is away for a while: the next beat tries again, on a new
                # connection.
                logger.warning("Task worker heartbeat failed.", exc_info=True)
                connections.close_all()
        connections.close_all()
