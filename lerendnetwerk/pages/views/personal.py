import rules
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
from lerendnetwerk.accounts.roles import coordinator_region_ids, is_coordinator
from lerendnetwerk.catalogue.selectors import stage_summaries
from lerendnetwerk.core import pagecache
from lerendnetwerk.knowledge import selectors as knowledge_selectors
from lerendnetwerk.networks import manager_panels
from lerendnetwerk.networks import scopes as network_scopes
from lerendnetwerk.resources import selectors as resource_selectors
from lerendnetwerk.signals.selectors import region as signal_region

from .. import selectors


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/home.html", {"stages": stage_summaries()})


@login_required
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The person's own page: what waits for them first (answers, votes, rounds, a contract,
    their tasks as facilitator, manager or expert), then their next meetings with their table
    and buddy, their challenge, and what happened lately in their networks."""
    user = request.user
    # A manager follows their organisation's networks on their own page: the dashboard points
    # there with what waits for them (asked only for managers: a member's dashboard stays lean).
    # (rules.has_perm: the rule alone, no permission queries of Django's model backend.)
    is_manager = rules.has_perm("networks.view_manager_page", user)
    if is_manager:
        # What waits for a manager comes from networks they are no member of: made afresh.
        return _dashboard(request, is_manager=True)
    # Their networks, and for a coordinator their regions (signals, suggestions to look at).
    scopes = [
        *network_scopes.of_person(user),
        *(pagecache.region(pk) for pk in coordinator_region_ids(user)),
    ]
    return pagecache.cached(request, scopes, lambda: _dashboard(request, is_manager=False))


def _dashboard(request: AuthenticatedHttpRequest, *, is_manager: bool) -> HttpResponse:
    user = request.user
    page = selectors.personal_page(user=user)
    return render(
        request,
        "pages/dashboard.html",
        {
            "page": page,
            "activity_days": selectors.ACTIVITY_DAYS,
            "networks": page.networks,
            "mentoring": selectors.dashboard_mentoring(user=user, networks=page.networks),
            "is_manager": is_manager,
            "manager_waiting": manager_panels.waiting_count(user) if is_manager else 0,
            "invitation_count": selectors.open_invitation_count(user=user),
            # Asked only for coordinators and experts, like the manager's count.
            "coordinator_waiting": signal_region.networks_to_look_at(user=user)
            if is_coordinator(user)
            else 0,
            "suggestions_waiting": resource_selectors.waiting_per_region(
                region_ids=coordinator_region_ids(user)
            )
            if is_coordinator(user)
            else [],
            "expert_waiting": knowledge_selectors.open_request_count(expert=user)
            if user.is_expert
            else 0,
        },
    )


@login_required
def invitations(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The networks and roles the person is invited to, to accept or decline."""
    return render(
        request,
        "pages/invitations.html",
        {"invitations": selectors.open_invitations(user=request.user)},
    )


def status(request: HttpRequest) -> HttpResponse:
    """A trivial page through the full middleware stack: for load balancers, and as the
    benchmark's floor (the fastest any page can be)."""
    return render(request, "pages/status.html")
