"""The manager's panel: the cycle reports of the networks their organisation is a member of."""

from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from . import selectors

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest


def manager_panel(request: "AuthenticatedHttpRequest") -> SafeString:
    user = request.user
    if not user.is_manager or user.organisation_id is None:
        return SafeString("")
    networks = selectors.networks_of_organisation(organisation_id=user.organisation_id)
    if not networks:
        return SafeString("")
    html = render_to_string("reports/_manager_panel.html", {"networks": networks}, request=request)
    return mark_safe(html)  # noqa: S308 - rendered by a template with autoescaping
