"""What the library accepts as a file, decided by its content (`core.uploads.sniff`): a film as
MP4 or WebM, a document as PDF, captions as WebVTT. Everything else is refused with a message
that says what is allowed. The size limit is `RESOURCE_MAX_UPLOAD_MB`, enforced while the upload
streams in for the views marked `@accepts_uploads(SETTING)`.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.utils.translation import gettext as _

from lerendnetwerk.core.uploads import (
    CheckedFile,
    head,
    is_markup,
    is_plain_text,
    limit_bytes,
    limit_mb,
    sniff,
)

SETTING = "RESOURCE_MAX_UPLOAD_MB"
# Captions of a long film are some hundreds of kilobytes.
MAX_CAPTIONS_BYTES = 2 * 1024 * 1024

FILMS = {"mp4": ("video/mp4", ".mp4"), "webm": ("video/webm", ".webm")}
DOCUMENTS = {"pdf": ("application/pdf", ".pdf")}
CAPTIONS_CONTENT_TYPE = "text/vtt; charset=utf-8"


def too_large_message() -> str:
    return _(
        "This file is larger than %(mb)s MB. Make it smaller, or give a link to where it is."
    ) % {"mb": f"{limit_mb(SETTING):g}"}


def _size(upload: File[Any], limit: int) -> int:
    size = upload.size or 0
    if size > limit:
        raise ValidationError(too_large_message(), code="too_large")
    if size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    return size


def check_file(upload: File[Any], *, film: bool) -> CheckedFile:
    """A film (MP4, WebM) or a document (PDF), by its content; else ValidationError."""
    size = _size(upload, limit_bytes(SETTING))
    allowed = FILMS if film else DOCUMENTS
    kind = sniff(head(upload))
    if kind in allowed:
        content_type, extension = allowed[kind]
        return CheckedFile(upload, content_type, extension, size)
    if film:
        raise ValidationError(
            _(
                "This file is no film the platform can show. Choose an MP4 or WebM file, or "
                "give a link to where the film is."
            ),
            code="not_allowed",
        )
    raise ValidationError(
        _("This kind of file cannot be added. Choose a PDF, or give a link to where it is."),
        code="not_allowed",
    )


def check_captions(upload: File[Any]) -> CheckedFile:
    """WebVTT captions: UTF-8 text that starts with "WEBVTT" and is no HTML or SVG."""
    if (upload.size or 0) > MAX_CAPTIONS_BYTES:
        raise ValidationError(
            _("A captions file is at most 2 MB: check that you chose the captions."),
            code="too_large",
        )
    size = _size(upload, MAX_CAPTIONS_BYTES)
    if sniff(head(upload)) != "webvtt" or not is_plain_text(upload) or is_markup(upload):
        raise ValidationError(
            _(
                "Captions must be a WebVTT file (.vtt, starting with WEBVTT). Most subtitle "
                "programs can save one."
            ),
            code="not_webvtt",
        )
    return CheckedFile(upload, CAPTIONS_CONTENT_TYPE, ".vtt", size)
