"""The request a login-required view receives: its user is a real person, never anonymous."""

from django.http import HttpRequest

from lerendnetwerk.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """Annotate `request` with this in a view behind `login_required` (a type only: Django still
    passes a plain HttpRequest, and the decorator is what makes `user` a `User`)."""

    user: User
