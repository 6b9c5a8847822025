"""Which saves change what the catalogue's pages show of the library (see core/fragments.py).

Every write of a resource saves or deletes its row (services.py), so the row's signals suffice.
"""

from lerendnetwerk.core import fragments

from .models import Resource

LIBRARY = "resources"


def connect() -> None:
    fragments.bump_on_change(LIBRARY, Resource)
