"""What an uploaded file really is, decided by its content: never by its name or by the type the
browser sent.

Allowed: PDF, PNG, JPEG, WebP, Word/Excel/PowerPoint (DOCX, XLSX, PPTX: a ZIP whose
`[Content_Types].xml` names the document's main part) and plain UTF-8 text. Everything else is
refused, SVG and HTML among it (they can carry scripts). Images are decoded and saved again with
Pillow, which both proves they are images and drops their metadata (EXIF with GPS positions,
camera serial numbers, comments).

The size limit (`SHOWCASE_MAX_UPLOAD_MB`) is enforced while the upload streams in
(`core.uploads.UploadLimitHandler`, for the views marked `@accepts_uploads(SETTING)`): a file over
it is skipped without being kept in memory or on disk, and the rest of the form still arrives, so
the person keeps what they typed. Recognising content and random names are `core/uploads.py`.
"""

import io
import zipfile
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from lerendnetwerk.core.uploads import (
    CheckedFile,
    UploadLimitHandler,
    head,
    is_markup,
    is_plain_text,
    limit_bytes,
    limit_mb,
    refused_as_too_large,
    sniff,
)

__all__ = ["CheckedFile", "UploadLimitHandler", "check_upload", "refused_as_too_large"]

SETTING = "SHOWCASE_MAX_UPLOAD_MB"
# Larger images are refused before decoding: a small file can unpack into gigabytes.
MAX_IMAGE_PIXELS = 40_000_000
# A [Content_Types].xml is a few kilobytes; a large one is not an Office document.
MAX_CONTENT_TYPES_XML = 256 * 1024

OOXML = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx",
    ),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".xlsx",
    ),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ".pptx",
    ),
}
IMAGE_FORMATS = {
    "PNG": ("image/png", ".png"),
    "JPEG": ("image/jpeg", ".jpg"),
    "WEBP": ("image/webp", ".webp"),
}
TEXT_CONTENT_TYPE = "text/plain; charset=utf-8"


def max_upload_bytes() -> int:
    return limit_bytes(SETTING)


def too_large_message() -> str:
    return _(
        "This file is larger than %(mb)s MB. Make it smaller (for example a photo at a lower "
        "resolution), or share it as a link."
    ) % {"mb": f"{limit_mb(SETTING):g}"}


def not_allowed_message() -> str:
    return _(
        "This kind of file cannot be added. Choose a PDF, a photo (PNG, JPEG or WebP), a Word, "
        "Excel or PowerPoint file (docx, xlsx, pptx) or a plain text file; share a film as a link."
    )


def check_upload(upload: File[Any]) -> CheckedFile:
    """The file as it will be stored, or ValidationError with a message a person can act on.

    Images come back re-encoded (without metadata); other files unchanged.
    """
    size = upload.size or 0
    if size > max_upload_bytes():
        raise ValidationError(too_large_message(), code="too_large")
    if size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    kind = sniff(head(upload))
    if kind == "pdf":
        return CheckedFile(upload, "application/pdf", ".pdf", size)
    if kind in ("png", "jpeg", "webp"):
        return _reencoded_image(upload)
    if kind == "zip":
        return _office_document(upload, size)
    if is_plain_text(upload):
        if is_markup(upload):
            raise ValidationError(
                _(
                    "SVG, HTML and XML files can contain scripts and cannot be added. Save a "
                    "picture as PNG or JPEG, a document as PDF."
                ),
                code="markup",
            )
        return CheckedFile(upload, TEXT_CONTENT_TYPE, ".txt", size)
    raise ValidationError(not_allowed_message(), code="not_allowed")


def _reencoded_image(upload: File[Any]) -> CheckedFile:
    broken = ValidationError(
        _("This image could not be read. Save it again as PNG or JPEG and try once more."),
        code="broken_image",
    )
    try:
        with Image.open(upload) as image:
            if image.format not in IMAGE_FORMATS:
                raise ValidationError(not_allowed_message(), code="not_allowed")
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("This image has too many pixels. Save it at a lower resolution."),
                    code="too_many_pixels",
                )
            image_format = image.format
            image.load()
            # Keep the way the photo was taken (upright) before its EXIF goes.
            clean = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise broken from None
    transparency = clean.info.get("transparency")
    # Nothing of the original's metadata goes along: EXIF, XMP, ICC, comments, text chunks.
    clean.info = {}
    options: dict[str, Any] = {}
    if image_format == "PNG":
        if transparency is not None:
            options["transparency"] = transparency
        options["optimize"] = True
    elif image_format == "JPEG":
        if clean.mode not in ("RGB", "L", "CMYK"):
            clean = clean.convert("RGB")
        options["quality"] = 90
    else:
        options["quality"] = 90
    out = io.BytesIO()
    clean.save(out, format=image_format, **options)
    content_type, extension = IMAGE_FORMATS[image_format]
    data = out.getvalue()
    if len(data) > max_upload_bytes():
        raise ValidationError(too_large_message(), code="too_large")
    return CheckedFile(ContentFile(data), content_type, extension, len(data))


def _office_document(upload: File[Any], size: int) -> CheckedFile:
    try:
        with zipfile.ZipFile(upload) as archive:
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > MAX_CONTENT_TYPES_XML:
                raise ValidationError(not_allowed_message(), code="not_allowed")
            content_types = archive.read(info)
    except (KeyError, zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError):
        raise ValidationError(not_allowed_message(), code="not_allowed") from None
    finally:
        upload.seek(0)
    for main_part, (content_type, extension) in OOXML.items():
        if f'ContentType="{main_part}"'.encode() in content_types:
            return CheckedFile(upload, content_type, extension, size)
    # A ZIP, or an Office file with macros (docm, xlsm: another main part), is not accepted.
    raise ValidationError(not_allowed_message(), code="not_allowed")
