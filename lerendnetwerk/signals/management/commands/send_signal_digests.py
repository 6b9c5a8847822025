"""E-mail the coordinators the week's new and worse signals of their regions' networks.

Run it weekly (see the README), after `network_signals` has run that day; `db_worker` sends
the queued e-mails.
"""

from typing import Any

from django.core.management.base import BaseCommand

from ...services import signal_digests_send


class Command(BaseCommand):
    help = "E-mail each coordinator the new and worse signals of the last seven days."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = signal_digests_send()
        self.stdout.write(f"{sent} digests queued.")
