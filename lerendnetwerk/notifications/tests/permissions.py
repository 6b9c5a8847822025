"""Permission-matrix rows for notifications: everyone logged in reads and sets only their own."""

from typing import Any

from lerendnetwerk.core.tests.permissions import LOGGED_IN, LOGIN, REDIRECT, ROLES, Row


def build(w: Any) -> None:
    pass


# Everyone logged in marks their own read and is sent back to the list.
MARKED = {**dict.fromkeys(ROLES, REDIRECT), "anonymous": LOGIN}

ROWS: dict[str, Row] = {
    "notifications:list": ("get", None, LOGGED_IN),
    "notifications:preferences": ("get", None, LOGGED_IN),
    "notifications:mark_read": (
        "post",
        None,
        {**dict.fromkeys(ROLES, REDIRECT), "anonymous": LOGIN},
    ),
}
