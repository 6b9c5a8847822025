"""Mentors for new facilitators and peer consultation (intervisie) among facilitators.

A consultation, its case and a participant's own notes are read through `rules.has_perm`, which
(unlike `user.has_perm`) has no shortcut for a superuser: they are the participants' alone.
"""

from typing import TYPE_CHECKING

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.accounts import selectors as account_selectors
from lerendnetwerk.accounts.roles import coordinator_region_ids
from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.networks import selectors as network_selectors

from . import selectors, services
from .forms import AfterwardsForm, CaseForm, ConsultationForm, MentorshipForm

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest

    from .models import PeerConsultation


def _allowed(request: "AuthenticatedHttpRequest", permission: str) -> None:
    if not rules.has_perm(permission, request.user):
        raise PermissionDenied


@login_required
def mentoring(request: "AuthenticatedHttpRequest") -> HttpResponse:
    """A person's mentor or mentees and their peer consultations; for a coordinator also every
    pairing of their regions."""
    _allowed(request, "groups.view_mentoring")
    user = request.user
    may_pair = rules.has_perm("groups.pair_mentor", user)
    upcoming, earlier = selectors.my_consultations(user=user)
    return render(
        request,
        "groups/mentoring.html",
        {
            "mine": selectors.my_mentoring(user=user),
            "upcoming": upcoming,
            "earlier": earlier,
            "may_plan": rules.has_perm("groups.plan_consultation", user),
            "may_pair": may_pair,
            "pairings": (
                selectors.mentorships_of_regions(region_ids=coordinator_region_ids(user))
                if may_pair
                else []
            ),
            "guidance": selectors.guidance_entries(),
        },
    )


@login_required
def mentorship_create(request: "AuthenticatedHttpRequest") -> HttpResponse:
    """The coordinator pairs a new facilitator with an experienced one of the same region."""
    _allowed(request, "groups.pair_mentor")
    regions = list(account_selectors.regions_coordinated_by(user=request.user))
    facilitators = list(
        network_selectors.facilitators_of_regions(region_ids=[r.pk for r in regions])
    )
    form = MentorshipForm(
        request.POST or None,
        facilitators=facilitators,
        regions=regions,
        initial={"started_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.mentorship_start(
                region=form.chosen_region(),
                mentor=form.person("mentor"),
                mentee=form.person("mentee"),
                started_on=form.cleaned_data["started_on"],
                note=form.cleaned_data["note"],
                paired_by=request.user,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _("The pairing has been made; we e-mailed the mentor and the new facilitator."),
            )
            return redirect("groups:mentoring")
    return render(
        request, "groups/mentorship_form.html", {"form": form, "facilitators": facilitators}
    )


@require_POST
@login_required
def mentorship_end(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    mentorship = selectors.mentorship_get(pk=pk)
    if mentorship is None:
        raise Http404
    if not rules.has_perm("groups.end_mentorship", request.user, mentorship):
        raise PermissionDenied
    try:
        services.mentorship_end(mentorship=mentorship, ended_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The pairing of %(mentor)s and %(mentee)s has ended.")
            % {"mentor": mentorship.mentor.name, "mentee": mentorship.mentee.name},
        )
    return redirect("groups:mentoring")


@login_required
def consultation_plan(request: "AuthenticatedHttpRequest") -> HttpResponse:
    _allowed(request, "groups.plan_consultation")
    peers = selectors.consultation_peers(user=request.user)
    form = ConsultationForm(
        request.POST or None,
        peers=peers,
        meetings=list(selectors.consultation_meetings(user=request.user)),
    )
    if request.method == "POST" and form.is_valid():
        try:
            consultation = services.consultation_plan(
                planned_by=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request, _("The peer consultation has been planned; we e-mailed the others.")
            )
            return redirect("groups:consultation", pk=consultation.pk)
    return render(request, "groups/consultation_form.html", {"form": form, "peers": peers})


def _consultation_for(request: "AuthenticatedHttpRequest", pk: int) -> "PeerConsultation":
    """The consultation, for its participants only; to anyone else it does not exist."""
    consultation = selectors.consultation_get(pk=pk)
    if consultation is None or not rules.has_perm(
        "groups.view_consultation", request.user, consultation
    ):
        raise Http404
    return consultation


@login_required
def consultation_detail(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    consultation = _consultation_for(request, pk)
    case = getattr(consultation, "case", None)
    return render(
        request,
        "groups/consultation.html",
        {
            "consultation": consultation,
            "case": case,
            "mine": selectors.consultation_participation(
                user=request.user, consultation=consultation
            ),
            "may_bring_case": case is None or case.owner_id == request.user.pk,
            "may_cancel": rules.has_perm("groups.cancel_consultation", request.user, consultation)
            and consultation.starts_at > timezone.now(),
            "guidance": selectors.guidance_entries(),
        },
    )


@login_required
def consultation_case(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    """A participant brings in the case, or changes the one they brought in."""
    consultation = _consultation_for(request, pk)
    case = getattr(consultation, "case", None)
    if case is not None and case.owner_id != request.user.pk:
        messages.error(
            request,
            _("%(name)s already brings in the case for this consultation.")
            % {"name": case.owner.name},
        )
        return redirect("groups:consultation", pk=pk)
    form = CaseForm(
        request.POST or None,
        initial={"title": case.title, "description": case.description} if case else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.consultation_case_bring(
                consultation=consultation, owner=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Your case has been saved. Only the participants read it."))
            return redirect("groups:consultation", pk=pk)
    return render(request, "groups/case_form.html", {"consultation": consultation, "form": form})


@login_required
def consultation_afterwards(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    """What the participant takes away (theirs alone) and the shared summary."""
    consultation = _consultation_for(request, pk)
    mine = selectors.consultation_participation(user=request.user, consultation=consultation)
    assert mine is not None  # a participant, or _consultation_for raised 404
    form = AfterwardsForm(
        request.POST or None,
        initial={"takeaways": mine.takeaways, "summary": consultation.summary},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.consultation_afterwards_save(
                consultation=consultation, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("groups:consultation", pk=pk)
    return render(
        request,
        "groups/afterwards_form.html",
        {"consultation": consultation, "form": form},
    )


@require_POST
@login_required
def consultation_cancel(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    consultation = _consultation_for(request, pk)
    try:
        services.consultation_cancel(consultation=consultation, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("groups:consultation", pk=pk)
    messages.success(request, _("The peer consultation has been called off; we told the others."))
    return redirect("groups:mentoring")
