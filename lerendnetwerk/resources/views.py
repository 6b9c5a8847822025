"""The public library: a region's list with filters, a resource's page with its player (a film on
YouTube or Vimeo only after the visitor agreed), and the files, served only to whoever may read
the resource. No login for published resources."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.core import pagecache
from lerendnetwerk.core.pagination import paginate
from lerendnetwerk.regions.views import region_choice

from . import players, selectors
from .forms import FilterForm
from .models import Resource
from .serving import file_response

if TYPE_CHECKING:
    from lerendnetwerk.regions.models import Region

PER_PAGE = 20


def _region(slug: str) -> "Region":
    region = selectors.region_find(slug=slug)
    if region is None:
        raise Http404
    return region


def _readable(request: HttpRequest, region: "Region", pk: int) -> Resource:
    """The resource for whoever may read it; 404 for everyone else (an unpublished resource's
    existence is not told)."""
    resource = selectors.resource_find(region=region, pk=pk)
    if resource is None or not request.user.has_perm("resources.view_resource", resource):
        raise Http404
    return resource


def resource_home(request: HttpRequest) -> HttpResponse:
    """The library without a region: the only region's, or a choice of regions."""
    return region_choice(
        request,
        url_name="resources:index",
        title=_("Films and resources"),
        lead=_("Each municipality keeps its own library. Choose one."),
    )


def resource_index(request: HttpRequest, region_slug: str) -> HttpResponse:
    region = _region(region_slug)

    def page() -> HttpResponse:
        form = FilterForm(
            request.GET or None, focus_areas=selectors.focus_area_choices(region=region)
        )
        chosen = form.chosen()
        found = paginate(request, selectors.resources_filtered(region=region, **chosen), PER_PAGE)
        return render(
            request,
            "resources/index.html",
            {
                "region": region,
                "form": form,
                "page": found,
                "filtered": any(value is not None for value in chosen.values()),
                "may_suggest": request.user.has_perm("resources.suggest", region),
                "may_curate": request.user.has_perm("resources.curate", region),
            },
        )

    # A resource points at its region: saving one bumps the region's scope.
    return pagecache.cached(request, [pagecache.region(region.pk)], page)


def resource_detail(request: HttpRequest, region_slug: str, pk: int) -> HttpResponse:
    region = _region(region_slug)
    resource = _readable(request, region, pk)
    player = players.player_for(resource.url) if resource.url else None
    if resource.kind != Resource.Kind.FILM:
        player = None
    show_player = player is not None and players.consented(request, player.provider)
    response = render(
        request,
        "resources/detail.html",
        {
            "region": region,
            "resource": resource,
            "player": player,
            "show_player": show_player,
            "may_curate": request.user.has_perm("resources.change_resource", resource),
        },
    )
    if show_player and player is not None:
        # This page alone may frame the one player the visitor agreed to.
        response._csp_config = players.frame_policy(player)  # type: ignore[attr-defined]
    return response


@require_POST
def resource_consent(request: HttpRequest, region_slug: str, pk: int) -> HttpResponse:
    """The visitor agrees to load the film's player (or withdraws); kept for this visit."""
    region = _region(region_slug)
    resource = _readable(request, region, pk)
    player = players.player_for(resource.url) if resource.url else None
    if "withdraw" in request.POST:
        players.consent_withdraw(request)
        messages.success(request, _("Films from other sites are no longer played here."))
        return redirect("resources:detail", region_slug=region.slug, pk=resource.pk)
    if player is None:
        raise Http404
    players.consent_give(request, player.provider)
    url = reverse("resources:detail", kwargs={"region_slug": region.slug, "pk": resource.pk})
    return redirect(f"{url}#speler")


def resource_file(
    request: HttpRequest, region_slug: str, pk: int
) -> FileResponse | StreamingHttpResponse:
    """The film or document, for whoever may read the resource; streamed from the storage (with
    byte ranges, so that a film can be skipped through), never from a public path."""
    return _serve(request, region_slug, pk, captions=False)


def resource_captions(
    request: HttpRequest, region_slug: str, pk: int
) -> FileResponse | StreamingHttpResponse:
    return _serve(request, region_slug, pk, captions=True)


def _serve(
    request: HttpRequest, region_slug: str, pk: int, *, captions: bool
) -> FileResponse | StreamingHttpResponse:
    resource = selectors.resource_for_file(region_slug=region_slug, pk=pk)
    if resource is None or not request.user.has_perm("resources.view_resource", resource):
        raise Http404
    stored = resource.captions if captions else resource.file
    if not stored:
        raise Http404
    if captions:
        content_type, filename = "text/vtt; charset=utf-8", "ondertiteling.vtt"
    else:
        content_type, filename = resource.content_type, resource.original_filename or "bestand"
    return file_response(
        request,
        stored,
        content_type=content_type,
        filename=filename,
        # A film and its captions play in the page; a document is saved, never opened here.
        as_attachment=not (captions or resource.is_video_file),
        public=resource.is_published,
    )
