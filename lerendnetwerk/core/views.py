"""The error page for a database that is away for a while."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as django_server_error

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
