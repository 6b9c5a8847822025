"""What an uploaded file really is, decided by its content: never by its name or by the type the
browser sent.

Allowed: PDF, PNG, JPEG, WebP, Word/Excel/PowerPoint (DOCX, XLSX, PPTX: a ZIP whose
`[Content_Types].xml` names the document's main part) and plain UTF-8 text. Everything else is
refused, SVG and HTML among it (they can carry scripts). Images are decoded and saved again with
Pillow, which both proves they are images and drops their metadata (EXIF with GPS positions,
camera serial numbers, comments).

The size limit (`SHOWCASE_MAX_UPLOAD_MB`) is enforced while the upload streams in
(`UploadLimitHandler`): a file over it is skipped without being kept in memory or on disk, and
the rest of the form still arrives, so the person keeps what they typed.
"""

import codecs
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

HEAD_BYTES = 4096
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
# Control characters other than tab, newline, form feed and carriage return: a binary file.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")

REFUSED_SIZE_ATTRIBUTE = "showcase_uploads_too_large"


def max_upload_bytes() -> int:
    return int(settings.SHOWCASE_MAX_UPLOAD_MB * 1024 * 1024)


def too_large_message() -> str:
    return _(
        "This file is larger than %(mb)s MB. Make it smaller (for example a photo at a lower "
        "resolution), or share it as a link."
    ) % {"mb": f"{settings.SHOWCASE_MAX_UPLOAD_MB:g}"}


def not_allowed_message() -> str:
    return _(
        "This kind of file cannot be added. Choose a PDF, a photo (PNG, JPEG or WebP), a Word, "
        "Excel or PowerPoint file (docx, xlsx, pptx) or a plain text file; share a film as a link."
    )


class UploadLimitHandler(FileUploadHandler):
    """Skips every uploaded file that grows past the limit (first in FILE_UPLOAD_HANDLERS), and
    notes its field on the request so that the form can say why."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.received = 0

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > max_upload_bytes():
            if self.request is not None:
                refused: set[str] = getattr(self.request, REFUSED_SIZE_ATTRIBUTE, set())
                refused.add(self.field_name)
                setattr(self.request, REFUSED_SIZE_ATTRIBUTE, refused)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def refused_as_too_large(request: HttpRequest) -> set[str]:
    """The file fields of this request whose upload was skipped for its size."""
    return set(getattr(request, REFUSED_SIZE_ATTRIBUTE, set()))


@dataclass(frozen=True)
class CheckedFile:
    content: File[Any]
    content_type: str
    extension: str
    size: int


def check_upload(upload: File[Any]) -> CheckedFile:
    """The file as it will be stored, or ValidationError with a message a person can act on.

    Images come back re-encoded (without metadata); other files unchanged.
    """
    size = upload.size or 0
    if size > max_upload_bytes():
        raise ValidationError(too_large_message(), code="too_large")
    if size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return CheckedFile(upload, "application/pdf", ".pdf", size)
    if (
        head.startswith(b"\x89PNG\r\n\x1a\n")
        or head.startswith(b"\xff\xd8\xff")
        or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")
    ):
        return _reencoded_image(upload)
    if head.startswith(b"PK\x03\x04"):
        return _office_document(upload, size)
    if _is_plain_text(upload):
        if _is_markup(upload):
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


def _is_plain_text(upload: File[Any]) -> bool:
    """UTF-8 throughout without control characters. Read in chunks: the whole file is never in
    memory at once."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        for chunk in upload.chunks():
            if _CONTROL.search(decoder.decode(chunk)):
                return False
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        upload.seek(0)
    return True


def _is_markup(upload: File[Any]) -> bool:
    """Text that a browser would take for SVG, HTML or XML (and run its scripts)."""
    head = upload.read(HEAD_BYTES).decode("utf-8-sig", errors="ignore").lstrip().lower()
    upload.seek(0)
    return head.startswith("<") or "<svg" in head or "<script" in head or "<html" in head
