"""Permission-matrix rows for notifications: everyone logged in reads and sets only their own."""

from typing import Any

from lerendnetwerk.core.tests.permissions import LOGGED_IN, LOGIN, REDIRECT, ROLES, Row


def build(w: Any) -> None:
    pass


ROWS: dict[str, Row] = {
    "notifications:list": ("get", None, LOGGED_IN),
    "notifications:preferences": ("get", None, LOGGED_IN),
    "notifications:mark_read": ("post", None, {**dict.fromkeys(ROLES, REDIRECT), "anonymous": LOGIN}),
}
