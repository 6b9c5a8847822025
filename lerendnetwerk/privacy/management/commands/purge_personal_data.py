from typing import Any

from django.core.management.base import BaseCommand

from lerendnetwerk.privacy.services import personal_data_purge


class Command(BaseCommand):
    help = (
        "Delete personal data past its retention period: finished background tasks, login "
        "attempts and logs, expired sessions, used or expired invitations. Run it daily."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for kind, count in personal_data_purge().items():
            self.stdout.write(f"{kind}: {count} deleted")
