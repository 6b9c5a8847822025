"""E-mail each person their daily overview of notifications, and on Mondays the weekly one.

Run it daily (see the README and docs/operations.md); `run_worker` sends the queued e-mails.
Running it twice the same day sends nothing twice.
"""

from typing import Any

from django.core.management.base import BaseCommand

from ...services import notification_digests_send


class Command(BaseCommand):
    help = "Queue the daily (and on Mondays the weekly) notification digests."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = notification_digests_send()
        self.stdout.write(f"{sent} digests queued.")
