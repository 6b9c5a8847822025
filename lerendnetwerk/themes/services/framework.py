"""A region's own copy of the quality framework, kept by its coordinators: chapters and focus
areas added, reworded, put in order and retired. The shared framework (no region) is for
platform editors in the admin site; these services refuse it.

A focus area that a network chose (in a proposal or as its theme) is never deleted: it can be
retired, so that it is no longer offered while the choices keep it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from lerendnetwerk.core import pagecache
from lerendnetwerk.regions.models import Region

from ..models import Chapter, FocusArea, QualityFramework, Theme, ThemeProposal

TITLE_MAX = 200
DESCRIPTION_MAX = 2000
# Chapter numbers are unique per framework: renumbering first moves them out of the way.
_OUT_OF_THE_WAY = 10000


def _refuse_shared(framework: QualityFramework) -> None:
    if framework.region_id is None:
        raise ValidationError(_("This is the shared framework; only platform editors change it."))


def _clean_title(title: str) -> str:
    title = title.strip()
    if not title:
        raise ValidationError({"title": _("Give it a title.")})
    if len(title) > TITLE_MAX:
        raise ValidationError(
            {"title": _("Keep the title to %(max)d characters.") % {"max": TITLE_MAX}}
        )
    return title


def _clean_description(description: str) -> str:
    description = description.strip()
    if len(description) > DESCRIPTION_MAX:
        raise ValidationError(
            {
                "description": _("Keep the description to %(max)d characters.")
                % {"max": DESCRIPTION_MAX}
            }
        )
    return description


@transaction.atomic
def framework_copy_for_region(*, region: Region) -> QualityFramework:
    """Give the region a framework of its own: a copy of the shared active one, with its
    chapters and the focus areas still in use. From then on the region's networks choose from
    the copy; themes chosen before keep their focus areas. Refused when the region has one."""
    # Two coordinators copying at once: the second waits, then finds the first's copy.
    Region.objects.select_for_update().filter(pk=region.pk).first()
    if QualityFramework.objects.filter(region=region).exists():
        raise ValidationError(_("Your region has a framework of its own already."))
    source = (
        QualityFramework.objects.filter(region__isnull=True, is_active=True).order_by("-pk").first()
    )
    if source is None:
        raise ValidationError(_("There is no shared framework to copy."))
    copy = QualityFramework.objects.create(
        region=region, version=source.version, description=source.description, is_active=True
    )
    for chapter in source.chapters.prefetch_related("focus_areas").order_by("number"):
        own = Chapter.objects.create(framework=copy, number=chapter.number, title=chapter.title)
        FocusArea.objects.bulk_create(
            FocusArea(chapter=own, title=area.title, description=area.description, order=area.order)
            for area in chapter.focus_areas.all()
            if not area.is_retired
        )
    pagecache.changed(copy)
    return copy


def _framework_locked(framework: QualityFramework) -> QualityFramework:
    """The framework's row, locked, so that two coordinators' changes to its order queue."""
    locked = QualityFramework.objects.select_for_update().get(pk=framework.pk)
    _refuse_shared(locked)
    return locked


@transaction.atomic
def chapter_add(*, framework: QualityFramework, title: str) -> Chapter:
    """A new chapter at the end of the region's framework."""
    framework = _framework_locked(framework)
    title = _clean_title(title)
    last = framework.chapters.aggregate(last=Max("number"))["last"] or 0
    return Chapter.objects.create(framework=framework, number=last + 1, title=title)


@transaction.atomic
def chapter_update(*, chapter: Chapter, title: str) -> Chapter:
    _framework_locked(chapter.framework)
    chapter.title = _clean_title(title)
    chapter.save(update_fields=["title"])
    return chapter


@transaction.atomic
def chapter_move(*, chapter: Chapter, up: bool) -> Chapter:
    """Swap the chapter with the one above or below; numbers the chapters 1, 2, 3 …"""
    framework = _framework_locked(chapter.framework)
    chapters = list(framework.chapters.order_by("number", "pk"))
    index = next(i for i, other in enumerate(chapters) if other.pk == chapter.pk)
    target = index - 1 if up else index + 1
    if 0 <= target < len(chapters):
        chapters[index], chapters[target] = chapters[target], chapters[index]
    framework.chapters.update(number=F("number") + _OUT_OF_THE_WAY)
    for number, other in enumerate(chapters, start=1):
        other.number = number
    Chapter.objects.bulk_update(chapters, ["number"])
    pagecache.changed(framework)
    return next(other for other in chapters if other.pk == chapter.pk)


@transaction.atomic
def chapter_delete(*, chapter: Chapter) -> None:
    """Delete an empty chapter (focus areas, also retired ones, keep their chapter); the
    chapters after it move up a number."""
    framework = _framework_locked(chapter.framework)
    if chapter.focus_areas.exists():
        raise ValidationError(
            _("This chapter has focus areas. Retire them instead, or delete them first.")
        )
    chapter.delete()
    chapters = list(framework.chapters.order_by("number", "pk"))
    framework.chapters.update(number=F("number") + _OUT_OF_THE_WAY)
    for number, other in enumerate(chapters, start=1):
        other.number = number
    Chapter.objects.bulk_update(chapters, ["number"])
    pagecache.changed(framework)


@transaction.atomic
def focus_area_add(*, chapter: Chapter, title: str, description: str) -> FocusArea:
    """A new focus area at the end of its chapter; the region's networks can choose it."""
    _framework_locked(chapter.framework)
    title, description = _clean_title(title), _clean_description(description)
    last = chapter.focus_areas.aggregate(last=Max("order"))["last"] or 0
    return FocusArea.objects.create(
        chapter=chapter, title=title, description=description, order=last + 1
    )


@transaction.atomic
def focus_area_update(*, focus_area: FocusArea, title: str, description: str) -> FocusArea:
    """Reword a focus area; themes that chose it show the new wording."""
    _framework_locked(focus_area.chapter.framework)
    focus_area.title = _clean_title(title)
    focus_area.description = _clean_description(description)
    focus_area.save(update_fields=["title", "description"])
    return focus_area


@transaction.atomic
def focus_area_move(*, focus_area: FocusArea, up: bool) -> FocusArea:
    """Swap the focus area with the one above or below in its chapter."""
    _framework_locked(focus_area.chapter.framework)
    areas = list(FocusArea.objects.filter(chapter_id=focus_area.chapter_id).order_by("order", "pk"))
    index = next(i for i, other in enumerate(areas) if other.pk == focus_area.pk)
    target = index - 1 if up else index + 1
    if 0 <= target < len(areas):
        areas[index], areas[target] = areas[target], areas[index]
    for order, other in enumerate(areas, start=1):
        other.order = order
    FocusArea.objects.bulk_update(areas, ["order"])
    pagecache.changed(focus_area.chapter.framework)
    return next(other for other in areas if other.pk == focus_area.pk)


@transaction.atomic
def focus_area_retire(*, focus_area: FocusArea, retired: bool = True) -> FocusArea:
    """Retire a focus area (no longer offered; the choices keep it), or bring it back."""
    _framework_locked(focus_area.chapter.framework)
    focus_area.is_retired = retired
    focus_area.save(update_fields=["is_retired"])
    return focus_area


def focus_area_chosen(focus_area: FocusArea) -> bool:
    """Whether a network chose it: in a theme proposal or as its adopted theme."""
    return (
        ThemeProposal.objects.filter(focus_area=focus_area).exists()
        or Theme.objects.filter(focus_area=focus_area).exists()
    )


@transaction.atomic
def focus_area_delete(*, focus_area: FocusArea) -> None:
    """Delete a focus area no network chose (one added by mistake). Refused for one that a
    proposal or a theme chose: retire it instead."""
    _framework_locked(focus_area.chapter.framework)
    # Locked, so that a proposal choosing it now waits for this transaction and then fails
    # on the missing row, instead of losing its choice silently.
    locked = FocusArea.objects.select_for_update().get(pk=focus_area.pk)
    if focus_area_chosen(locked):
        raise ValidationError(_("A network chose this focus area, so it stays. Retire it instead."))
    locked.delete()
