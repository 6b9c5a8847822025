"""The idea wall: post, test for feasibility, comment; the facilitator groups and promotes."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.networks.access import network_for

from .. import selectors, services
from ..forms import CommentForm, IdeaForm, IdeaGroupForm, IdeaMarkForm, ThemeProposalForm
from ..models import Idea
from .common import is_htmx, refusal

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
    from lerendnetwerk.networks.models import Network


def _prefix(idea_id: int) -> str:
    # Every idea has its own forms on the wall: distinct ids for labels and errors.
    return f"idea-{idea_id}"


def _wall_ideas(
    request: "AuthenticatedHttpRequest",
    network: "Network",
    failed_comment: tuple[int, CommentForm] | None,
) -> tuple[list[Idea], bool]:
    """The wall's ideas, each with its forms (the comment that failed keeps its input)."""
    ideas = selectors.idea_wall(network=network, user=request.user)
    may_moderate = request.user.has_perm("themes.moderate_ideas", network)
    for idea in ideas:
        failed = failed_comment[1] if failed_comment and failed_comment[0] == idea.pk else None
        idea.comment_form = failed or CommentForm(prefix=_prefix(idea.pk))  # type: ignore[attr-defined]
        if may_moderate:
            idea.group_form = IdeaGroupForm(  # type: ignore[attr-defined]
                prefix=_prefix(idea.pk), initial={"label": idea.group_label}
            )
    return ideas, may_moderate


def _render_wall(
    request: "AuthenticatedHttpRequest",
    network: "Network",
    *,
    idea_form: IdeaForm | None = None,
    failed_comment: tuple[int, CommentForm] | None = None,
) -> HttpResponse:
    ideas, may_moderate = _wall_ideas(request, network, failed_comment)
    return render(
        request,
        "themes/idea_wall.html",
        {
            "network": network,
            "ideas": ideas,
            "form": idea_form or IdeaForm(),
            "may_moderate": may_moderate,
        },
    )


def _answer_mark(request: "AuthenticatedHttpRequest", idea: Idea, status: str) -> HttpResponse:
    """With htmx only the idea's card changes in place; otherwise back to the wall."""
    if not is_htmx(request):
        return redirect(f"{_wall_url(idea.network.slug)}#idea-{idea.pk}")
    ideas, may_moderate = _wall_ideas(request, idea.network, None)
    card = next(other for other in ideas if other.pk == idea.pk)
    return render(
        request,
        "themes/_idea_update.html",
        {"network": idea.network, "idea": card, "may_moderate": may_moderate, "status": status},
    )


@login_required
def idea_wall(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "themes.take_part")
    if request.method != "POST":
        return _render_wall(request, network)
    form = IdeaForm(request.POST)
    if form.is_valid():
        try:
            services.idea_post(network=network, author=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Your idea is on the wall."))
            return redirect("themes:idea_wall", slug=network.slug)
    return _render_wall(request, network, idea_form=form)


def _idea_for(request: HttpRequest, slug: str, idea_id: int, permission: str) -> Idea:
    network = network_for(request, slug, permission)
    try:
        return selectors.idea_get(network=network, pk=idea_id)
    except Idea.DoesNotExist:
        raise Http404 from None


@require_POST
@login_required
def idea_mark(request: "AuthenticatedHttpRequest", slug: str, idea_id: int) -> HttpResponse:
    idea = _idea_for(request, slug, idea_id, "themes.take_part")
    form = IdeaMarkForm(request.POST)
    if not form.is_valid():
        status = _("Choose feasible or not feasible.")
    else:
        try:
            services.idea_mark(idea=idea, member=request.user, **form.cleaned_data)
        except ValidationError as error:
            status = " ".join(error.messages)
        else:
            if not is_htmx(request):
                messages.success(request, _("Your mark has been saved."))
            return _answer_mark(request, idea, _("Your mark has been saved."))
    if not is_htmx(request):
        messages.error(request, status)
    return _answer_mark(request, idea, status)


def _wall_url(slug: str) -> str:
    return reverse("themes:idea_wall", kwargs={"slug": slug})


@require_POST
@login_required
def idea_comment(request: "AuthenticatedHttpRequest", slug: str, idea_id: int) -> HttpResponse:
    idea = _idea_for(request, slug, idea_id, "themes.take_part")
    form = CommentForm(request.POST, prefix=_prefix(idea.pk))
    if form.is_valid():
        try:
            services.idea_comment_add(idea=idea, author=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Your comment has been posted."))
            return redirect(f"{_wall_url(slug)}#idea-{idea.pk}")
    return _render_wall(request, idea.network, failed_comment=(idea.pk, form))


@require_POST
@login_required
def idea_group(request: "AuthenticatedHttpRequest", slug: str, idea_id: int) -> HttpResponse:
    idea = _idea_for(request, slug, idea_id, "themes.moderate_ideas")
    form = IdeaGroupForm(request.POST, prefix=_prefix(idea.pk))
    if form.is_valid():
        try:
            services.idea_group(idea=idea, **form.cleaned_data)
        except ValidationError as error:
            refusal(request, error)
        else:
            messages.success(request, _("The idea has been grouped."))
    else:
        messages.error(request, " ".join(str(e) for e in form.errors.get("label", [])))
    return redirect(f"{_wall_url(slug)}#idea-{idea.pk}")


@login_required
def idea_to_proposal(request: "AuthenticatedHttpRequest", slug: str, idea_id: int) -> HttpResponse:
    idea = _idea_for(request, slug, idea_id, "themes.moderate_ideas")
    form = ThemeProposalForm(
        request.POST or None,
        chapters=selectors.active_chapters(region_id=idea.network.district.region_id),
        initial={"title": idea.text[:200]},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.idea_to_proposal(idea=idea, proposed_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The idea is now a theme proposal."))
            return redirect("themes:overview", slug=slug)
    return render(
        request,
        "themes/proposal_form.html",
        {"network": idea.network, "form": form, "idea": idea},
    )
