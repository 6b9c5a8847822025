import json
from typing import Any

from django.core.management.base import BaseCommand

from lerendnetwerk.catalogue.selectors import catalogue_export


class Command(BaseCommand):
    help = "Print every catalogue entry with its phases and sources as JSON."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(json.dumps(catalogue_export(), ensure_ascii=False, indent=2))
