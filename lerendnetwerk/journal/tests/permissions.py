"""Permission-matrix rows for the learning diary: a private entry is its author's alone."""

from typing import Any

from lerendnetwerk.core.tests.permissions import LOGGED_IN, LOGIN, OK, ROLES, Row
from lerendnetwerk.journal import services

NOT_FOUND = 404


def build(w: Any) -> None:
    w.private_entry = services.journal_entry_write(
        author=w.people["participant"], text="Alleen voor mij."
    )


def entry(w: Any) -> dict[str, Any]:
    return {"pk": w.private_entry.pk}


AUTHOR_ONLY = {
    role: OK if role == "participant" else (LOGIN if role == "anonymous" else NOT_FOUND)
    for role in ROLES
}

ROWS: dict[str, Row] = {
    "journal:index": ("get", None, LOGGED_IN),
    "journal:create": ("get", None, LOGGED_IN),
    "journal:markdown": ("get", None, LOGGED_IN),
    "journal:pdf": ("get", None, LOGGED_IN),
    "journal:shared": ("get", None, LOGGED_IN),
    "journal:detail": ("get", entry, AUTHOR_ONLY),
    "journal:edit": ("get", entry, AUTHOR_ONLY),
    "journal:delete": ("get", entry, AUTHOR_ONLY),
}
