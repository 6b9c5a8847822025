"""Evaluating a meeting, the critical reflection, the cycle's evaluation, the look-ahead and
learning gains. A learning gain is read through `rules.has_perm` (never `user.has_perm`, which
lets a superuser through): it is its author's until they share it."""

from typing import TYPE_CHECKING

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.meetings import selectors as meeting_selectors
from lerendnetwerk.networks.access import network_for

from . import selectors, services
from .forms import (
    ChallengeOutcomeForm,
    GoalOutcomeForm,
    LearningGainForm,
    LookAheadForm,
    MeetingEvaluationForm,
    ReflectionForm,
    ReflectionStartForm,
)
from .reflection import CATALOGUE_SLUG, SOURCE

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
    from lerendnetwerk.meetings.models import Meeting
    from lerendnetwerk.networks.models import Cycle, Network

    from .models import CriticalReflection, LearningGain


def _meeting_for(request: HttpRequest, pk: int, permission: str) -> "Meeting":
    try:
        meeting = meeting_selectors.meeting_get(pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    if not request.user.has_perm(permission, meeting):
        raise PermissionDenied
    return meeting


def _cycle_of(network: "Network") -> "Cycle":
    if network.current_cycle is None:
        raise Http404
    return network.current_cycle


def _refusal(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


# --- A meeting's evaluation


@login_required
def meeting_results(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    meeting = _meeting_for(request, pk, "evaluation.view_results")
    return render(
        request,
        "evaluation/meeting.html",
        {
            "meeting": meeting,
            "network": meeting.network,
            "results": selectors.meeting_results(meeting=meeting),
            "mine": selectors.my_evaluation(meeting=meeting, user=request.user),
            "refusal": selectors.evaluation_refusal(meeting=meeting, user=request.user),
            "closes_at": selectors.evaluation_closes_at(meeting=meeting),
            "request_sent": selectors.evaluation_request(meeting=meeting),
            "may_request": request.user.has_perm("evaluation.request_evaluations", meeting),
        },
    )


@login_required
def meeting_evaluate(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    meeting = _meeting_for(request, pk, "evaluation.view_results")
    refusal = selectors.evaluation_refusal(meeting=meeting, user=request.user)
    mine = selectors.my_evaluation(meeting=meeting, user=request.user)
    initial = (
        {
            "rating": mine.rating,
            "what_worked": mine.what_worked,
            "what_to_change": mine.what_to_change,
            "is_anonymous": mine.is_anonymous,
        }
        if mine
        else {}
    )
    form = MeetingEvaluationForm(request.POST or None, initial=initial)
    if request.method == "POST" and refusal is None and form.is_valid():
        try:
            services.meeting_evaluation_save(
                meeting=meeting, author=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Thank you: your evaluation has been saved."))
            return redirect("evaluation:meeting", pk=meeting.pk)
    return render(
        request,
        "evaluation/meeting_form.html",
        {
            "meeting": meeting,
            "network": meeting.network,
            "form": form,
            "refusal": refusal,
            "mine": mine,
            "closes_at": selectors.evaluation_closes_at(meeting=meeting),
        },
    )


@require_POST
@login_required
def meeting_request(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    meeting = _meeting_for(request, pk, "evaluation.request_evaluations")
    try:
        sent = services.evaluation_request_send(meeting=meeting, sent_by=request.user)
    except ValidationError as error:
        _refusal(request, error)
    else:
        messages.success(
            request,
            _("%(count)d attendees have been told that they can evaluate the meeting.")
            % {"count": sent.recipients},
        )
    return redirect("evaluation:meeting", pk=meeting.pk)


# --- The cycle's evaluation


@login_required
def cycle(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "evaluation.view_cycle")
    current = _cycle_of(network)
    may_take_part = request.user.has_perm("evaluation.take_part", network)
    return render(
        request,
        "evaluation/cycle.html",
        {
            "network": network,
            "page": selectors.cycle_page(network=network, cycle=current),
            "mine": (
                selectors.cycle_mine(network=network, cycle=current, user=request.user)
                if may_take_part
                else None
            ),
            "may_lead": request.user.has_perm("evaluation.lead", network),
            "reflection_source": SOURCE,
        },
    )


@login_required
def goal_outcome(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "evaluation.lead")
    current = _cycle_of(network)
    existing = selectors.cycle_evaluation(cycle=current)
    form = GoalOutcomeForm(
        request.POST or None,
        initial={"goal_outcome": existing.goal_outcome, "why": existing.why} if existing else {},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.cycle_goal_outcome_save(
                cycle=current, recorded_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The outcome of the shared learning goal has been saved."))
            return redirect("evaluation:cycle", slug=slug)
    return render(
        request,
        "evaluation/goal_outcome.html",
        {
            "network": network,
            "form": form,
            "shared_goal": selectors.cycle_page_goal(cycle=current),
        },
    )


@login_required
def my_outcome(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "evaluation.take_part")
    current = _cycle_of(network)
    plan = selectors.my_plan(cycle=current, member=request.user)
    form = ChallengeOutcomeForm(
        request.POST or None,
        initial=(
            {"outcome": plan.challenge.outcome, "is_shared": plan.challenge.is_shared}
            if plan.challenge
            else {}
        ),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.challenge_outcome_save(cycle=current, member=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("What came of your personal challenge has been saved."))
            return redirect("evaluation:cycle", slug=slug)
    return render(
        request, "evaluation/my_outcome.html", {"network": network, "form": form, "plan": plan}
    )


@login_required
def look_ahead(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "evaluation.take_part")
    current = _cycle_of(network)
    mine = selectors.my_look_ahead(cycle=current, member=request.user)
    form = LookAheadForm(
        request.POST or None,
        initial=(
            {"go_on": mine.go_on, "composition": mine.composition, "subject": mine.subject}
            if mine
            else {}
        ),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.look_ahead_save(cycle=current, member=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Your look-ahead has been saved."))
            return redirect("evaluation:cycle", slug=slug)
    return render(request, "evaluation/look_ahead.html", {"network": network, "form": form})


@require_POST
@login_required
def look_ahead_proposals(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    """The previous cycle's subject wishes become theme proposals for this (the new) cycle."""
    network = network_for(request, slug, "evaluation.lead")
    previous = selectors.previous_cycle(cycle=_cycle_of(network))
    if previous is None:
        messages.error(request, _("There are no new subject wishes to propose."))
        return redirect("evaluation:cycle", slug=slug)
    try:
        proposals = services.look_ahead_to_proposals(cycle=previous, proposed_by=request.user)
    except ValidationError as error:
        _refusal(request, error)
        return redirect("evaluation:cycle", slug=slug)
    messages.success(
        request,
        _("%(count)d theme proposals have been made; the group chooses with a dot vote.")
        % {"count": len(proposals)},
    )
    return redirect("themes:overview", slug=slug)


# --- Learning gains


def _gain_form_page(
    request: "AuthenticatedHttpRequest",
    network: "Network",
    current: "Cycle",
    gain: "LearningGain | None",
) -> HttpResponse:
    initial = (
        {
            "level": gain.level,
            "text": gain.text,
            "share_with_manager": gain.share_with_manager,
            "share_for_reporting": gain.share_for_reporting,
        }
        if gain
        else {"level": request.GET.get("level", "")}
    )
    form = LearningGainForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.learning_gain_save(
                cycle=current, author=request.user, gain=gain, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Your learning gain has been saved."))
            return redirect("evaluation:mine")
    return render(
        request,
        "evaluation/gain_form.html",
        {"network": network, "cycle": current, "form": form, "gain": gain},
    )


@login_required
def gain_create(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "evaluation.take_part")
    return _gain_form_page(request, network, _cycle_of(network), None)


@login_required
def gain_edit(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    try:
        gain = selectors.gain_get(pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    # Not found rather than forbidden: others should not even learn that a gain exists.
    if not rules.has_perm("evaluation.change_gain", request.user, gain):
        raise Http404
    return _gain_form_page(request, gain.cycle.network, gain.cycle, gain)


@login_required
def mine(request: "AuthenticatedHttpRequest") -> HttpResponse:
    return render(
        request,
        "evaluation/mine.html",
        {
            "gains": selectors.gains_of(user=request.user),
            "to_evaluate": selectors.meetings_to_evaluate(user=request.user),
            "networks": selectors.networks_to_write_in(user=request.user),
        },
    )


# --- Critical reflection


@login_required
def reflection_start(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "evaluation.lead")
    _cycle_of(network)
    meetings = selectors.meeting_choices(network=network)
    form = ReflectionStartForm(
        request.POST or None,
        initial={"meeting": request.GET.get("meeting", "")},
        meetings=meetings,
    )
    if request.method == "POST" and form.is_valid():
        by_pk = {m.pk: m for m in meetings}
        try:
            reflection = services.reflection_open(
                network=network,
                opened_by=request.user,
                meeting=by_pk.get(form.cleaned_data["meeting"] or 0),
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            return redirect("evaluation:reflection", slug=slug, pk=reflection.pk)
    return render(
        request,
        "evaluation/reflection_start.html",
        {
            "network": network,
            "form": form,
            "source": SOURCE,
            "catalogue_slug": CATALOGUE_SLUG,
        },
    )


def _reflection_for(request: HttpRequest, network: "Network", pk: int) -> "CriticalReflection":
    try:
        reflection = selectors.reflection_get(network=network, pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    if not request.user.has_perm("evaluation.view_reflection", reflection):
        raise PermissionDenied
    return reflection


@login_required
def reflection(request: "AuthenticatedHttpRequest", slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug, "evaluation.view_cycle")
    found = _reflection_for(request, network, pk)
    may_record = request.user.has_perm("evaluation.record_reflection", found)
    if request.method == "POST" and not may_record:
        raise PermissionDenied
    answers = selectors.reflection_answers(reflection=found)
    form = ReflectionForm(
        request.POST or None,
        initial={
            **{key: text for key, _q, text in answers},
            "agreed_changes": found.agreed_changes,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.reflection_record(
                reflection=found,
                recorded_by=request.user,
                answers=form.answers(),
                agreed_changes=form.cleaned_data["agreed_changes"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The group's answers have been saved."))
            return redirect("evaluation:reflection", slug=slug, pk=found.pk)
    return render(
        request,
        "evaluation/reflection.html",
        {
            "network": network,
            "reflection": found,
            "answers": answers,
            "form": form if may_record else None,
            "source": SOURCE,
        },
    )


# --- The manager's panel


def manager_panel(request: "AuthenticatedHttpRequest") -> SafeString:
    gains = selectors.gains_shared_with_manager(manager=request.user)
    if not gains:
        return SafeString("")
    return render_to_string("evaluation/manager_panel.html", {"gains": gains}, request=request)
