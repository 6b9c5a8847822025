"""Permission-matrix rows for a person's own profile: everyone logged in has one."""

from typing import Any

from lerendnetwerk.core.tests.permissions import ALL_OK, LOGGED_IN, Row


def build(w: Any) -> None:
    pass


ROWS: dict[str, Row] = {
    "accounts:profile": ("get", None, LOGGED_IN),
    # A POST without an address: the profile comes back with the error.
    "accounts:email_change": ("post", None, LOGGED_IN),
    # The link from the e-mail is the proof; a bad one shows the page, and refuses on POST.
    "accounts:email_confirm": ("get", lambda w: {"token": "bad-token"}, ALL_OK),
    "accounts:password_change": ("get", None, LOGGED_IN),
}
