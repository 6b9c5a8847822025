"""The dot vote: open a round, place stickers, close it and see the ranking."""

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.access import network_for

from .. import selectors, services
from ..forms import DotVoteOpenForm, StickerForm
from ..models import DotVote
from .common import cycle_of, is_htmx, refusal

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
    from lerendnetwerk.networks.models import Network


@login_required
def vote_open(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "themes.run_vote")
    cycle = cycle_of(network)
    form = DotVoteOpenForm(
        request.POST or None,
        proposals=selectors.proposals_for_ballot(cycle=cycle),
    )
    if request.method == "POST" and form.is_valid():
        try:
            dot_vote = services.dot_vote_open(
                cycle=cycle, opened_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The round is open: members can place their stickers."))
            return redirect("themes:vote", slug=network.slug, pk=dot_vote.pk)
    return render(request, "themes/vote_open.html", {"network": network, "form": form})


def _dot_vote_for(network: "Network", pk: int) -> DotVote:
    try:
        return selectors.dot_vote_get(network=network, pk=pk)
    except DotVote.DoesNotExist:
        raise Http404 from None


def _vote_context(
    request: "AuthenticatedHttpRequest",
    network: "Network",
    dot_vote: DotVote,
    form: StickerForm | None,
) -> dict[str, Any]:
    user = request.user
    may_vote = user.has_perm("themes.take_part", network) and dot_vote.is_open
    proposals = selectors.dot_vote_proposals(dot_vote=dot_vote)
    mine = selectors.member_stickers(dot_vote=dot_vote, member=user) if may_vote else {}
    if form is None and may_vote:
        form = StickerForm(
            proposals=proposals,
            limit=dot_vote.stickers_per_member,
            initial={f"proposal_{pk}": count for pk, count in mine.items()},
        )
    show_results = not dot_vote.is_open or dot_vote.show_results_while_open
    return {
        "network": network,
        "dot_vote": dot_vote,
        "proposals": proposals,
        "form": form,
        "placed": sum(mine.values()),
        "results": selectors.dot_vote_results(dot_vote=dot_vote) if show_results else None,
        "member_count": network_selectors.member_count(network=network),
        "may_run_vote": user.has_perm("themes.run_vote", network),
    }


@login_required
def vote(request: "AuthenticatedHttpRequest", slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug, "themes.view_themes")
    context = _vote_context(request, network, _dot_vote_for(network, pk), None)
    return render(request, "themes/vote.html", context)


def _answer_stickers(
    request: "AuthenticatedHttpRequest",
    network: "Network",
    dot_vote: DotVote,
    form: StickerForm | None,
) -> HttpResponse:
    """After placing stickers: with htmx only the stickers (and results) change in place;
    without JavaScript the whole page comes back (errors) or the browser is redirected."""
    if form is None and not is_htmx(request):
        messages.success(request, _("Your stickers have been placed."))
        return redirect("themes:vote", slug=network.slug, pk=dot_vote.pk)
    context = _vote_context(request, network, dot_vote, form)
    if is_htmx(request):
        context["status"] = _("Your stickers have been placed.") if form is None else ""
        return render(request, "themes/_vote_update.html", context)
    return render(request, "themes/vote.html", context)


@require_POST
@login_required
def vote_place(request: "AuthenticatedHttpRequest", slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug, "themes.take_part")
    dot_vote = _dot_vote_for(network, pk)
    form = StickerForm(
        request.POST,
        proposals=selectors.dot_vote_proposals(dot_vote=dot_vote),
        limit=dot_vote.stickers_per_member,
    )
    if not form.is_valid():
        return _answer_stickers(request, network, dot_vote, form)
    try:
        services.dot_vote_place(dot_vote=dot_vote, member=request.user, stickers=form.stickers())
    except ValidationError as error:
        dot_vote.refresh_from_db()
        if dot_vote.is_open:
            add_validation_error(form, error)
            return _answer_stickers(request, network, dot_vote, form)
        # Closed meanwhile: the form has nothing left to fix; show the closed round.
        refusal(request, error)
        url = reverse("themes:vote", kwargs={"slug": slug, "pk": pk})
        return HttpResponseClientRedirect(url) if is_htmx(request) else redirect(url)
    return _answer_stickers(request, network, dot_vote, None)


@require_POST
@login_required
def vote_close(request: "AuthenticatedHttpRequest", slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug, "themes.run_vote")
    dot_vote = _dot_vote_for(network, pk)
    try:
        services.dot_vote_close(dot_vote=dot_vote)
    except ValidationError as error:
        refusal(request, error)
    else:
        messages.success(request, _("The round is closed. Here is the ranking."))
    return redirect("themes:vote", slug=slug, pk=pk)
