"""Writes for a network's results: add, change, delete, publish and unpublish.

A file is checked by its content (`uploads.check_upload`) and stored under a random name in the
`showcases` storage before the row is written; if the row is not written the file is removed
again, and a replaced or deleted file goes once the change is committed.
"""

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerendnetwerk.core.text import NOTES_MAX, refuse_too_long
from lerendnetwerk.core.uploads import original_name
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Membership

from .models import Showcase, showcase_file_name, showcase_storage
from .uploads import CheckedFile, check_upload

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User
    from lerendnetwerk.networks.models import Network

TITLE_MAX = 200


def _refuse_invalid(
    *,
    title: str,
    description: str,
    kind: str,
    upload: Any,
    link: str,
    consent: bool,
    has_file_already: bool,
) -> None:
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors.setdefault("title", []).append(_("Give the result a title."))
    elif len(title.strip()) > TITLE_MAX:
        errors.setdefault("title", []).append(
            _("Keep it to %(max)d characters.") % {"max": TITLE_MAX}
        )
    if kind not in Showcase.Kind.values:
        errors.setdefault("kind", []).append(_("Choose what kind of result this is."))
    has_file = upload is not None or (has_file_already and not link)
    if upload is not None and link:
        errors.setdefault("link", []).append(
            _("Add a file or a link, not both. Leave the link empty to keep the file.")
        )
    elif not has_file and not link:
        errors.setdefault("file", []).append(_("Add a file, or give a link to where it is."))
    if link and urlsplit(link).scheme not in ("http", "https"):
        errors.setdefault("link", []).append(_("Give a web address starting with https://."))
    if kind == Showcase.Kind.FILM and has_file:
        errors.setdefault("file", []).append(
            _("Share a film as a link to where it is (a video platform); films are not uploaded.")
        )
    if kind in Showcase.NEEDS_CONSENT and not consent:
        errors.setdefault("consent", []).append(
            _(
                "Confirm that the people who can be seen or heard agreed to publication. Ask "
                "them first, or choose another kind of result."
            )
        )
    if errors:
        raise ValidationError(errors)
    refuse_too_long({"description": (description, NOTES_MAX)})


def _checked(upload: File[Any] | None) -> CheckedFile | None:
    if upload is None:
        return None
    try:
        return check_upload(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None


def _store(checked: CheckedFile) -> str:
    """Save the file under a fresh random name; returns that name."""
    return showcase_storage().save(showcase_file_name(None, ""), checked.content)


def _delete_file_on_commit(name: str) -> None:
    if name:
        storage = showcase_storage()
        transaction.on_commit(lambda: storage.delete(name))


def _original_name(upload: File[Any], checked: CheckedFile) -> str:
    """The name as uploaded, with the extension of what the file turned out to be."""
    return original_name(upload, checked.extension)


def showcase_create(
    *,
    network: "Network",
    uploaded_by: "User",
    title: str,
    description: str,
    kind: str,
    upload: File[Any] | None = None,
    link: str = "",
    consent: bool = False,
) -> Showcase:
    """Add a result of the network's current cycle: a checked file or a link, never both.

    Refuses a file that is not of an allowed kind (by content) or too large, a film as a file,
    and a photo, film or interview without the confirmation that the people shown agreed.
    """
    link = link.strip()
    _refuse_invalid(
        title=title,
        description=description,
        kind=kind,
        upload=upload,
        link=link,
        consent=consent,
        has_file_already=False,
    )
    checked = _checked(upload)
    now = timezone.now()
    stored = _store(checked) if checked is not None else ""
    try:
        with transaction.atomic():
            return Showcase.objects.create(
                network=network,
                cycle=network.current_cycle,
                title=title.strip(),
                description=description.strip(),
                kind=kind,
                file=stored,
                original_filename=_original_name(upload, checked) if upload and checked else "",
                content_type=checked.content_type if checked else "",
                size=checked.size if checked else 0,
                link="" if stored else link,
                consent_confirmed_at=now if consent else None,
                consent_confirmed_by=uploaded_by if consent else None,
                uploaded_by=uploaded_by,
                created_at=now,
                updated_at=now,
            )
    except BaseException:
        if stored:
            showcase_storage().delete(stored)
        raise


def showcase_update(
    *,
    showcase: Showcase,
    changed_by: "User",
    title: str,
    description: str,
    kind: str,
    upload: File[Any] | None = None,
    link: str = "",
    consent: bool = False,
) -> Showcase:
    """Change a result; a new file replaces the old one, a link replaces the file.

    A published result that someone other than a facilitator gives another file, link or kind
    goes back to unpublished: the facilitator looks at it again before it is public.
    """
    link = link.strip()
    _refuse_invalid(
        title=title,
        description=description,
        kind=kind,
        upload=upload,
        link=link,
        consent=consent,
        has_file_already=bool(showcase.file),
    )
    checked = _checked(upload)
    stored = _store(checked) if checked is not None else ""
    old_file = showcase.file.name or ""
    try:
        with transaction.atomic():
            showcase = Showcase.objects.select_for_update().get(pk=showcase.pk)
            content_changed = bool(stored) or kind != showcase.kind or link != showcase.link
            if stored and upload is not None and checked is not None:
                showcase.file.name = stored
                showcase.original_filename = _original_name(upload, checked)
                showcase.content_type = checked.content_type
                showcase.size = checked.size
                showcase.link = ""
            elif link:
                showcase.file.name = ""
                showcase.original_filename = showcase.content_type = ""
                showcase.size = 0
                showcase.link = link
            now = timezone.now()
            if consent and showcase.consent_confirmed_at is None:
                showcase.consent_confirmed_at, showcase.consent_confirmed_by = now, changed_by
            elif not consent:
                showcase.consent_confirmed_at, showcase.consent_confirmed_by = None, None
            showcase.title, showcase.description = title.strip(), description.strip()
            showcase.kind = kind
            roles = network_selectors.member_roles(network=showcase.network_id, user=changed_by)
            if content_changed and Membership.Role.FACILITATOR not in roles:
                showcase.published_at, showcase.published_by = None, None
            showcase.updated_at = now
            showcase.save()
            if old_file and old_file != showcase.file.name:
                _delete_file_on_commit(old_file)
            return showcase
    except BaseException:
        if stored:
            showcase_storage().delete(stored)
        raise


def showcase_delete(*, showcase: Showcase) -> None:
    """Delete the result; its file goes from the storage once that is committed."""
    with transaction.atomic():
        name = showcase.file.name or ""
        showcase.delete()
        _delete_file_on_commit(name)


def showcase_publish(*, showcase: Showcase, published_by: "User") -> Showcase:
    """Show the result on the network's public page. Refuses a photo, film or interview whose
    consent has not been confirmed."""
    with transaction.atomic():
        showcase = Showcase.objects.select_for_update().get(pk=showcase.pk)
        if showcase.needs_consent and showcase.consent_confirmed_at is None:
            raise ValidationError(
                _(
                    "“%(title)s” shows people: it can be published once someone confirms that "
                    "they agreed. Edit the result and confirm their consent first."
                )
                % {"title": showcase.title}
            )
        if showcase.published_at is None:
            showcase.published_at, showcase.published_by = timezone.now(), published_by
            showcase.save(update_fields=["published_at", "published_by"])
        return showcase


def showcase_unpublish(*, showcase: Showcase) -> Showcase:
    """Take the result off the public page (it stays with the network)."""
    with transaction.atomic():
        showcase = Showcase.objects.select_for_update().get(pk=showcase.pk)
        showcase.published_at, showcase.published_by = None, None
        showcase.save(update_fields=["published_at", "published_by"])
        return showcase
