from types import SimpleNamespace
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from lerendnetwerk.catalogue import models
from lerendnetwerk.catalogue.invalidation import CATALOGUE
from lerendnetwerk.catalogue.loader import load_catalogue
from lerendnetwerk.core import fragments


class Command(BaseCommand):
    help = "Load (or update) the Handreiking catalogue from catalogue/data/handreiking.yaml."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            topics, entries = load_catalogue(
                SimpleNamespace(
                    Source=models.Source,
                    Topic=models.Topic,
                    Entry=models.Entry,
                    SourceReference=models.SourceReference,
                )
            )
            # Source references are bulk inserted, which sends no signal.
            fragments.bump(CATALOGUE)
        self.stdout.write(f"Loaded {topics} topics and {entries} entries.")
