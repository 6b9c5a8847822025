"""Streaming a stored file to whoever may have it, with a single byte range when the browser asks
for one (a <video> element seeks that way)."""

import re
from collections.abc import Iterator
from typing import IO, Any

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

CHUNK = 64 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _headers(response: HttpResponse | StreamingHttpResponse, *, public: bool) -> None:
    response["X-Content-Type-Options"] = "nosniff"
    # Opened on its own, the file may run nothing and load nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = "private, max-age=60" if public else "private, no-store"


def _range(header: str, size: int) -> tuple[int, int] | None:
    """(first, last) byte of a satisfiable single range; None to send the whole file."""
    match = _RANGE.match(header.strip())
    if match is None or size == 0:
        return None
    first, last = match.groups()
    if first == "":
        if last == "":
            return None
        start, end = max(size - int(last), 0), size - 1
    else:
        start = int(first)
        end = min(int(last), size - 1) if last else size - 1
    if start > end or start >= size:
        raise _Unsatisfiable
    return start, end


class _Unsatisfiable(Exception):
    pass


def _part(handle: IO[Any], start: int, length: int) -> Iterator[bytes]:
    try:
        handle.seek(start)
        while length > 0:
            data = handle.read(min(CHUNK, length))
            if not data:
                break
            length -= len(data)
            yield data
    finally:
        handle.close()


def file_response(
    request: HttpRequest,
    stored: FieldFile,
    *,
    content_type: str,
    filename: str,
    as_attachment: bool,
    public: bool,
) -> FileResponse | StreamingHttpResponse:
    storage, name = stored.storage, stored.name or ""
    try:
        size = storage.size(name)
        handle = storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response: FileResponse | StreamingHttpResponse
    try:
        wanted = _range(request.headers.get("Range", ""), size)
    except _Unsatisfiable:
        handle.close()
        refused = StreamingHttpResponse(iter(()), status=416)
        refused["Content-Range"] = f"bytes */{size}"
        _headers(refused, public=public)
        return refused
    if wanted is None:
        response = FileResponse(
            handle, as_attachment=as_attachment, filename=filename, content_type=content_type
        )
    else:
        start, end = wanted
        response = StreamingHttpResponse(
            _part(handle, start, end - start + 1), status=206, content_type=content_type
        )
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
        disposition = content_disposition_header(as_attachment, filename)
        if disposition:
            response["Content-Disposition"] = disposition
    _headers(response, public=public)
    return response
