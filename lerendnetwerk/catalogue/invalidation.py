"""Which saves change the cached catalogue pages (see core/fragments.py)."""

from lerendnetwerk.core import fragments

from .models import Entry, Source, SourceReference, Topic

CATALOGUE = "catalogue"


def connect() -> None:
    fragments.bump_on_change(CATALOGUE, Topic, Entry, Source, SourceReference)
