"""E-mail each manager when more waits for them on their page than at their last reminder.

Run it daily (see the README); `db_worker` sends the queued e-mails.
"""

from typing import Any

from django.core.management.base import BaseCommand

from ...services import manager_reminders_send


class Command(BaseCommand):
    help = "E-mail each manager for whom something new waits on their page."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = manager_reminders_send()
        self.stdout.write(f"{sent} reminders queued.")
