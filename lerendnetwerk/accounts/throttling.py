"""Brakes on logging in and on password-reset mail, per client address and per target.

Login: django-axes locks the account + client address pair after AXES_FAILURE_LIMIT failures;
here every failure from an address also counts for the address alone, which is locked after
LOGIN_ADDRESS_FAILURE_LIMIT. An account is never locked as such, so nobody can keep its owner
out by guessing from elsewhere.
"""

from typing import TYPE_CHECKING, Any

from django.conf import settings

from lerendnetwerk.core import throttle
from lerendnetwerk.core.clientaddress import client_address

if TYPE_CHECKING:
    from django.http import HttpRequest

HOUR = 3600


def _address_key(address: str) -> str:
    return f"login-failures:{address}"


def login_failed(
    sender: Any, credentials: dict[str, Any], request: "HttpRequest | None" = None, **kwargs: Any
) -> None:
    if request is not None:
        throttle.hit(
            _address_key(client_address(request)),
            limit=settings.LOGIN_ADDRESS_FAILURE_LIMIT,
            window=settings.AXES_COOLOFF_TIME * HOUR,
        )


def login_address_locked(request: "HttpRequest") -> bool:
    failures = throttle.count(_address_key(client_address(request)))
    return failures >= settings.LOGIN_ADDRESS_FAILURE_LIMIT


def password_reset_allowed(request: "HttpRequest", email: str) -> bool:
    """Whether a reset mail to `email` may go out now: a few per address, more per client.

    A client over its own limit does not use up the address's: someone asking for other
    people's links does not stop them from asking for their own.
    """
    if not throttle.hit(
        f"reset-from:{client_address(request)}",
        limit=settings.PASSWORD_RESET_LIMIT_PER_CLIENT,
        window=HOUR,
    ):
        return False
    return throttle.hit(
        f"reset-to:{email.strip().lower()}",
        limit=settings.PASSWORD_RESET_LIMIT_PER_EMAIL,
        window=HOUR,
    )
