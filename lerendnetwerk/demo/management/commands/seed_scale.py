import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from lerendnetwerk.demo import scale


class Command(BaseCommand):
    help = "Generate national-scale data for benchmarks (factor 1 = every Dutch municipality)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--factor", type=float, default=0.01, help="0.001 to 1.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--password", default="bench-wachtwoord")
        parser.add_argument(
            "--namespace", default="", help="Prefix for slugs and e-mail addresses."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        factor = options["factor"]
        if not 0.001 <= factor <= 1:
            raise CommandError("--factor must lie between 0.001 and 1.")
        started = time.monotonic()
        with transaction.atomic():
            scale.generate(
                size=scale.Size.at(factor),
                seed=options["seed"],
                log=self.stdout.write,
                password=options["password"],
                namespace=options["namespace"],
            )
        self.stdout.write(f"Done in {time.monotonic() - started:.0f} s: {scale.counts()}")
