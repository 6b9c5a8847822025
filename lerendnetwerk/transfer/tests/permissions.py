"""Permission-matrix rows for the transfer pages (see core/tests/permissions.py)."""

from typing import Any

from lerendnetwerk.core.tests.permissions import Row


def build(w: Any) -> None:
    pass


ROWS: dict[str, Row] = {}
