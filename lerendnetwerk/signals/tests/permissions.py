"""Permission-matrix rows for the signal pages."""

from typing import Any

from lerendnetwerk.core.tests.permissions import Row, only


def build(w: Any) -> None:
    """The region pages need nothing beyond the shared world."""


# The region's health and the coordinator's digest setting: coordinators only.
ROWS: dict[str, Row] = {
    "signals:region": ("get", None, only("coordinator")),
    "signals:digest_settings": ("get", None, only("coordinator")),
}
