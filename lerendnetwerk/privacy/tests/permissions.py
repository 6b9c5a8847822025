"""Permission-matrix rows for a person's own data: everyone logged in sees only their own."""

from typing import Any

from lerendnetwerk.core.tests.permissions import ALL_OK, LOGGED_IN, Row


def build(w: Any) -> None:
    pass


ROWS: dict[str, Row] = {
    "privacy:export": ("get", None, LOGGED_IN),
    "privacy:export_download": ("get", None, LOGGED_IN),
    "privacy:erasure": ("get", None, LOGGED_IN),
    # The link from the e-mail works without logging in (the account is deactivated).
    "privacy:erasure_cancel": ("get", lambda w: {"token": "bad-token"}, ALL_OK),
}
