"""The idea wall: post, test for feasibility, comment; the facilitator groups and promotes."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.networks.access import network_for

from .. import selectors, services
from ..forms import (
    CommentForm,
    IdeaForm,
    IdeaGroupNewForm,
    IdeaGroupRenameForm,
    IdeaMarkForm,
    IdeaMoveForm,
    ThemeProposalForm,
)
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
    groups = _labels(ideas)
    for idea in ideas:
        failed = failed_comment[1] if failed_comment and failed_comment[0] == idea.pk else None
        idea.comment_form = failed or CommentForm(prefix=_prefix(idea.pk))  # type: ignore[attr-defined]
        if may_moderate:
            idea.move_form = IdeaMoveForm(  # type: ignore[attr-defined]
                prefix=_prefix(idea.pk), initial={"label": idea.group_label}, groups=groups
            )
    return ideas, may_moderate


def _labels(ideas: list[Idea]) -> list[str]:
    return sorted({idea.group_label for idea in ideas if idea.group_label})


def _columns(ideas: list[Idea], may_moderate: bool) -> list[dict[str, object]]:
    """One column per group, after the column of ideas not in a group (where new ideas land)."""
    columns: dict[str, list[Idea]] = {"": []}
    columns.update({label: [] for label in _labels(ideas)})
    for idea in ideas:
        columns[idea.group_label].append(idea)
    return [
        {
            "label": label,
            "ideas": column,
            # Names stay plain, ids differ per column: one label per field on the page.
            "rename_form": IdeaGroupRenameForm(
                auto_id=f"group-{number}-%s", initial={"old": label, "label": label}
            )
            if may_moderate and label
            else None,
        }
        for number, (label, column) in enumerate(columns.items())
    ]


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
            "columns": _columns(ideas, may_moderate),
            "form": idea_form or IdeaForm(),
            "group_form": IdeaGroupNewForm(prefix="group-new", ideas=ideas)
            if may_moderate and ideas
            else None,
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


def _wants_json(request: HttpRequest) -> bool:
    # The wall's script moves a card in place and asks only for the outcome.
    return "application/json" in request.headers.get("Accept", "")


@require_POST
@login_required
def idea_group(request: "AuthenticatedHttpRequest", slug: str, idea_id: int) -> HttpResponse:
    idea = _idea_for(request, slug, idea_id, "themes.moderate_ideas")
    groups = selectors.idea_group_labels(network=idea.network)
    form = IdeaMoveForm(request.POST, prefix=_prefix(idea.pk), groups=groups)
    if form.is_valid():
        try:
            services.idea_group(idea=idea, **form.cleaned_data)
        except ValidationError as error:
            status, ok = " ".join(error.messages), False
        else:
            group = idea.group_label or _("Not in a group")
            status = _("“%(idea)s” is now in: %(group)s.") % {
                "idea": idea.text[:60],
                "group": group,
            }
            ok = True
    else:
        status = _("That group is no longer on the wall. Reload the wall and try again.")
        ok = False
    if _wants_json(request):
        return JsonResponse({"status": status}, status=200 if ok else 400)
    (messages.success if ok else messages.error)(request, status)
    return redirect(f"{_wall_url(slug)}#idea-{idea.pk}")


@require_POST
@login_required
def idea_group_new(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "themes.moderate_ideas")
    ideas = list(selectors.ideas_of(network=network))
    form = IdeaGroupNewForm(request.POST, prefix="group-new", ideas=ideas)
    if form.is_valid():
        idea = next(i for i in ideas if i.pk == form.cleaned_data["idea"])
        try:
            services.idea_group(idea=idea, label=form.cleaned_data["label"])
        except ValidationError as error:
            refusal(request, error)
        else:
            messages.success(request, _("The group is on the wall."))
            return redirect(f"{_wall_url(slug)}#idea-{idea.pk}")
    else:
        messages.error(request, _("Give the group a name and choose its first idea."))
    return redirect("themes:idea_wall", slug=slug)


@require_POST
@login_required
def idea_group_rename(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "themes.moderate_ideas")
    form = IdeaGroupRenameForm(request.POST)
    if form.is_valid():
        try:
            services.idea_group_rename(
                network=network, old=form.cleaned_data["old"], new=form.cleaned_data["label"]
            )
        except ValidationError as error:
            refusal(request, error)
        else:
            messages.success(request, _("The group has been renamed."))
    else:
        messages.error(request, _("Give the group a name of at most 80 characters."))
    return redirect("themes:idea_wall", slug=slug)


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
