"""Moving a network to another phase, with the readiness summary of the phase it leaves.

Here and not in `networks`: the summary is the phase guidance of the `signals` app, which sits
above the feature apps. The move itself is `networks.services.network_move_phase`.
"""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.networks import phases, services
from lerendnetwerk.networks.access import network_for
from lerendnetwerk.networks.forms import PhaseMoveForm
from lerendnetwerk.signals.selectors.guidance import open_questions

from .. import selectors

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from lerendnetwerk.networks.models import Network


def _reason_required(*, going_back: bool, still_open: list[str]) -> "StrOrPromise | None":
    """Why the form asks for a reason, in the service's words (None: it need not)."""
    if going_back:
        return services.REASON_FOR_STEP_BACK
    return services.REASON_FOR_OPEN_QUESTIONS if still_open else None


@login_required
def network_phase(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Move the network one phase forward, or one back with a reason; moving forward with
    questions of the phase still open asks for a reason too."""
    network = network_for(request, slug, "networks.move_phase")
    current = network.current_cycle.phase if network.current_cycle else ""
    direction = request.GET.get("richting", "vooruit")
    target = phases.previous_phase(current) if direction == "terug" else phases.next_phase(current)
    still_open = open_questions(network=network)
    going_back = phases.is_step_back(current, target or "")
    form = PhaseMoveForm(
        request.POST or None,
        initial={"to_phase": target or ""},
        reason_required=_reason_required(going_back=going_back, still_open=still_open),
    )
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["to_phase"]
        try:
            transition = services.network_move_phase(
                network=network,
                to_phase=target,
                moved_by=request.user,
                reason=form.cleaned_data["reason"],
                open_questions=still_open,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _("The network is now in the phase %(phase)s.")
                % {"phase": Phase(transition.to_phase).label},
            )
            return redirect("pages:network", slug=network.slug)
    return _form_page(request, network, form, current, target or "", still_open)


def _form_page(
    request: AuthenticatedHttpRequest,
    network: "Network",
    form: PhaseMoveForm,
    current: str,
    target: str,
    still_open: list[str],
) -> HttpResponse:
    going_back = phases.is_step_back(current, target)
    return render(
        request,
        "pages/phase_form.html",
        {
            "network": network,
            "form": form,
            "current_phase": Phase(current) if current else None,
            "target_phase": Phase(target) if target in Phase.values else None,
            "going_back": going_back,
            "missing_prerequisites": []
            if current
            else selectors.missing_prerequisites(network=network),
            "open_questions": [] if going_back else still_open,
        },
    )
