"""The shared learning goal, and each member's own goal and personal challenge."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.networks.access import network_for

from .. import selectors, services
from ..forms import CommentForm, PersonalChallengeForm, SharedGoalForm
from ..models import PersonalChallenge
from ..selectors import MemberPlan
from .common import cycle_of

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
    from lerendnetwerk.networks.models import Network


def _visible(request: HttpRequest, plan: MemberPlan) -> MemberPlan | None:
    """The parts of a member's plan this reader may see (rules.py decides), or None."""
    user = request.user
    goal = (
        plan.goal if plan.goal and user.has_perm("themes.view_learning_goal", plan.goal) else None
    )
    challenge = plan.challenge
    if challenge and not user.has_perm("themes.view_personal_challenge", challenge):
        challenge = None
    return MemberPlan(plan.member, goal, challenge) if goal or challenge else None


def _render_goals(
    request: "AuthenticatedHttpRequest", network: "Network", comment_form: CommentForm | None = None
) -> HttpResponse:
    cycle = cycle_of(network)
    plans = [
        visible
        for plan in selectors.member_plans(cycle=cycle)
        if plan.member.pk != request.user.pk and (visible := _visible(request, plan))
    ]
    return render(
        request,
        "themes/goals.html",
        {
            "network": network,
            "cycle": cycle,
            "shared_goal": selectors.shared_goal(cycle=cycle),
            "comment_form": comment_form or CommentForm(),
            "plans": plans,
            "mine": selectors.member_plan(cycle=cycle, member=request.user),
            "may_edit": request.user.has_perm("themes.edit_shared_goal", network),
        },
    )


@login_required
def goals(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    return _render_goals(request, network_for(request, slug, "themes.take_part"))


@require_POST
@login_required
def goal_comment(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "themes.take_part")
    goal = selectors.shared_goal(cycle=cycle_of(network))
    if goal is None:
        messages.error(request, _("There is no shared learning goal to comment on yet."))
        return redirect("themes:goals", slug=slug)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.goal_comment_add(goal=goal, author=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Your comment has been posted."))
            return redirect("themes:goals", slug=slug)
    return _render_goals(request, network, comment_form=form)


@login_required
def shared_goal_edit(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "themes.edit_shared_goal")
    cycle = cycle_of(network)
    current = selectors.shared_goal(cycle=cycle)
    form = SharedGoalForm(request.POST or None, initial={"text": current.text if current else ""})
    if request.method == "POST" and form.is_valid():
        try:
            services.shared_goal_save(cycle=cycle, edited_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The shared learning goal has been saved."))
            return redirect("themes:goals", slug=slug)
    return render(request, "themes/shared_goal_form.html", {"network": network, "form": form})


@login_required
def my_challenge(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "themes.take_part")
    cycle = cycle_of(network)
    mine = selectors.member_plan(cycle=cycle, member=request.user)
    form = PersonalChallengeForm(
        request.POST or None,
        initial={
            "learning_goal": mine.goal.text if mine.goal else "",
            "question": mine.challenge.question if mine.challenge else "",
            "outcome": mine.challenge.outcome if mine.challenge else "",
            "is_shared": mine.challenge.is_shared if mine.challenge else False,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.personal_challenge_save(cycle=cycle, member=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Your learning goal and challenge have been saved."))
            return redirect("themes:goals", slug=slug)
    return render(
        request,
        "themes/my_challenge.html",
        {"network": network, "cycle": cycle, "form": form},
    )


@login_required
def challenge(request: "AuthenticatedHttpRequest", slug: str, pk: int) -> HttpResponse:
    """One member's goal and challenge: for them, the facilitator, and members once shared."""
    network = network_for(request, slug, "themes.take_part")
    try:
        found = selectors.personal_challenge_get(network=network, pk=pk)
    except PersonalChallenge.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm("themes.view_personal_challenge", found):
        raise PermissionDenied
    plan = _visible(request, selectors.member_plan(cycle=found.cycle, member=found.member))
    return render(
        request, "themes/challenge.html", {"network": network, "plan": plan, "challenge": found}
    )
