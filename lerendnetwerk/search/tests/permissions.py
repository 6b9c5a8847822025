"""Permission-matrix rows for the search (see core/tests/permissions.py): a public page, the
same for everyone with or without an account."""

from typing import Any

from lerendnetwerk.core.tests.permissions import ALL_OK, Row


def region(w: Any) -> dict[str, Any]:
    return {"region_slug": "utrecht"}


ROWS: dict[str, Row] = {
    "search:results": ("get", region, ALL_OK),
}


def build(w: Any) -> None:
    """Nothing of its own: the search finds what the other apps' rows built."""
