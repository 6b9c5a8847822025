from typing import Any

from django.core.management.base import BaseCommand

from lerendnetwerk.core.services import tasks_recover


class Command(BaseCommand):
    help = (
        "Put RUNNING tasks whose worker is gone back in the queue. `run_worker` does this at "
        "start and on every heartbeat; run it from cron when workers run as plain `db_worker`."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        recovered = tasks_recover()
        self.stdout.write(f"{recovered} task(s) back in the queue.")
