"""Keeping the library: the region's coordinators add, change, publish, turn down and delete
resources; facilitators suggest one and follow what became of it."""

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.core.pagination import paginate
from lerendnetwerk.core.uploads import accepts_uploads, refused_as_too_large

from . import selectors, services
from .forms import ResourceForm, ReviewForm
from .uploads import SETTING, too_large_message

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
    from lerendnetwerk.regions.models import Region

    from .models import Resource


def _region(request: "AuthenticatedHttpRequest", slug: str, permission: str) -> "Region":
    region = selectors.region_find(slug=slug)
    if region is None:
        raise Http404
    if not request.user.has_perm(permission, region):
        raise PermissionDenied
    return region


def _resource(request: "AuthenticatedHttpRequest", region: "Region", pk: int) -> "Resource":
    resource = selectors.resource_find(region=region, pk=pk)
    if resource is None:
        raise Http404
    if not request.user.has_perm("resources.change_resource", resource):
        raise PermissionDenied
    return resource


def _form(request: HttpRequest, region: "Region", **kwargs: Any) -> ResourceForm:
    data = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    return ResourceForm(
        *data,
        entries=selectors.entry_choices(region=region),
        focus_areas=selectors.focus_area_choices(region=region),
        max_mb=settings.RESOURCE_MAX_UPLOAD_MB,
        **kwargs,
    )


def _valid(request: HttpRequest, form: ResourceForm) -> bool:
    """The form is valid and no file was skipped for its size while it streamed in."""
    form.is_valid()
    for name in refused_as_too_large(request) & {"file", "captions"}:
        form.add_error(name, too_large_message())
    return not form.errors


def _typed(form: ResourceForm, region: "Region") -> services.ResourceData:
    return form.data_typed(
        entries=selectors.entries_offered(region=region, pks=form.cleaned_data["entries"]),
        focus_areas=selectors.focus_areas_offered(
            region=region, pks=form.cleaned_data["focus_areas"]
        ),
    )


def _files(form: ResourceForm) -> dict[str, Any]:
    return {"upload": form.cleaned_data["file"], "captions": form.cleaned_data["captions"]}


@login_required
def resource_manage(request: "AuthenticatedHttpRequest", region_slug: str) -> HttpResponse:
    region = _region(request, region_slug, "resources.curate")
    return render(
        request,
        "resources/manage.html",
        {
            "region": region,
            "page": paginate(request, selectors.curation_list(region=region), 30),
            "waiting": selectors.waiting_count(region=region),
        },
    )


@accepts_uploads(SETTING)
@login_required
def resource_create(request: "AuthenticatedHttpRequest", region_slug: str) -> HttpResponse:
    region = _region(request, region_slug, "resources.curate")
    form = _form(request, region)
    if request.method == "POST" and _valid(request, form):
        try:
            resource = services.resource_create(
                region=region,
                added_by=request.user,
                data=_typed(form, region),
                publish="publish" in request.POST,
                **_files(form),
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("“%(title)s” has been saved.") % {"title": resource.title})
            return redirect("resources:manage", region_slug=region.slug)
    return render(
        request, "resources/form.html", {"region": region, "form": form, "curating": True}
    )


@accepts_uploads(SETTING)
@login_required
def resource_edit(request: "AuthenticatedHttpRequest", region_slug: str, pk: int) -> HttpResponse:
    region = selectors.region_find(slug=region_slug)
    if region is None:
        raise Http404
    resource = _resource(request, region, pk)
    form = _form(
        request,
        region,
        has_file=bool(resource.file),
        initial={
            **{
                name: getattr(resource, name)
                for name in (
                    "title",
                    "kind",
                    "description",
                    "url",
                    "language",
                    "minutes",
                    "extent",
                    "source",
                    "licence",
                )
            },
            "phases": [phase.value for phase in resource.phases],
            "entries": [entry.pk for entry in resource.entries.all()],
            "focus_areas": [area.pk for area in resource.focus_areas.all()],
        },
    )
    if request.method == "POST" and _valid(request, form):
        try:
            saved = services.resource_update(
                resource=resource, data=_typed(form, region), **_files(form)
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("“%(title)s” has been saved.") % {"title": saved.title})
            return redirect("resources:manage", region_slug=region.slug)
    return render(
        request,
        "resources/form.html",
        {"region": region, "form": form, "resource": resource, "curating": True},
    )


@login_required
def resource_review(request: "AuthenticatedHttpRequest", region_slug: str, pk: int) -> HttpResponse:
    """Publish a resource or turn it down, with a note for whoever suggested it."""
    region = selectors.region_find(slug=region_slug)
    if region is None:
        raise Http404
    resource = _resource(request, region, pk)
    form = ReviewForm(request.POST or None, initial={"note": resource.review_note})
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == "publish":
                services.resource_publish(resource=resource, reviewed_by=request.user)
                done = _("“%(title)s” is now in the public library.")
            else:
                services.resource_reject(
                    resource=resource, reviewed_by=request.user, note=form.cleaned_data["note"]
                )
                done = _("“%(title)s” is not in the public library.")
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, done % {"title": resource.title})
            return redirect("resources:manage", region_slug=region.slug)
    return render(
        request,
        "resources/review.html",
        {"region": region, "resource": resource, "form": form},
    )


@login_required
def resource_delete(request: "AuthenticatedHttpRequest", region_slug: str, pk: int) -> HttpResponse:
    region = selectors.region_find(slug=region_slug)
    if region is None:
        raise Http404
    resource = _resource(request, region, pk)
    if request.method == "POST":
        services.resource_delete(resource=resource)
        messages.success(request, _("“%(title)s” has been deleted.") % {"title": resource.title})
        return redirect("resources:manage", region_slug=region.slug)
    return render(request, "resources/delete.html", {"region": region, "resource": resource})


@accepts_uploads(SETTING)
@login_required
def resource_suggest(request: "AuthenticatedHttpRequest", region_slug: str) -> HttpResponse:
    region = _region(request, region_slug, "resources.suggest")
    form = _form(request, region)
    if request.method == "POST" and _valid(request, form):
        try:
            resource = services.resource_suggest(
                region=region,
                suggested_by=request.user,
                data=_typed(form, region),
                **_files(form),
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "Thank you: “%(title)s” waits for a coordinator. You see here what becomes "
                    "of it."
                )
                % {"title": resource.title},
            )
            return redirect("resources:suggestions")
    return render(
        request, "resources/form.html", {"region": region, "form": form, "curating": False}
    )


@login_required
def resource_suggestions(request: "AuthenticatedHttpRequest") -> HttpResponse:
    """What the person suggested and what became of it."""
    if not request.user.has_perm("resources.view_suggestions"):
        raise PermissionDenied
    regions = [
        region
        for region in selectors.regions_all()
        if request.user.has_perm("resources.suggest", region)
    ]
    return render(
        request,
        "resources/suggestions.html",
        {
            "page": paginate(request, selectors.suggestions_of(user=request.user), 30),
            "regions": regions,
        },
    )
