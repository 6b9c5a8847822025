"""The manager's page: their organisation's part in the networks, and what waits for them."""

import rules
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
from lerendnetwerk.networks import manager_panels
from lerendnetwerk.networks.forms import CommitmentConfirmForm

from .. import selectors


@login_required
def manager(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Per network: phase, next meeting, the commitment to confirm or change, and the staff's
    attendance as totals; then what the apps above contribute (learning gains shared with the
    manager, transfer plans, anchoring agreements). Nothing about a single person."""
    user = request.user
    # The rule itself (no superuser pass): the page is about the manager's own organisation.
    if not rules.has_perm("networks.view_manager_page", user):
        raise PermissionDenied
    # One form per network: its own ids, the same field names as the confirm page reads.
    rows = [
        (row, CommitmentConfirmForm(commitment=row.commitment, auto_id=f"c{row.network.pk}_%s"))
        for row in selectors.manager_networks(manager=user)
    ]
    return render(
        request,
        "pages/manager.html",
        {
            "organisation": user.organisation,
            "rows": rows,
            "panels": manager_panels.render_panels(request),
            "waiting": manager_panels.waiting_count(user),
        },
    )
