"""The error page for a database that is away for a while, and the local outbox."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as django_server_error

from .outbox import outbox_enabled, outbox_message, outbox_messages

# Seconds a browser or a proxy is asked to wait before trying again.
RETRY_AFTER = 60


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a 503 page when the database cannot be reached, Django's 500 page otherwise.

    The 503 page is rendered without the request, so no context processor runs: they read the
    session and the user, which are in the database that is gone. Every later request tries
    a new connection, so the platform recovers without a restart.
    """
    error = sys.exc_info()[1]
    if not isinstance(error, OperationalError | InterfaceError):
        return django_server_error(request)
    response = HttpResponseServerError(loader.get_template("503.html").render())
    response.status_code = 503
    response["Retry-After"] = str(RETRY_AFTER)
    return response


def _staff_outbox(request: HttpRequest) -> None:
    """The outbox holds everyone's mail: only where it is switched on, and only for staff.
    Anyone else gets a 404, so nobody learns that it exists."""
    if not (outbox_enabled() and request.user.is_authenticated and request.user.is_staff):
        raise Http404


def outbox(request: HttpRequest) -> HttpResponse:
    _staff_outbox(request)
    return render(request, "core/outbox.html", {"messages_sent": outbox_messages()})


def outbox_detail(request: HttpRequest, name: str) -> HttpResponse:
    _staff_outbox(request)
    message = outbox_message(name)
    if message is None:
        raise Http404
    return render(request, "core/outbox_message.html", {"message": message})
