"""A region's quality framework, for its coordinators: a copy of the shared one that they keep
(chapters and focus areas added, reworded, put in order, retired), or else the shared one to
read. A focus area a network chose is never deleted, only retired. Every change is written to
the audit log, as changes in the admin site are."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.core.audit import audit_record
from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.regions import selectors as region_selectors

from .. import selectors, services
from ..forms import ChapterForm, FocusAreaForm
from ..models import Chapter, FocusArea, QualityFramework

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
    from lerendnetwerk.regions.models import Region


def _region_for(request: HttpRequest, region_slug: str) -> "Region":
    """The region; 404 if unknown, 403 unless the person coordinates it."""
    region = region_selectors.region_find(slug=region_slug)
    if region is None:
        raise Http404
    if not request.user.has_perm("themes.edit_region_framework", region):
        raise PermissionDenied
    return region


def _own_framework(request: HttpRequest, region_slug: str) -> tuple["Region", QualityFramework]:
    """The region's own framework; 404 while it has none (it reads the shared one)."""
    region = _region_for(request, region_slug)
    framework = selectors.region_framework(region_id=region.pk)
    if framework is None:
        raise Http404
    return region, framework


def _chapter_for(
    request: HttpRequest, region_slug: str, chapter_id: int
) -> tuple["Region", Chapter]:
    region, framework = _own_framework(request, region_slug)
    chapter = selectors.framework_chapter_find(framework=framework, pk=chapter_id)
    if chapter is None:
        raise Http404
    return region, chapter


def _area_for(request: HttpRequest, region_slug: str, pk: int) -> tuple["Region", FocusArea]:
    region, framework = _own_framework(request, region_slug)
    area = selectors.framework_focus_area_find(framework=framework, pk=pk)
    if area is None:
        raise Http404
    return region, area


def _audit(
    request: HttpRequest, action: str, obj: QualityFramework | Chapter | FocusArea, detail: str
) -> None:
    audit_record(
        request=request, action=action, model=type(obj), object_id=str(obj.pk), detail=detail
    )


def _to_framework(region: "Region", anchor: str = "") -> HttpResponse:
    response = redirect("themes:framework", region_slug=region.slug)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


@login_required
def framework(request: "AuthenticatedHttpRequest", region_slug: str) -> HttpResponse:
    region = _region_for(request, region_slug)
    own = selectors.region_framework(region_id=region.pk)
    shown = own or selectors.shared_framework()
    return render(
        request,
        "themes/framework.html",
        {
            "region": region,
            "framework": shown,
            "own": own is not None,
            "chapters": selectors.framework_chapters(framework=shown) if shown else [],
        },
    )


@require_POST
@login_required
def framework_copy(request: "AuthenticatedHttpRequest", region_slug: str) -> HttpResponse:
    region = _region_for(request, region_slug)
    try:
        copy = services.framework_copy_for_region(region=region)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        _audit(request, "add", copy, copy.version)
        messages.success(
            request,
            _("Your region has its own framework now; its networks choose from it."),
        )
    return _to_framework(region)


def _form_page(
    request: HttpRequest,
    region: "Region",
    form: ChapterForm | FocusAreaForm,
    save: Callable[[], Chapter | FocusArea],
    action: str,
    context: dict[str, object],
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            saved = save()
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            _audit(request, action, saved, saved.title)
            messages.success(request, _("“%(title)s” is saved.") % {"title": saved.title})
            anchor = f"chapter-{saved.pk}" if isinstance(saved, Chapter) else f"area-{saved.pk}"
            return _to_framework(region, anchor)
    template = (
        "themes/chapter_form.html"
        if isinstance(form, ChapterForm)
        else "themes/focus_area_form.html"
    )
    return render(request, template, {"region": region, "form": form, **context})


@login_required
def chapter_add(request: "AuthenticatedHttpRequest", region_slug: str) -> HttpResponse:
    region, framework = _own_framework(request, region_slug)
    form = ChapterForm(request.POST or None)
    return _form_page(
        request,
        region,
        form,
        lambda: services.chapter_add(framework=framework, title=form.cleaned_data["title"]),
        "add",
        {"chapter": None},
    )


@login_required
def chapter_edit(
    request: "AuthenticatedHttpRequest", region_slug: str, chapter_id: int
) -> HttpResponse:
    region, chapter = _chapter_for(request, region_slug, chapter_id)
    form = ChapterForm(request.POST or None, initial={"title": chapter.title})
    return _form_page(
        request,
        region,
        form,
        lambda: services.chapter_update(chapter=chapter, title=form.cleaned_data["title"]),
        "change",
        {"chapter": chapter},
    )


def _one_button(
    request: HttpRequest,
    region: "Region",
    action: Callable[[], object],
    audit: tuple[str, Chapter | FocusArea, str],
    done: str,
    anchor: str = "",
) -> HttpResponse:
    """A button's action: done, or the service's refusal at the top of the page."""
    kind, obj, detail = audit
    object_id = str(obj.pk)  # before a deletion empties it
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        audit_record(
            request=request, action=kind, model=type(obj), object_id=object_id, detail=detail
        )
        if done:
            messages.success(request, done)
    return _to_framework(region, anchor)


@require_POST
@login_required
def chapter_move(
    request: "AuthenticatedHttpRequest", region_slug: str, chapter_id: int
) -> HttpResponse:
    region, chapter = _chapter_for(request, region_slug, chapter_id)
    up = request.POST.get("direction") == "up"
    return _one_button(
        request,
        region,
        lambda: services.chapter_move(chapter=chapter, up=up),
        ("change", chapter, "up" if up else "down"),
        "",
        f"chapter-{chapter.pk}",
    )


@require_POST
@login_required
def chapter_delete(
    request: "AuthenticatedHttpRequest", region_slug: str, chapter_id: int
) -> HttpResponse:
    region, chapter = _chapter_for(request, region_slug, chapter_id)
    return _one_button(
        request,
        region,
        lambda: services.chapter_delete(chapter=chapter),
        ("delete", chapter, chapter.title),
        _("The chapter is deleted."),
    )


@login_required
def focus_area_add(
    request: "AuthenticatedHttpRequest", region_slug: str, chapter_id: int
) -> HttpResponse:
    region, chapter = _chapter_for(request, region_slug, chapter_id)
    form = FocusAreaForm(request.POST or None)
    return _form_page(
        request,
        region,
        form,
        lambda: services.focus_area_add(chapter=chapter, **form.cleaned_data),
        "add",
        {"chapter": chapter, "area": None},
    )


@login_required
def focus_area_edit(request: "AuthenticatedHttpRequest", region_slug: str, pk: int) -> HttpResponse:
    region, area = _area_for(request, region_slug, pk)
    form = FocusAreaForm(
        request.POST or None, initial={"title": area.title, "description": area.description}
    )
    return _form_page(
        request,
        region,
        form,
        lambda: services.focus_area_update(focus_area=area, **form.cleaned_data),
        "change",
        {"chapter": area.chapter, "area": area},
    )


@require_POST
@login_required
def focus_area_move(request: "AuthenticatedHttpRequest", region_slug: str, pk: int) -> HttpResponse:
    region, area = _area_for(request, region_slug, pk)
    up = request.POST.get("direction") == "up"
    return _one_button(
        request,
        region,
        lambda: services.focus_area_move(focus_area=area, up=up),
        ("change", area, "up" if up else "down"),
        "",
        f"area-{area.pk}",
    )


@require_POST
@login_required
def focus_area_retire(
    request: "AuthenticatedHttpRequest", region_slug: str, pk: int
) -> HttpResponse:
    region, area = _area_for(request, region_slug, pk)
    retire = request.POST.get("retired") != "no"
    return _one_button(
        request,
        region,
        lambda: services.focus_area_retire(focus_area=area, retired=retire),
        ("change", area, "retire" if retire else "bring back"),
        _("“%(title)s” is retired: networks no longer choose it; earlier choices keep it.")
        % {"title": area.title}
        if retire
        else _("“%(title)s” is offered again.") % {"title": area.title},
        f"area-{area.pk}",
    )


@require_POST
@login_required
def focus_area_delete(
    request: "AuthenticatedHttpRequest", region_slug: str, pk: int
) -> HttpResponse:
    region, area = _area_for(request, region_slug, pk)
    return _one_button(
        request,
        region,
        lambda: services.focus_area_delete(focus_area=area),
        ("delete", area, area.title),
        _("“%(title)s” is deleted.") % {"title": area.title},
    )
