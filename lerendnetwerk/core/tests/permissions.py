"""Building blocks of the permission matrix (pages/tests/test_permission_matrix.py).

A feature app adds its own rows in `<app>/tests/permissions.py` with:

    ROWS = {"<url name>": (method, kwargs_builder, expected_per_role), ...}
    def build(world) -> None: ...   # creates the app's objects on the shared world

`expected_per_role` maps each of ROLES to OK, REDIRECT, LOGIN, DENIED or a status code.
"""

from collections.abc import Callable
from typing import Any

ROLES = ["anonymous", "participant", "facilitator", "coordinator", "manager", "expert", "outsider"]
OK, REDIRECT, LOGIN, DENIED = 200, 302, "login", 403

ALL_OK = dict.fromkeys(ROLES, OK)
LOGGED_IN = {**dict.fromkeys(ROLES, OK), "anonymous": LOGIN}
# Who may read a network's member pages: its members, its region's coordinator and a manager
# who committed to it (the participant and facilitator are members).
NETWORK_READERS = ("participant", "facilitator", "coordinator", "manager")

Row = tuple[str, Callable[[Any], dict[str, Any]] | None, dict[str, Any]]


def only(*roles: str, granted: Any = OK) -> dict[str, Any]:
    """`granted` for these roles, login for anonymous, 403 for everyone else."""
    return {
        role: granted if role in roles else (LOGIN if role == "anonymous" else DENIED)
        for role in ROLES
    }


def network(w: Any) -> dict[str, Any]:
    return {"slug": w.network.slug}


# The local outbox (core/outbox.py) is off in the tests, as on every server: a 404 for everyone,
# staff included, so nobody learns it exists. core/tests/test_outbox.py switches it on.
_NOWHERE = dict.fromkeys(ROLES, 404)
ROWS: dict[str, Row] = {
    "core:outbox": ("get", None, _NOWHERE),
    "core:outbox_message": ("get", lambda w: {"name": "20261201-120000-000000-01ab.eml"}, _NOWHERE),
}


def build(w: Any) -> None:
    """The outbox needs nothing in the world."""
