"""The manager's panel "Kennisaanbod": the knowledge offers of the manager's own organisation,
published or draft, with the way to add one (one query)."""

from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from . import selectors

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest


def render(request: "AuthenticatedHttpRequest") -> SafeString:
    manager = request.user
    if not manager.is_manager or manager.organisation_id is None:
        return SafeString("")
    html = render_to_string(
        "knowledge/panel.html",
        {"offers": selectors.organisation_offers(organisation_id=manager.organisation_id)},
        request=request,
    )
    return mark_safe(html)  # noqa: S308 (a rendered template, escaped by it)
