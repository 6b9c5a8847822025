"""Permission-matrix rows of networks that are about the person themselves."""

from typing import Any

from lerendnetwerk.core.tests.permissions import Row, network, only


def build(w: Any) -> None:
    pass


ROWS: dict[str, Row] = {
    # Only a member can leave; the coordinator and a committed manager are no members.
    "networks:leave": ("get", network, only("participant", "facilitator")),
}
