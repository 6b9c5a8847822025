"""The cycle's theme page, proposing a theme and adopting one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.networks.access import network_for

from .. import selectors, services
from ..forms import ThemeProposalForm
from ..models import ThemeProposal
from .common import cycle_of, refusal


@login_required
def overview(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    network = network_for(request, slug, "themes.view_themes")
    cycle = cycle_of(network)
    dot_votes = selectors.cycle_dot_votes(cycle=cycle)
    user = request.user
    return render(
        request,
        "themes/overview.html",
        {
            "network": network,
            "cycle": cycle,
            "theme": selectors.cycle_theme(cycle=cycle),
            "proposals": selectors.cycle_proposals(cycle=cycle),
            "dot_votes": dot_votes,
            "open_vote": next((v for v in dot_votes if v.is_open), None),
            "may_take_part": user.has_perm("themes.take_part", network),
            "may_run_vote": user.has_perm("themes.run_vote", network),
        },
    )


@login_required
def propose(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    network = network_for(request, slug, "themes.take_part")
    form = ThemeProposalForm(
        request.POST or None,
        chapters=selectors.active_chapters(region_id=network.district.region_id),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.theme_proposal_create(
                cycle=cycle_of(network), proposed_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Thank you, your theme has been proposed."))
            return redirect("themes:overview", slug=network.slug)
    return render(request, "themes/proposal_form.html", {"network": network, "form": form})


@require_POST
@login_required
def adopt(request: AuthenticatedHttpRequest, slug: str, proposal_id: int) -> HttpResponse:
    network = network_for(request, slug, "themes.run_vote")
    cycle = cycle_of(network)
    try:
        proposal = selectors.theme_proposal_get(cycle=cycle, pk=proposal_id)
    except ThemeProposal.DoesNotExist:
        raise Http404 from None
    try:
        services.theme_adopt(cycle=cycle, proposal=proposal, adopted_by=request.user)
    except ValidationError as error:
        refusal(request, error)
    else:
        messages.success(
            request,
            _("“%(title)s” is now the theme of this cycle.") % {"title": proposal.title},
        )
    return redirect("themes:overview", slug=network.slug)
