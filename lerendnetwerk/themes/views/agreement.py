"""The contract: propose rules, agree to the current version, publish a new version."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.networks.access import network_for

from .. import selectors, services
from ..forms import AgreementForm, SuggestionForm
from .common import refusal

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
    from lerendnetwerk.networks.models import Network


def _render_agreement(
    request: "AuthenticatedHttpRequest", network: "Network", form: SuggestionForm | None = None
) -> HttpResponse:
    return render(
        request,
        "themes/agreement.html",
        {
            "network": network,
            "page": selectors.agreement_page(network=network, user=request.user),
            "form": form or SuggestionForm(),
            "may_publish": request.user.has_perm("themes.publish_agreement", network),
        },
    )


@login_required
def agreement(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    return _render_agreement(request, network_for(request, slug, "themes.take_part"))


@require_POST
@login_required
def agreement_suggest(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "themes.take_part")
    form = SuggestionForm(request.POST)
    if form.is_valid():
        try:
            services.agreement_suggest(network=network, author=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Your rule has been proposed for the next version."))
            return redirect("themes:agreement", slug=slug)
    return _render_agreement(request, network, form)


@require_POST
@login_required
def agreement_acknowledge(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "themes.take_part")
    version = request.POST.get("version", "")
    current = (
        selectors.agreement_version(network=network, version=int(version))
        if version.isdigit()
        else None
    )
    if current is None:
        messages.error(request, _("There is no contract to agree to yet."))
        return redirect("themes:agreement", slug=slug)
    try:
        services.agreement_acknowledge(agreement=current, member=request.user)
    except ValidationError as error:
        refusal(request, error)
    else:
        messages.success(request, _("Thank you: you agreed to the contract."))
    return redirect("themes:agreement", slug=slug)


@login_required
def agreement_publish(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "themes.publish_agreement")
    page = selectors.agreement_page(network=network, user=request.user)
    form = AgreementForm(
        request.POST or None, initial={"text": page.current.text if page.current else ""}
    )
    if request.method == "POST" and form.is_valid():
        try:
            version = services.agreement_publish(
                network=network, published_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Version %(version)d has been published; everyone is asked to agree again.")
                % {"version": version.version},
            )
            return redirect("themes:agreement", slug=slug)
    return render(
        request,
        "themes/agreement_form.html",
        {"network": network, "form": form, "suggestions": page.open_suggestions},
    )
