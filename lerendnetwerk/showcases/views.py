"""The network's results: the list for its members, adding and changing a result, publishing it,
the downloads and the public page."""

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.core.uploads import accepts_uploads
from lerendnetwerk.networks.access import network_for

from . import selectors, services
from .forms import ShowcaseForm
from .uploads import SETTING, refused_as_too_large, too_large_message

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
    from lerendnetwerk.networks.models import Network

    from .models import Showcase


def _showcase(request: HttpRequest, network: "Network", pk: int, permission: str) -> "Showcase":
    showcase = selectors.showcase_get(network=network, pk=pk)
    if showcase is None:
        raise Http404
    if not request.user.has_perm(permission, showcase):
        raise PermissionDenied
    return showcase


def _form(request: HttpRequest, *, has_file: bool = False, **kwargs: object) -> ShowcaseForm:
    data = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    return ShowcaseForm(*data, max_mb=settings.SHOWCASE_MAX_UPLOAD_MB, has_file=has_file, **kwargs)


def _valid(request: HttpRequest, form: ShowcaseForm) -> bool:
    """The form is valid and its file was not skipped for its size while it streamed in."""
    form.is_valid()
    if "file" in refused_as_too_large(request):
        form.add_error("file", too_large_message())
    return not form.errors


def _typed(form: ShowcaseForm) -> dict[str, Any]:
    fields = ("title", "description", "kind", "link", "consent")
    return {field: form.cleaned_data[field] for field in fields}


@login_required
def showcase_list(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "showcases.view_showcases")
    showcases = selectors.showcases_of(network=network)
    return render(
        request,
        "showcases/list.html",
        {
            "network": network,
            "items": [
                (
                    showcase,
                    request.user.has_perm("showcases.change_showcase", showcase),
                    request.user.has_perm("showcases.publish_showcase", showcase),
                )
                for showcase in showcases
            ],
            "may_add": request.user.has_perm("showcases.add_showcase", network),
        },
    )


@accepts_uploads(SETTING)
@login_required
def showcase_create(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "showcases.add_showcase")
    form = _form(request)
    if request.method == "POST" and _valid(request, form):
        try:
            services.showcase_create(
                network=network,
                uploaded_by=request.user,
                upload=form.cleaned_data["file"],
                **_typed(form),
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _("The result has been added. The facilitator can publish it on the public page."),
            )
            return redirect("showcases:list", slug=network.slug)
    return render(request, "showcases/form.html", {"network": network, "form": form})


@accepts_uploads(SETTING)
@login_required
def showcase_edit(request: "AuthenticatedHttpRequest", slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug, "showcases.view_showcases")
    showcase = _showcase(request, network, pk, "showcases.change_showcase")
    form = _form(
        request,
        has_file=bool(showcase.file),
        initial={
            "title": showcase.title,
            "description": showcase.description,
            "kind": showcase.kind,
            "link": showcase.link,
            "consent": showcase.consent_confirmed_at is not None,
        },
    )
    if request.method == "POST" and _valid(request, form):
        try:
            services.showcase_update(
                showcase=showcase,
                changed_by=request.user,
                upload=form.cleaned_data["file"],
                **_typed(form),
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The result has been saved."))
            return redirect("showcases:list", slug=network.slug)
    return render(
        request,
        "showcases/form.html",
        {"network": network, "form": form, "showcase": showcase},
    )


@login_required
def showcase_delete(request: "AuthenticatedHttpRequest", slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug, "showcases.view_showcases")
    showcase = _showcase(request, network, pk, "showcases.change_showcase")
    if request.method == "POST":
        services.showcase_delete(showcase=showcase)
        messages.success(request, _("The result has been deleted."))
        return redirect("showcases:list", slug=network.slug)
    return render(request, "showcases/delete.html", {"network": network, "showcase": showcase})


@require_POST
@login_required
def showcase_publish(request: "AuthenticatedHttpRequest", slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug, "showcases.view_showcases")
    showcase = _showcase(request, network, pk, "showcases.publish_showcase")
    try:
        services.showcase_publish(showcase=showcase, published_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("“%(title)s” is now on the public page.") % {"title": showcase.title}
        )
    return redirect("showcases:list", slug=network.slug)


@require_POST
@login_required
def showcase_unpublish(request: "AuthenticatedHttpRequest", slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug, "showcases.view_showcases")
    showcase = _showcase(request, network, pk, "showcases.publish_showcase")
    services.showcase_unpublish(showcase=showcase)
    messages.success(
        request, _("“%(title)s” is no longer on the public page.") % {"title": showcase.title}
    )
    return redirect("showcases:list", slug=network.slug)


def showcase_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """The file, for whoever may read the result; 404 for everyone else (an unpublished result's
    existence is not told). Streamed from the storage, never from a public path."""
    showcase = selectors.showcase_for_download(network_slug=slug, pk=pk)
    if (
        showcase is None
        or not showcase.file
        or not selectors.showcase_readable(user=request.user, showcase=showcase)
    ):
        raise Http404
    try:
        handle = showcase.file.storage.open(showcase.file.name or "", "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        # Images are shown in the page; everything else is saved, never opened by the browser.
        as_attachment=not showcase.is_image,
        filename=showcase.original_filename or "bestand",
        content_type=showcase.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Opened on its own, the file may run nothing and load nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = (
        "private, max-age=60" if showcase.is_published else "private, no-store"
    )
    return response


def showcase_public(request: HttpRequest, region_slug: str, slug: str) -> HttpResponse:
    network = selectors.network_public(region_slug=region_slug, slug=slug)
    if network is None:
        raise Http404
    return render(
        request,
        "showcases/public.html",
        {
            "network": network,
            "region": network.district.region,
            "showcases": selectors.showcases_published(network=network),
        },
    )
