"""Release the sealed answers of every round past its closing date.

Run it daily (see the README), shortly after midnight: pages that read a round's answers
release it themselves when this has not run yet, so it only keeps them from doing so.
"""

from typing import Any

from django.core.management.base import BaseCommand

from ...services import rounds_release_all_due


class Command(BaseCommand):
    help = "Release the sealed answers of every barometer round past its closing date."

    def handle(self, *args: Any, **options: Any) -> None:
        rounds, answers = rounds_release_all_due()
        self.stdout.write(f"{rounds} rounds released, with {answers} responses.")
