from typing import Any

from django.core.management.base import BaseCommand

from lerendnetwerk.privacy.services import accounts_erase_due


class Command(BaseCommand):
    help = (
        "Erase the accounts whose owners asked for it and whose grace period "
        "(ERASURE_GRACE_DAYS) has passed. Run it daily."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        erased = accounts_erase_due()
        self.stdout.write(f"{erased} account(s) erased")
