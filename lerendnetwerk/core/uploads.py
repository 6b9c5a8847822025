"""What every upload of the platform shares: the size limit enforced while the file streams in,
recognising a file by its content (never by its name or by the type the browser sent), plain-text
checks and random storage names. Each app that takes files decides what it allows
(`showcases/uploads.py`, `resources/uploads.py`; see docs/uploads.md).

A view that takes files names its size limit's setting with `@accepts_uploads("..._MB")`.
`UploadLimitHandler` (first in FILE_UPLOAD_HANDLERS) reads it from the view the request goes to
and skips a file as soon as it passes the limit: nothing of it is kept in memory or on disk, and
the rest of the form still arrives, so the person keeps what they typed. A view without the mark
takes no files at all.
"""

import codecs
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.base import File
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest
from django.urls import Resolver404, resolve

HEAD_BYTES = 4096
REFUSED_SIZE_ATTRIBUTE = "uploads_too_large"
LIMIT_ATTRIBUTE = "upload_limit_setting"
# Control characters other than tab, newline, form feed and carriage return: a binary file.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")

# ISO base media (MP4) brands that browsers play in a <video> element; QuickTime ("qt  ") and
# 3GP are left out.
MP4_BRANDS = frozenset(
    {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ", b"dash"}
)


def accepts_uploads[F: Callable[..., Any]](setting: str) -> Callable[[F], F]:
    """Mark a view as taking files of at most `settings.<setting>` megabytes."""

    def mark(view: F) -> F:
        setattr(view, LIMIT_ATTRIBUTE, setting)
        return view

    return mark


def limit_mb(setting: str) -> float:
    return float(getattr(settings, setting))


def limit_bytes(setting: str) -> int:
    return int(limit_mb(setting) * 1024 * 1024)


def _limit_of(request: HttpRequest | None) -> int:
    """The byte limit of the view the request goes to; 0 (no files) for a view without one."""
    if request is None:
        return 0
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return 0
    setting = getattr(match.func, LIMIT_ATTRIBUTE, None)
    return limit_bytes(setting) if setting else 0


class UploadLimitHandler(FileUploadHandler):
    """Skips every uploaded file that grows past its view's limit, and notes its field on the
    request so that the form can say why."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.received = 0
        self.limit = _limit_of(request)

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.limit:
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


def random_name(folder: str) -> str:
    """A storage name that says nothing about the file, its owner or its title, and cannot be
    guessed from an id: `<folder>/<32 hexadecimal characters>`."""
    return f"{folder}/{uuid.uuid4().hex}"


def original_name(upload: File[Any], extension: str, fallback: str = "bestand") -> str:
    """The name as uploaded, with the extension of what the file turned out to be."""
    name = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1].strip() or fallback
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return f"{stem[:200]}{extension}"


def head(upload: File[Any]) -> bytes:
    """The file's first bytes; the file is rewound."""
    upload.seek(0)
    data = upload.read(HEAD_BYTES)
    upload.seek(0)
    return bytes(data)


def sniff(data: bytes) -> str | None:
    """What the first bytes say the file is: "pdf", "png", "jpeg", "webp", "zip", "mp4",
    "webm", "webvtt", or None. WebVTT is also text: check it with `is_plain_text` as well."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data[4:8] == b"ftyp" and data[8:12] in MP4_BRANDS:
        return "mp4"
    # EBML with the document type "webm" (Matroska's "matroska" is another format).
    if data.startswith(b"\x1a\x45\xdf\xa3") and b"\x42\x82\x84webm" in data[:64]:
        return "webm"
    text = data.removeprefix(b"\xef\xbb\xbf")
    if text.startswith(b"WEBVTT") and (len(text) == 6 or text[6:7] in (b" ", b"\t", b"\n", b"\r")):
        return "webvtt"
    return None


def is_plain_text(upload: File[Any]) -> bool:
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


def is_markup(upload: File[Any]) -> bool:
    """Text that a browser would take for SVG, HTML or XML (and run its scripts)."""
    text = head(upload).decode("utf-8-sig", errors="ignore").lstrip().lower()
    return text.startswith("<") or "<svg" in text or "<script" in text or "<html" in text
