"""The expert's own page (profile, requests, the meetings she contributes to) and the expert
requests: a facilitator asks for an agenda item, the expert answers, the facilitator may
withdraw. Only the expert answers (`rules.has_perm`: a superuser is no exception)."""

from typing import TYPE_CHECKING

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.core.forms_errors import add_validation_error

from .. import selectors, services
from ..forms import AnswerForm, ExpertProfileForm, ExpertRequestForm

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
    from lerendnetwerk.accounts.models import User

    from ..models import ExpertProfile, ExpertRequest


def _expert(request: "AuthenticatedHttpRequest") -> "User":
    if not rules.has_perm("knowledge.edit_expert_profile", request.user):
        raise PermissionDenied
    return request.user


@login_required
def expert_home(request: "AuthenticatedHttpRequest") -> HttpResponse:
    expert = _expert(request)
    upcoming, held = selectors.contributions_of(expert=expert)
    return render(
        request,
        "knowledge/expert_home.html",
        {
            "profile": selectors.expert_profile_of(user=expert),
            "requests": selectors.requests_of_expert(expert=expert),
            "upcoming": upcoming,
            "held": held,
        },
    )


def _profile_initial(user: "User", profile: "ExpertProfile | None") -> dict[str, object]:
    if profile is None:
        organisation = user.organisation
        regions = [organisation.district.region_id] if organisation is not None else []
        return {"expertise": user.expertise, "regions": regions}
    return {
        "expertise": user.expertise,
        "institute": profile.institute,
        "focus_areas": [area.pk for area in profile.focus_areas.all()],
        "regions": [region.pk for region in profile.regions.all()],
        "availability": profile.availability,
        "how_to_ask": profile.how_to_ask,
        "is_public": profile.is_public,
    }


@login_required
def expert_profile(request: "AuthenticatedHttpRequest") -> HttpResponse:
    expert = _expert(request)
    profile = selectors.expert_profile_of(user=expert)
    regions = selectors.regions_all()
    initial = _profile_initial(expert, profile)
    if len(regions) == 1:
        initial["regions"] = [regions[0].pk]
    form = ExpertProfileForm(
        request.POST or None,
        regions=[(region.pk, region.name) for region in regions],
        focus_areas=selectors.focus_area_choices(regions=regions),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = [region for region in regions if region.pk in data["regions"]]
        try:
            services.expert_profile_save(
                user=expert,
                expertise=data["expertise"],
                institute=data["institute"],
                # Of the frameworks of the regions she works in.
                focus_areas=selectors.focus_areas_offered(pks=data["focus_areas"], regions=chosen),
                regions=chosen,
                availability=data["availability"],
                how_to_ask=data["how_to_ask"],
                is_public=data["is_public"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Your expert profile has been saved."))
            return redirect("knowledge:expert_home")
    return render(request, "knowledge/expert_profile.html", {"form": form, "profile": profile})


def _asked(request: "AuthenticatedHttpRequest", pk: int) -> "ExpertRequest":
    found = selectors.request_get(pk=pk)
    if found is None:
        raise Http404
    if not rules.has_perm("knowledge.answer_request", request.user, found):
        raise PermissionDenied
    return found


@login_required
def request_answer(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    asked = _asked(request, pk)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["answer"] == "accept"
        try:
            services.expert_request_answer(
                request=asked, expert=request.user, accept=accept, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            # Answered in another tab, withdrawn meanwhile, or the meeting is over: the page
            # shows the request as it stands now, with why nothing changed.
            messages.error(request, " ".join(error.messages))
        else:
            if accept:
                messages.success(
                    request, _("You accepted. The facilitator has been told by e-mail.")
                )
            else:
                messages.success(
                    request, _("You declined. The facilitator has been told by e-mail.")
                )
        return redirect("knowledge:request_answer", pk=asked.pk)
    return render(request, "knowledge/request_answer.html", {"asked": asked, "form": form})


@login_required
def request_create(request: "AuthenticatedHttpRequest", pk: int, item_id: int) -> HttpResponse:
    """Ask an expert for an agenda item; shows the item's request when there is one."""
    item = selectors.agenda_item_get(meeting_id=pk, item_id=item_id)
    if item is None:
        raise Http404
    if not request.user.has_perm("knowledge.ask_expert", item):
        raise PermissionDenied
    meeting = item.meeting
    network = meeting.network
    live = selectors.live_request(item=item)
    may_ask = live is None and item.expert_id is None
    may_ask = may_ask and not meeting.is_cancelled and not meeting.is_past
    experts = selectors.experts_to_ask(region=network.district.region) if may_ask else []
    form = ExpertRequestForm(
        request.POST or None,
        experts=[(profile.user_id, _expert_label(profile)) for profile in experts],
    )
    if request.method == "POST" and may_ask and form.is_valid():
        chosen = next(p.user for p in experts if p.user_id == form.cleaned_data["expert"])
        try:
            services.expert_request_create(
                item=item,
                expert=chosen,
                requested_by=request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Your request has been sent to %(name)s. You will hear the answer by e-mail.")
                % {"name": chosen.name},
            )
            return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request,
        "knowledge/request_form.html",
        {
            "item": item,
            "meeting": meeting,
            "network": network,
            "region": network.district.region,
            "live": live,
            "earlier": selectors.earlier_requests(item=item),
            "may_ask": may_ask,
            "has_experts": bool(experts),
            "form": form,
            "pitfall": selectors.expert_dependence_pitfall(),
        },
    )


def _expert_label(profile: "ExpertProfile") -> str:
    parts = [profile.user.name]
    if profile.workplace:
        parts.append(f" ({profile.workplace})")
    expertise = " ".join(profile.user.expertise.split())
    if expertise:
        short = expertise if len(expertise) <= 120 else expertise[:117].rstrip() + "…"
        parts.append(f": {short}")
    return "".join(parts)


@require_POST
@login_required
def request_withdraw(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    found = selectors.request_get(pk=pk)
    if found is None:
        raise Http404
    if not request.user.has_perm("knowledge.withdraw_request", found):
        raise PermissionDenied
    try:
        services.expert_request_withdraw(request=found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The request to %(name)s has been withdrawn and the expert has been told by e-mail.")
            % {"name": found.expert.name},
        )
    item = found.agenda_item
    return redirect("knowledge:request_create", pk=item.meeting_id, item_id=item.pk)
