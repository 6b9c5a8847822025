"""The network's "Doorgeven en borgen" pages: per member organisation its transfer plan, the
relay and its anchoring agreements; the manager's answer to an agreement."""

from typing import TYPE_CHECKING, Any

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.networks.access import network_for

from . import selectors, services
from .forms import (
    AgreementForm,
    AnswerForm,
    RelayStepEditForm,
    RelayStepForm,
    TransferItemForm,
    TransferPlanForm,
)
from .selectors import OrganisationInNetwork

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
    from lerendnetwerk.networks.models import Cycle, Network


def _cycle(network: "Network") -> "Cycle":
    if network.current_cycle is None:
        raise Http404
    return network.current_cycle


def _place(
    request: "AuthenticatedHttpRequest", slug: str, organisation_id: int, permission: str
) -> OrganisationInNetwork:
    """The member organisation of the network, if the person holds `permission` on it."""
    network = network_for(request, slug, "transfer.view_transfer")
    place = selectors.place_get(network=network, organisation_id=organisation_id)
    if place is None:
        raise Http404
    if not rules.has_perm(permission, request.user, place):
        raise PermissionDenied
    return place


@login_required
def overview(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "transfer.view_transfer")
    cycle = _cycle(network)
    user = request.user
    # A manager of a member organisation who is not in the network sees their own only.
    sees_all = user.has_perm("transfer.view_all_organisations", network)
    only = None if sees_all else user.organisation_id
    organisations = selectors.network_organisations(network=network, only=only)
    return render(
        request,
        "transfer/overview.html",
        {
            "network": network,
            "cycle": cycle,
            "rows": selectors.organisation_rows(cycle=cycle, organisations=organisations),
        },
    )


def _organisation_context(
    request: "AuthenticatedHttpRequest", place: OrganisationInNetwork
) -> dict[str, Any]:
    cycle = _cycle(place.network)
    user = request.user
    may_read = rules.has_perm("transfer.view_plan", user, place)
    row = selectors.organisation_rows(cycle=cycle, organisations=[place.organisation])[0]
    return {
        "network": place.network,
        "organisation": place.organisation,
        "cycle": cycle,
        "progress": row.progress,
        "agreements": selectors.agreements_of(cycle=cycle, organisation=place.organisation),
        "plan": selectors.plan_find(cycle=cycle, organisation=place.organisation)
        if may_read
        else None,
        "may_read": may_read,
        "may_edit": rules.has_perm("transfer.edit_plan", user, place),
        "may_answer": rules.has_perm("transfer.answer_for_organisation", user, place),
        "item_form": TransferItemForm(),
    }


@login_required
def organisation(
    request: "AuthenticatedHttpRequest", slug: str, organisation_id: int
) -> HttpResponse:
    place = _place(request, slug, organisation_id, "transfer.view_progress")
    return render(request, "transfer/organisation.html", _organisation_context(request, place))


@login_required
def plan_edit(request: "AuthenticatedHttpRequest", slug: str, organisation_id: int) -> HttpResponse:
    place = _place(request, slug, organisation_id, "transfer.edit_plan")
    cycle = _cycle(place.network)
    plan = selectors.plan_find(cycle=cycle, organisation=place.organisation)
    initial = (
        {
            "presentation_on": plan.presentation_on,
            "presentation_held": plan.presentation_held,
            "work_forms": [e.pk for e in plan.work_forms.all()],
            "expected_reactions": plan.expected_reactions,
            "expected_resistance": plan.expected_resistance,
            "presentation_outcome": plan.presentation_outcome,
        }
        if plan
        else {}
    )
    region_id = place.network.district.region_id
    choices = selectors.work_form_choices(phase=cycle.phase, region_id=region_id)
    form = TransferPlanForm(request.POST or None, initial=initial, work_forms=choices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.transfer_plan_save(
                cycle=cycle,
                organisation=place.organisation,
                by=request.user,
                presentation_on=data["presentation_on"],
                presentation_held=data["presentation_held"],
                work_forms=selectors.work_forms_by_pk(pks=data["work_forms"], region_id=region_id),
                expected_reactions=data["expected_reactions"],
                expected_resistance=data["expected_resistance"],
                presentation_outcome=data["presentation_outcome"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The transfer plan has been saved."))
            return redirect("transfer:organisation", slug=slug, organisation_id=organisation_id)
    return render(
        request,
        "transfer/plan_form.html",
        {"network": place.network, "organisation": place.organisation, "form": form},
    )


@require_POST
@login_required
def item_add(request: "AuthenticatedHttpRequest", slug: str, organisation_id: int) -> HttpResponse:
    place = _place(request, slug, organisation_id, "transfer.edit_plan")
    form = TransferItemForm(request.POST)
    if form.is_valid():
        try:
            services.transfer_item_add(
                cycle=_cycle(place.network),
                organisation=place.organisation,
                by=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The item has been added."))
            return redirect("transfer:organisation", slug=slug, organisation_id=organisation_id)
    context = _organisation_context(request, place)
    context["item_form"] = form
    return render(request, "transfer/organisation.html", context)


@require_POST
@login_required
def item_remove(
    request: "AuthenticatedHttpRequest", slug: str, organisation_id: int, pk: int
) -> HttpResponse:
    place = _place(request, slug, organisation_id, "transfer.edit_plan")
    item = selectors.item_get(cycle=_cycle(place.network), organisation=place.organisation, pk=pk)
    if item is None:
        raise Http404
    services.transfer_item_remove(item=item)
    messages.success(request, _("The item has been removed."))
    return redirect("transfer:organisation", slug=slug, organisation_id=organisation_id)


@login_required
def relay_add(request: "AuthenticatedHttpRequest", slug: str, organisation_id: int) -> HttpResponse:
    place = _place(request, slug, organisation_id, "transfer.edit_plan")
    cycle = _cycle(place.network)
    previous = selectors.relay_last_step(cycle=cycle, organisation=place.organisation)
    form = RelayStepForm(
        request.POST or None,
        members=selectors.organisation_members(
            network=place.network, organisation=place.organisation
        ),
        previous_name=previous.received_by_name if previous else None,
        initial={"given_by": RelayStepForm.PREVIOUS} if previous else {},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.relay_step_add(
                cycle=cycle,
                organisation=place.organisation,
                by=request.user,
                given_by_member=form.given_by_member(),
                received_by_name=data["received_by_name"],
                on=data["on"],
                handed_on=data["handed_on"],
                outcome=data["outcome"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The relay step has been added."))
            return redirect("transfer:organisation", slug=slug, organisation_id=organisation_id)
    return render(
        request,
        "transfer/relay_form.html",
        {"network": place.network, "organisation": place.organisation, "form": form},
    )


@login_required
def relay_edit(
    request: "AuthenticatedHttpRequest", slug: str, organisation_id: int, pk: int
) -> HttpResponse:
    place = _place(request, slug, organisation_id, "transfer.edit_plan")
    step = selectors.relay_step_get(
        cycle=_cycle(place.network), organisation=place.organisation, pk=pk
    )
    if step is None:
        raise Http404
    form = RelayStepEditForm(
        request.POST or None,
        initial={
            "received_by_name": step.received_by_name,
            "on": step.on,
            "handed_on": step.handed_on,
            "outcome": step.outcome,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.relay_step_update(step=step, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The relay step has been saved."))
            return redirect("transfer:organisation", slug=slug, organisation_id=organisation_id)
    return render(
        request,
        "transfer/relay_form.html",
        {
            "network": place.network,
            "organisation": place.organisation,
            "form": form,
            "step": step,
        },
    )


@login_required
def agreement_propose(
    request: "AuthenticatedHttpRequest", slug: str, organisation_id: int
) -> HttpResponse:
    place = _place(request, slug, organisation_id, "transfer.edit_plan")
    form = AgreementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_propose(
                cycle=_cycle(place.network),
                organisation=place.organisation,
                proposed_by=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "The agreement has been proposed; the managers of %(organisation)s are "
                    "asked to confirm it."
                )
                % {"organisation": place.organisation.name},
            )
            return redirect("transfer:organisation", slug=slug, organisation_id=organisation_id)
    return render(
        request,
        "transfer/agreement_form.html",
        {"network": place.network, "organisation": place.organisation, "form": form},
    )


@login_required
def agreement_edit(request: "AuthenticatedHttpRequest", slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug, "transfer.view_transfer")
    agreement = selectors.agreement_get(network=network, pk=pk)
    if agreement is None:
        raise Http404
    if not rules.has_perm("transfer.edit_agreement", request.user, agreement):
        raise PermissionDenied
    form = AgreementForm(
        request.POST or None,
        initial={
            "practice": agreement.practice,
            "owner": agreement.owner,
            "due_on": agreement.due_on,
            "in_professionalisation_plan": agreement.in_professionalisation_plan,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_update(agreement=agreement, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The agreement has been proposed again."))
            return redirect(
                "transfer:organisation", slug=slug, organisation_id=agreement.organisation_id
            )
    return render(
        request,
        "transfer/agreement_form.html",
        {
            "network": network,
            "organisation": agreement.organisation,
            "form": form,
            "agreement": agreement,
        },
    )


@require_POST
@login_required
def agreement_answer(request: "AuthenticatedHttpRequest", slug: str, pk: int) -> HttpResponse:
    """A manager of the agreement's organisation confirms it or sends it back (with a note).

    Asks `rules.has_perm`, not `user.has_perm`: only that organisation's manager answers, and a
    superuser is no exception. The manager need not have committed to the network: managing a
    member organisation is enough to see the tab and answer for it."""
    network = network_for(request, slug, "transfer.view_transfer")
    agreement = selectors.agreement_get(network=network, pk=pk)
    if agreement is None:
        raise Http404
    if not rules.has_perm("transfer.answer_agreement", request.user, agreement):
        raise PermissionDenied
    form = AnswerForm(request.POST)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = ""
    if not form.is_valid():
        messages.error(request, _("Choose whether you confirm the agreement or send it back."))
    else:
        confirm = form.cleaned_data["decision"] == "confirm"
        try:
            services.agreement_answer(
                agreement=agreement,
                manager=request.user,
                confirm=confirm,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("You confirmed the agreement.")
                if confirm
                else _("You sent the agreement back with your note."),
            )
    return redirect(
        back or f"{_organisation_url(slug, agreement.organisation_id)}#agreement-{agreement.pk}"
    )


def _organisation_url(slug: str, organisation_id: int) -> str:
    return reverse(
        "transfer:organisation", kwargs={"slug": slug, "organisation_id": organisation_id}
    )
