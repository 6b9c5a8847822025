import time
import urllib.error
import urllib.request
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.urls import reverse

from lerendnetwerk.demo.utrecht import login_lines


class Command(BaseCommand):
    help = "Print the demo logins and the addresses to open, once the server answers."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--password", required=True, help="Password of the demo logins.")
        parser.add_argument(
            "--wait-for", metavar="URL", help="Wait (up to a minute) until this URL answers."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # The development server prints its own lines first; ours should come after them, where
        # a person looks once the platform is up.
        if options["wait_for"]:
            self._wait(options["wait_for"])
        site = settings.SITE_URL
        lines = ["", f"Lerend Netwerk runs at {site}/ . Demo logins:"]
        lines.append(login_lines(options["password"]))
        if settings.LOCAL_OUTBOX:
            lines.append(
                f"E-mail: {site}{reverse('core:outbox')} (log in as the coordinator, who is staff)."
            )
        self.stdout.write("\n".join(lines) + "\n")

    def _wait(self, url: str) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own local server
                    return
            except urllib.error.HTTPError:
                return  # it answers, even if with an error page
            except OSError:
                time.sleep(0.5)
