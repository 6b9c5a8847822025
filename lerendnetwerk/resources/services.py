"""Writes for the resource library: a coordinator adds, changes, publishes, turns down and deletes
a region's resources; a facilitator suggests one.

A file is checked by its content (`uploads.check_file`, `uploads.check_captions`) and stored under
a random name in the `resources` storage before the row is written; if the row is not written the
file is removed again, and a replaced or deleted file goes once the change is committed.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.core import pagecache
from lerendnetwerk.core.text import NOTES_MAX, refuse_too_long
from lerendnetwerk.core.uploads import CheckedFile, original_name

from . import notifications, selectors
from .models import Resource, ResourcePhase, resource_file_name, resource_storage
from .uploads import check_captions, check_file

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User
    from lerendnetwerk.catalogue.models import Entry
    from lerendnetwerk.regions.models import Region
    from lerendnetwerk.themes.models import FocusArea

TITLE_MAX = 200
SOURCE_MAX = 300
LICENCE_MAX = 200
EXTENT_MAX = 100
DESCRIPTION_MAX = NOTES_MAX


@dataclass
class ResourceData:
    """What a person types about a resource; the files come separately."""

    kind: str
    title: str
    description: str = ""
    language: str = Resource.Language.DUTCH
    minutes: int | None = None
    extent: str = ""
    source: str = ""
    licence: str = ""
    url: str = ""
    phases: list[str] = field(default_factory=list)
    entries: list["Entry"] = field(default_factory=list)
    focus_areas: list["FocusArea"] = field(default_factory=list)


@dataclass
class _Stored:
    file: CheckedFile | None = None
    file_name: str = ""
    captions_name: str = ""
    names: list[str] = field(default_factory=list)


def _refuse_invalid(
    data: ResourceData,
    *,
    upload: File[Any] | None,
    captions: File[Any] | None,
    existing: Resource | None,
) -> None:
    errors: dict[str, list[str]] = {}

    def refuse(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    title = data.title.strip()
    if not title:
        refuse("title", _("Give the resource a title."))
    elif len(title) > TITLE_MAX:
        refuse("title", _("Keep it to %(max)d characters.") % {"max": TITLE_MAX})
    if data.kind not in Resource.Kind.values:
        refuse("kind", _("Choose what kind of resource this is."))
    if data.language not in Resource.Language.values:
        refuse("language", _("Choose the language of the resource."))
    if any(phase not in Phase.values for phase in data.phases):
        refuse("phases", _("Choose phases from the list."))
    url = data.url.strip()
    keeps_file = existing is not None and bool(existing.file) and not url
    has_file = upload is not None or keeps_file
    if upload is not None and url:
        refuse("url", _("Give a file or a web address, not both. Leave the address empty."))
    elif not has_file and not url:
        refuse("url", _("Give the web address where it is, or add the file."))
    if url and urlsplit(url).scheme not in ("http", "https"):
        refuse("url", _("Give a web address starting with https://."))
    if data.kind == Resource.Kind.WEBSITE and has_file:
        refuse("file", _("A website is a web address, not a file."))
    film = data.kind == Resource.Kind.FILM
    if (
        upload is None
        and keeps_file
        and existing is not None
        and existing.is_video_file != film
        and data.kind != Resource.Kind.WEBSITE
    ):
        refuse("file", _("The file does not fit this kind of resource: add another file."))
    if captions is not None and not (film and has_file):
        refuse("captions", _("Captions belong with a film file."))
    if data.minutes is not None and not 0 < data.minutes <= 1440:
        refuse("minutes", _("Give the length in minutes, for example 12."))
    if errors:
        raise ValidationError(errors)
    refuse_too_long(
        {
            "description": (data.description, DESCRIPTION_MAX),
            "source": (data.source, SOURCE_MAX),
            "licence": (data.licence, LICENCE_MAX),
            "extent": (data.extent, EXTENT_MAX),
        }
    )


def _check_and_store(
    data: ResourceData, upload: File[Any] | None, captions: File[Any] | None
) -> _Stored:
    """Check both files first, then store them; nothing is stored when one is refused."""
    errors: dict[str, list[str]] = {}
    checked_file = checked_captions = None
    if upload is not None:
        try:
            checked_file = check_file(upload, film=data.kind == Resource.Kind.FILM)
        except ValidationError as error:
            errors["file"] = error.messages
    if captions is not None:
        try:
            checked_captions = check_captions(captions)
        except ValidationError as error:
            errors["captions"] = error.messages
    if errors:
        raise ValidationError(errors)
    stored = _Stored(file=checked_file)
    storage = resource_storage()
    if checked_file is not None:
        stored.file_name = storage.save(resource_file_name(None, ""), checked_file.content)
        stored.names.append(stored.file_name)
    if checked_captions is not None:
        stored.captions_name = storage.save(resource_file_name(None, ""), checked_captions.content)
        stored.names.append(stored.captions_name)
    return stored


def _delete_on_commit(*names: str) -> None:
    storage = resource_storage()
    gone = [name for name in names if name]

    def delete() -> None:
        for name in gone:
            storage.delete(name)

    if gone:
        transaction.on_commit(delete)


def _apply(
    resource: Resource,
    data: ResourceData,
    stored: _Stored,
    upload: File[Any] | None,
) -> list[str]:
    """Copy the typed data and the stored files onto the row; returns the files it replaced."""
    replaced: list[str] = []
    url = data.url.strip()
    if stored.file_name and upload is not None and stored.file is not None:
        replaced.append(resource.file.name or "")
        resource.file.name = stored.file_name
        resource.original_filename = original_name(upload, stored.file.extension)
        resource.content_type, resource.size = stored.file.content_type, stored.file.size
        resource.url = ""
    elif url:
        replaced += [resource.file.name or "", resource.captions.name or ""]
        resource.file.name = resource.captions.name = ""
        resource.original_filename = resource.content_type = ""
        resource.size = 0
        resource.url = url
    if stored.captions_name:
        replaced.append(resource.captions.name or "")
        resource.captions.name = stored.captions_name
    if not resource.is_video_file and resource.captions:
        replaced.append(resource.captions.name or "")
        resource.captions.name = ""
    resource.kind, resource.title = data.kind, data.title.strip()
    resource.description, resource.language = data.description.strip(), data.language
    resource.minutes = data.minutes if data.kind == Resource.Kind.FILM else None
    resource.extent = "" if data.kind == Resource.Kind.FILM else data.extent.strip()
    resource.source, resource.licence = data.source.strip(), data.licence.strip()
    kept = {resource.file.name, resource.captions.name}
    return [name for name in replaced if name and name not in kept]


def _tag(resource: Resource, data: ResourceData) -> None:
    ResourcePhase.objects.filter(resource=resource).delete()
    ResourcePhase.objects.bulk_create(
        [ResourcePhase(resource=resource, phase=phase) for phase in dict.fromkeys(data.phases)]
    )
    pagecache.changed(resource)
    resource.entries.set(data.entries)
    resource.focus_areas.set(data.focus_areas)


def _write(
    resource: Resource,
    data: ResourceData,
    *,
    upload: File[Any] | None,
    captions: File[Any] | None,
    status_change: Any = None,
) -> Resource:
    _refuse_invalid(
        data, upload=upload, captions=captions, existing=resource if resource.pk else None
    )
    stored = _check_and_store(data, upload, captions)
    try:
        with transaction.atomic():
            if resource.pk:
                resource = Resource.objects.select_for_update().get(pk=resource.pk)
            replaced = _apply(resource, data, stored, upload)
            if status_change is not None:
                status_change(resource)
            resource.updated_at = timezone.now()
            resource.save()
            _tag(resource, data)
            _delete_on_commit(*replaced)
            return resource
    except BaseException:
        storage = resource_storage()
        for name in stored.names:
            storage.delete(name)
        raise


def resource_create(
    *,
    region: "Region",
    added_by: "User",
    data: ResourceData,
    publish: bool,
    upload: File[Any] | None = None,
    captions: File[Any] | None = None,
) -> Resource:
    """A coordinator adds a resource to the region's library, published or not yet.

    Refuses a file that is not what the kind needs (a film MP4 or WebM, a document PDF, by
    content) or too large, captions that are not WebVTT or without a film file, a file and a
    web address together, and a web address that is not http(s).
    """
    now = timezone.now()
    resource = Resource(region=region, suggested_by=added_by, created_at=now)

    def status(row: Resource) -> None:
        row.status = Resource.Status.PUBLISHED if publish else Resource.Status.SUGGESTED
        if publish:
            row.reviewed_by, row.reviewed_at = added_by, now

    return _write(resource, data, upload=upload, captions=captions, status_change=status)


def resource_suggest(
    *,
    region: "Region",
    suggested_by: "User",
    data: ResourceData,
    upload: File[Any] | None = None,
    captions: File[Any] | None = None,
) -> Resource:
    """A facilitator suggests a resource: it waits for a coordinator of the region, who is told
    by e-mail in their own language once the suggestion is saved. Refuses what
    `resource_create` refuses."""
    resource = Resource(region=region, suggested_by=suggested_by, created_at=timezone.now())
    saved = _write(resource, data, upload=upload, captions=captions)
    notifications.tell_coordinators_suggested(
        saved, list(selectors.region_coordinators(region=region))
    )
    return saved


def resource_update(
    *,
    resource: Resource,
    data: ResourceData,
    upload: File[Any] | None = None,
    captions: File[Any] | None = None,
) -> Resource:
    """A coordinator changes a resource; a new file replaces the old one, a web address replaces
    the file (and its captions). Its status stays."""
    return _write(resource, data, upload=upload, captions=captions)


def resource_publish(*, resource: Resource, reviewed_by: "User") -> Resource:
    """Show the resource on the region's public pages (a suggestion, or one turned down)."""
    with transaction.atomic():
        resource = Resource.objects.select_for_update().get(pk=resource.pk)
        resource.status = Resource.Status.PUBLISHED
        resource.reviewed_by, resource.reviewed_at = reviewed_by, timezone.now()
        resource.review_note = ""
        resource.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
    return resource


def resource_reject(*, resource: Resource, reviewed_by: "User", note: str = "") -> Resource:
    """Turn a suggestion down (or take a published resource off the public pages), with a note
    the suggester reads on their page of suggestions."""
    refuse_too_long({"note": (note, NOTES_MAX)})
    with transaction.atomic():
        resource = Resource.objects.select_for_update().get(pk=resource.pk)
        resource.status = Resource.Status.REJECTED
        resource.reviewed_by, resource.reviewed_at = reviewed_by, timezone.now()
        resource.review_note = note.strip()
        resource.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
    return resource


def resource_delete(*, resource: Resource) -> None:
    """Delete the resource; its files go from the storage once that is committed."""
    with transaction.atomic():
        names = (resource.file.name or "", resource.captions.name or "")
        resource.delete()
        _delete_on_commit(*names)
