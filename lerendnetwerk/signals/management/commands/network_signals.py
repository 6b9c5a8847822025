"""Compute the networks' signals fresh from the database, store them and print them.

Run it daily (see the README) next to the background task that recomputes a network's signals
when its data changes.
"""

import json
import time
from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from lerendnetwerk.networks.selectors import network_get

from ...models import Signal
from ...selectors import shown
from ...services import signals_compute


class Command(BaseCommand):
    help = "Compute the networks' signals (pitfalls read from the data), store and print them."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--network", metavar="SLUG", help="only this network")
        parser.add_argument("--json", action="store_true", help="print the signals as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        ids: list[int] | None = None
        if options["network"]:
            try:
                ids = [network_get(slug=options["network"]).pk]
            except ObjectDoesNotExist:
                raise CommandError(f"No network with the slug {options['network']!r}.") from None
        started = time.monotonic()
        computed = signals_compute(network_ids=ids)
        seconds = time.monotonic() - started
        signals = (
            Signal.objects.current()
            .select_related("network", "entry")
            .order_by("network__slug", "-severity", "rule")
        )
        if ids is not None:
            signals = signals.filter(network_id__in=ids)
        # The evidence is written in Dutch, the platform's first language.
        with translation.override("nl"):
            rows = [
                {
                    "network": s.signal.network.slug,
                    "pitfall": s.title,
                    "severity": s.severity,
                    "evidence": s.evidence,
                    "since": s.since.isoformat(),
                }
                for s in shown(list(signals), facilitator=False)
            ]
        if options["json"]:
            self.stdout.write(json.dumps({"signals": rows}, ensure_ascii=False, indent=2))
            return
        for row in rows:
            self.stdout.write(
                f"{row['network']}: [{row['severity']}] {row['pitfall']} — {row['evidence']}"
            )
        self.stderr.write(
            f"{computed.networks} networks in {seconds:.1f} s: {computed.current} current, "
            f"{computed.raised} new, {computed.cleared} cleared."
        )
