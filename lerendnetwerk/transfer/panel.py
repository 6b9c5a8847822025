"""The manager's panel "Doorgeven en borgen": their own organisation's transfer plans and the
anchoring agreements that wait for their answer. Progress and agreements only: nothing of a
plan's content (expected resistance, how the presentation went, colleagues in the relay)."""

from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from . import selectors

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
    from lerendnetwerk.accounts.models import User


def render(request: "AuthenticatedHttpRequest") -> SafeString:
    data = selectors.manager_panel(manager=request.user)
    if data.organisation is None or not (data.networks or data.waiting):
        return SafeString("")
    html = render_to_string(
        "transfer/panel.html",
        {"panel": data, "next": request.get_full_path()},
        request=request,
    )
    return mark_safe(html)  # noqa: S308 (a rendered template, escaped by it)


def waiting(manager: "User") -> int:
    return selectors.waiting_count(manager=manager)
