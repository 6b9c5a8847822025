"""Buddies and rotating groups of a network."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.meetings import selectors as meeting_selectors
from lerendnetwerk.networks.access import network_for

from . import selectors, services
from .forms import BuddyPairsForm, RotationForm
from .models import GroupRotation

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest


def _rotation_for(request: HttpRequest, slug: str, pk: int, permission: str) -> GroupRotation:
    network = network_for(request, slug, permission)
    try:
        return selectors.rotation_get(network=network, pk=pk)
    except GroupRotation.DoesNotExist:
        raise Http404 from None


@login_required
def groups_overview(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "groups.view_groups")
    return render(
        request,
        "groups/overview.html",
        {
            "network": network,
            "buddies": selectors.buddies_current(network=network),
            "history": selectors.buddies_history(network=network),
            "my_buddies": selectors.my_buddies(user=request.user, network=network),
            "rotations": list(selectors.rotations_for_network(network=network)),
            "may_plan": request.user.has_perm("groups.plan_groups", network),
        },
    )


@login_required
def buddies_edit(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "groups.plan_groups")
    members = selectors.planning_members(network=network)
    current = selectors.buddies_current(network=network)
    initial = {
        f"member_{member.pk}": number
        for number, pair in enumerate(current, start=1)
        for member in pair.members.all()
    }
    if request.GET.get("voorstel") and request.method == "GET":
        try:
            proposal = services.buddies_propose(network=network)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            initial = {
                f"member_{member.pk}": number
                for number, pair in enumerate(proposal, start=1)
                for member in pair
            }
    form = BuddyPairsForm(request.POST or None, members=members, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.buddies_set(network=network, pairs=form.pairs())
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The buddy pairs have been saved."))
            return redirect("groups:overview", slug=network.slug)
    return render(request, "groups/buddies_form.html", {"network": network, "form": form})


@login_required
def rotation_create(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "groups.plan_groups")
    form = RotationForm(
        request.POST or None,
        members=selectors.planning_members(network=network),
        meetings=meeting_selectors.meetings_to_plan_for(network=network),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            rotation = services.rotation_plan(
                network=network,
                name=data["name"],
                group_size=data["group_size"],
                rounds=data["rounds"],
                meetings=list(data["meetings"]),
                apart=form.wishes("apart"),
                together=form.wishes("together"),
                created_by=request.user,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The groups have been planned."))
            return redirect("groups:rotation", slug=network.slug, pk=rotation.pk)
    return render(request, "groups/rotation_form.html", {"network": network, "form": form})


@login_required
def rotation_detail(request: "AuthenticatedHttpRequest", slug: str, pk: int) -> HttpResponse:
    rotation = _rotation_for(request, slug, pk, "groups.view_groups")
    return render(
        request,
        "groups/rotation.html",
        {
            "network": rotation.network,
            "rotation": rotation,
            "rounds": selectors.rotation_rounds(rotation=rotation),
            "may_plan": request.user.has_perm("groups.plan_groups", rotation.network),
        },
    )


@require_POST
@login_required
def rotation_replan(request: "AuthenticatedHttpRequest", slug: str, pk: int) -> HttpResponse:
    rotation = _rotation_for(request, slug, pk, "groups.plan_groups")
    try:
        services.rotation_replan(rotation=rotation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The meetings still to come have been planned again."))
    return redirect("groups:rotation", slug=slug, pk=pk)


@login_required
def rotation_cards(request: "AuthenticatedHttpRequest", slug: str, pk: int) -> HttpResponse:
    rotation = _rotation_for(request, slug, pk, "groups.view_groups")
    return render(
        request,
        "groups/cards.html",
        {
            "network": rotation.network,
            "rotation": rotation,
            "rounds": selectors.rotation_rounds(rotation=rotation),
        },
    )
