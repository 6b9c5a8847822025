"""The learning agenda: questions proposed by members, ordered and ticked off by the facilitator."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.meetings import selectors as meeting_selectors
from lerendnetwerk.networks.access import network_for

from .. import selectors, services
from ..forms import LearningQuestionForm, WorkedOnForm
from ..models import LearningQuestion
from .common import cycle_of, refusal

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest


@login_required
def agenda(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "themes.take_part")
    cycle = cycle_of(network)
    form = LearningQuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.learning_question_propose(
                cycle=cycle, proposed_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Your question is on the learning agenda."))
            return redirect("themes:agenda", slug=slug)
    may_order = request.user.has_perm("themes.order_agenda", network)
    return render(
        request,
        "themes/agenda.html",
        {
            "network": network,
            "questions": selectors.learning_agenda(cycle=cycle),
            "form": form,
            "may_order": may_order,
            "meetings": selectors.network_meetings(network=network) if may_order else [],
        },
    )


def _question_for(request: HttpRequest, slug: str, question_id: int) -> LearningQuestion:
    network = network_for(request, slug, "themes.order_agenda")
    try:
        return selectors.learning_question_get(network=network, pk=question_id)
    except LearningQuestion.DoesNotExist:
        raise Http404 from None


@require_POST
@login_required
def agenda_move(request: "AuthenticatedHttpRequest", slug: str, question_id: int) -> HttpResponse:
    services.learning_question_move(
        question=_question_for(request, slug, question_id),
        up=request.POST.get("direction") == "up",
    )
    return redirect("themes:agenda", slug=slug)


@require_POST
@login_required
def agenda_remove(request: "AuthenticatedHttpRequest", slug: str, question_id: int) -> HttpResponse:
    services.learning_question_remove(question=_question_for(request, slug, question_id))
    messages.success(request, _("The question has been taken off the learning agenda."))
    return redirect("themes:agenda", slug=slug)


@login_required
def agenda_meeting(request: "AuthenticatedHttpRequest", slug: str, meeting_id: int) -> HttpResponse:
    """Tick which learning questions a (past or upcoming) meeting of the network worked on."""
    network = network_for(request, slug, "themes.order_agenda")
    meeting = get_object_or_404(
        meeting_selectors.meetings_of_network(network=network), pk=meeting_id
    )
    cycle = cycle_of(network)
    form = WorkedOnForm(
        request.POST or None,
        questions=selectors.learning_questions(cycle=cycle),
        initial={"questions": selectors.learning_questions_worked_on(cycle=cycle, meeting=meeting)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.learning_questions_mark_worked_on(meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Saved what this meeting worked on."))
            return redirect("themes:agenda", slug=slug)
    elif request.method == "POST":
        refusal(request, ValidationError(_("Choose from the questions on the agenda.")))
    return render(
        request,
        "themes/agenda_meeting.html",
        {"network": network, "meeting": meeting, "form": form},
    )
