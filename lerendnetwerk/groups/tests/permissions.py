"""Permission-matrix rows for buddies and rotating groups."""

from typing import Any

from lerendnetwerk.core.tests.permissions import REDIRECT, Row, network, only
from lerendnetwerk.groups import services

READERS = ("participant", "facilitator", "coordinator")


def build(w: Any) -> None:
    w.rotation = services.rotation_plan(
        network=w.network,
        name="Tafels",
        group_size=2,
        rounds=1,
        created_by=w.people["facilitator"],
    )


def rotation(w: Any) -> dict[str, Any]:
    return {"slug": w.network.slug, "pk": w.rotation.pk}


ROWS: dict[str, Row] = {
    "groups:overview": ("get", network, only(*READERS)),
    "groups:buddies": ("get", network, only("facilitator")),
    "groups:rotation_create": ("get", network, only("facilitator")),
    "groups:rotation": ("get", rotation, only(*READERS)),
    "groups:cards": ("get", rotation, only(*READERS)),
    "groups:rotation_replan": ("post", rotation, only("facilitator", granted=REDIRECT)),
}
