"""A region's own entries, kept by its coordinators beside the shared Handbook (read-only here:
platform editors change it in the admin site). Every change is written to the audit log, as
changes in the admin site are."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lerendnetwerk.core.audit import audit_record
from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.regions import selectors as region_selectors

from . import selectors, services
from .forms import RegionEntryForm
from .models import Entry

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
    from lerendnetwerk.regions.models import Region


def _region_for(request: HttpRequest, region_slug: str) -> "Region":
    """The region; 404 if unknown, 403 unless the person coordinates it."""
    region = region_selectors.region_find(slug=region_slug)
    if region is None:
        raise Http404
    if not request.user.has_perm("catalogue.edit_region_entries", region):
        raise PermissionDenied
    return region


def _entry_for(request: HttpRequest, region_slug: str, pk: int) -> tuple["Region", Entry]:
    """One of the region's own entries; 404 for a shared one or another region's."""
    region = _region_for(request, region_slug)
    entry = selectors.region_entry_find(region_id=region.pk, pk=pk)
    if entry is None:
        raise Http404
    return region, entry


@login_required
def region_entries(request: "AuthenticatedHttpRequest", region_slug: str) -> HttpResponse:
    region = _region_for(request, region_slug)
    return render(
        request,
        "catalogue/region_entries.html",
        {
            "region": region,
            "entries": selectors.region_entries(region_id=region.pk),
            "shared_count": selectors.shared_entry_count(),
        },
    )


def _save(
    request: "AuthenticatedHttpRequest", region: "Region", entry: Entry | None
) -> HttpResponse:
    initial = (
        {
            "kind": entry.kind,
            "topic": entry.topic_id,
            "title": entry.title,
            "summary": entry.summary,
        }
        if entry
        else {}
    )
    form = RegionEntryForm(request.POST or None, initial=initial, topics=selectors.topic_choices())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        topic = selectors.topic_find(pk=data["topic"])
        try:
            if topic is None:
                raise ValidationError({"topic": _("Choose the question it helps with.")})
            if entry is None:
                saved = services.region_entry_add(
                    region=region,
                    topic=topic,
                    kind=data["kind"],
                    title=data["title"],
                    summary=data["summary"],
                )
            else:
                saved = services.region_entry_update(
                    entry=entry,
                    topic=topic,
                    kind=data["kind"],
                    title=data["title"],
                    summary=data["summary"],
                )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            audit_record(
                request=request,
                action="add" if entry is None else "change",
                model=Entry,
                object_id=str(saved.pk),
                detail=saved.title,
            )
            messages.success(
                request,
                _("“%(title)s” is in your region's catalogue.") % {"title": saved.title},
            )
            return redirect("catalogue:region_entries", region_slug=region.slug)
    return render(
        request,
        "catalogue/region_entry_form.html",
        {"region": region, "entry": entry, "form": form},
    )


@login_required
def region_entry_add(request: "AuthenticatedHttpRequest", region_slug: str) -> HttpResponse:
    return _save(request, _region_for(request, region_slug), None)


@login_required
def region_entry_edit(
    request: "AuthenticatedHttpRequest", region_slug: str, pk: int
) -> HttpResponse:
    region, entry = _entry_for(request, region_slug, pk)
    return _save(request, region, entry)


@login_required
def region_entry_delete(
    request: "AuthenticatedHttpRequest", region_slug: str, pk: int
) -> HttpResponse:
    region, entry = _entry_for(request, region_slug, pk)
    if request.method == "POST":
        try:
            services.region_entry_delete(entry=entry)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            audit_record(
                request=request,
                action="delete",
                model=Entry,
                object_id=str(pk),
                detail=entry.title,
            )
            messages.success(request, _("“%(title)s” is deleted.") % {"title": entry.title})
        return redirect("catalogue:region_entries", region_slug=region.slug)
    return render(request, "catalogue/region_entry_delete.html", {"region": region, "entry": entry})
