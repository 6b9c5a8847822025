from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .roles import is_coordinator


def roles(request: HttpRequest) -> dict[str, Any]:
    """What the menu needs to know about the person, asked only when a template uses it.

    Asking `user.has_perm` here would fall through to Django's ModelBackend for everyone who is
    not a coordinator and cost two permission queries on every page.
    """
    user = getattr(request, "user", None)
    return {"is_coordinator": SimpleLazyObject(lambda: is_coordinator(user))}
