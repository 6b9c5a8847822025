"""Sessions that end on their own, and the second factor before anything else."""

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.middleware import OTPMiddleware as DjangoOTPMiddleware

from lerendnetwerk.core import pagecache

from .roles import needs_second_factor

LOGIN_AT = "ln_login_at"
SEEN_AT = "ln_seen_at"
# Last activity is written at most this often, so that reading pages does not write the session.
SEEN_RESOLUTION = 60


def now() -> float:
    return time.time()


def session_start(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    """On every login (the `user_logged_in` signal): the clocks start."""
    moment = now()
    request.session[LOGIN_AT] = moment
    request.session[SEEN_AT] = moment


class SessionTimeoutMiddleware:
    """Log out after SESSION_IDLE_TIMEOUT seconds without a request, and SESSION_ABSOLUTE_TIMEOUT
    seconds after logging in, whatever happened in between."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        session = request.session
        if SESSION_KEY in session:
            moment = now()
            login_at = session.get(LOGIN_AT)
            seen_at = session.get(SEEN_AT)
            if login_at is None or seen_at is None:
                # A session from before these clocks existed starts them now.
                session[LOGIN_AT] = session[SEEN_AT] = moment
            elif moment - login_at > settings.SESSION_ABSOLUTE_TIMEOUT:
                hours = settings.SESSION_ABSOLUTE_TIMEOUT // 3600
                return self._end(
                    request,
                    ngettext(
                        "You were logged out automatically %(hours)d hour after logging in. "
                        "Please log in again.",
                        "You were logged out automatically %(hours)d hours after logging in. "
                        "Please log in again.",
                        hours,
                    )
                    % {"hours": hours},
                )
            elif moment - seen_at > settings.SESSION_IDLE_TIMEOUT:
                minutes = settings.SESSION_IDLE_TIMEOUT // 60
                return self._end(
                    request,
                    ngettext(
                        "You were logged out because you did nothing for %(minutes)d minute. "
                        "Please log in again.",
                        "You were logged out because you did nothing for %(minutes)d minutes. "
                        "Please log in again.",
                        minutes,
                    )
                    % {"minutes": minutes},
                )
            elif moment - seen_at >= SEEN_RESOLUTION:
                session[SEEN_AT] = moment
        return self.get_response(request)

    def _end(self, request: HttpRequest, message: str) -> HttpResponseBase:
        logout(request)
        messages.info(request, message)
        if request.method == "GET":
            return redirect_to_login(request.get_full_path())
        return redirect(settings.LOGIN_URL)


# The pages a person who still owes the second factor may open.
SECOND_FACTOR_PAGES = frozenset(
    {"accounts:otp_verify", "accounts:otp_setup", "accounts:logout", "set_language"}
)


class SecondFactorMiddleware:
    """Someone who needs a second factor (roles.needs_second_factor) and has not given it yet
    reaches only the second-factor pages and logout: every other page, the admin site
    included, sends them there first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        if SESSION_KEY not in request.session:
            return None
        match = request.resolver_match
        if match is not None and match.view_name in SECOND_FACTOR_PAGES:
            return None
        user = request.user
        if not needs_second_factor(user) or getattr(user, "is_verified", lambda: False)():
            return None
        next_path = request.get_full_path() if request.method == "GET" else ""
        response = redirect_to_login(next_path or "/", login_url="accounts:otp_verify")
        if request.method != "GET":
            messages.info(request, _("First confirm that it is you with a code from your app."))
        return response


class OTPMiddleware(DjangoOTPMiddleware):  # type: ignore[misc]
    """django-otp's middleware, reading the device a session was verified with from the cache
    under the person's scope instead of from the database on every request. Saving or deleting
    a device bumps that scope (scopes.py), so a deleted device still ends the sessions it
    verified at their next request."""

    def _verify_user_sync(self, request: HttpRequest, user: Any) -> Any:
        self._init_user_fields(user)
        if user.is_authenticated:
            persistent_id = request.session.get(DEVICE_ID_SESSION_KEY)
            device = None
            if persistent_id:
                key, scopes = f"accounts:device:{persistent_id}", [pagecache.person(user.pk)]
                device = pagecache.recall(key, scopes)
                if device is None:
                    device = self._device_from_persistent_id(persistent_id)
                    if device is not None:
                        pagecache.keep(key, scopes, device)
            user.otp_device = self._finalize_device(request, user, device)
        return user
