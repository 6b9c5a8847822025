"""Release the sealed answers of every round past its closing date, and remind the members
who have not answered a round that closes within two days (once per round).

Run it daily (see the README), shortly after midnight: pages that read a round's answers
release it themselves when this has not run yet, so it only keeps them from doing so.
"""

from typing import Any

from django.core.management.base import BaseCommand

from ...services import rounds_release_all_due, rounds_remind_closing


class Command(BaseCommand):
    help = (
        "Release the sealed answers of every barometer round past its closing date; remind "
        "the members of rounds that close within two days."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        rounds, answers = rounds_release_all_due()
        self.stdout.write(f"{rounds} rounds released, with {answers} responses.")
        reminded = rounds_remind_closing()
        self.stdout.write(f"{reminded} rounds reminded.")
