"""Films, documents and captions are judged by their content and size, stored under random names
and served only to whoever may read the resource."""

from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse

from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.core.uploads import UploadLimitHandler, sniff
from lerendnetwerk.resources.models import Resource

from .conftest import add
from .files import HTML, MATROSKA, MINIMAL_PDF, MP4, QUICKTIME, SRT, WEBM, WEBVTT, upload

pytestmark = pytest.mark.django_db


def stored_files(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()]


def refusal(region: Any, by: Any, field: str = "file", **extra: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        add(region, by, **extra)
    return " ".join(caught.value.message_dict[field])


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (MP4, "mp4"),
        (WEBM, "webm"),
        (WEBVTT, "webvtt"),
        (b"\xef\xbb\xbfWEBVTT\n", "webvtt"),
        (MINIMAL_PDF, "pdf"),
        (QUICKTIME, None),
        (MATROSKA, None),
        (SRT, None),
        (b"WEBVTTX\n", None),
    ],
)
def test_content_is_recognised_by_its_first_bytes(data, kind):
    assert sniff(data) == kind


def test_a_film_file_is_stored_as_what_it_is(utrecht, coordinator, media):
    film = add(utrecht, coordinator, upload=upload("kring.webm", MP4, "video/webm"))
    assert film.content_type == "video/mp4"
    assert film.original_filename == "kring.mp4"
    webm = add(utrecht, coordinator, title="Tweede", upload=upload("tweede", WEBM))
    assert webm.content_type == "video/webm"
    assert len(stored_files(media)) == 2


@pytest.mark.parametrize(
    ("kind", "data"),
    [("film", MINIMAL_PDF), ("film", QUICKTIME), ("film", MATROSKA), ("article", MP4)],
)
def test_a_file_that_does_not_fit_its_kind_is_refused(utrecht, coordinator, media, kind, data):
    message = refusal(utrecht, coordinator, kind=kind, upload=upload("x.mp4", data))
    assert "MP4" in message or "pdf" in message
    assert not Resource.objects.exists()
    assert stored_files(media) == []


def test_captions_must_be_webvtt(utrecht, coordinator, media):
    for data in (SRT, HTML, b"WEBVTT\n\x00\x01binary"):
        message = refusal(
            utrecht,
            coordinator,
            field="captions",
            upload=upload("kring.mp4", MP4),
            captions=upload("kring.vtt", data, "text/vtt"),
        )
        assert "WebVTT" in message
    # Neither the film nor the captions stayed behind.
    assert stored_files(media) == []


def test_captions_belong_with_a_film_file(utrecht, coordinator):
    message = refusal(
        utrecht, coordinator, field="captions", captions=upload("k.vtt", WEBVTT, "text/vtt")
    )
    assert "filmbestand" in message


def test_a_file_and_a_link_together_are_refused(utrecht, coordinator):
    from lerendnetwerk.resources import services
    from lerendnetwerk.resources.services import ResourceData

    with pytest.raises(ValidationError) as caught:
        services.resource_create(
            region=utrecht,
            added_by=coordinator,
            data=ResourceData(kind="film", title="Kring", url="https://example.org/film"),
            publish=True,
            upload=upload("kring.mp4", MP4),
        )
    assert "niet allebei" in caught.value.message_dict["url"][0]


def test_a_file_over_the_limit_is_refused(utrecht, coordinator, settings, media):
    settings.RESOURCE_MAX_UPLOAD_MB = 0.0005  # about 500 bytes
    message = refusal(utrecht, coordinator, upload=upload("groot.mp4", MP4))
    assert "groter dan 0.0005 MB" in message
    assert stored_files(media) == []


def test_the_stored_path_is_random(utrecht, coordinator):
    first = add(utrecht, coordinator, title="Voorlezen", upload=upload("voorlezen.mp4", MP4))
    second = add(utrecht, coordinator, title="Voorlezen", upload=upload("voorlezen.mp4", MP4))
    for resource in (first, second):
        name = resource.file.name or ""
        assert name.startswith("resources/")
        assert len(name.split("/")[-1]) == 32
        assert "voorlezen" not in name.lower() and str(resource.pk) != name.split("/")[-1]
    assert first.file.name != second.file.name


def test_replacing_by_a_link_and_deleting_remove_the_files(
    utrecht, coordinator, media, django_capture_on_commit_callbacks
):
    from lerendnetwerk.resources import services
    from lerendnetwerk.resources.services import ResourceData

    film = add(
        utrecht,
        coordinator,
        upload=upload("kring.mp4", MP4),
        captions=upload("kring.vtt", WEBVTT, "text/vtt"),
    )
    assert len(stored_files(media)) == 2
    with django_capture_on_commit_callbacks(execute=True):
        film = services.resource_update(
            resource=film,
            data=ResourceData(kind="film", title="Kring", url="https://vimeo.com/76979871"),
        )
    assert stored_files(media) == []
    assert film.url and not film.file and not film.captions
    document = add(
        utrecht, coordinator, kind="article", title="Artikel", upload=upload("a.pdf", MINIMAL_PDF)
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_delete(resource=document)
    assert stored_files(media) == []


# --- Through the form: the limit while the file streams in, and every other field kept


def test_a_file_over_the_limit_is_skipped_while_it_streams_in(
    utrecht, coordinator, settings, media
):
    settings.RESOURCE_MAX_UPLOAD_MB = 0.0005
    response = login(coordinator).post(
        reverse("resources:create", args=["utrecht"]),
        {
            "title": "Onze kring op film",
            "kind": "film",
            "language": "nl",
            "description": "Zo doen wij de kring.",
            "file": upload("groot.mp4", MP4),
            "publish": "1",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "groter dan 0.0005 MB" in page
    assert 'value="Onze kring op film"' in page
    assert "Zo doen wij de kring." in page
    assert not Resource.objects.exists()
    assert stored_files(media) == []


def test_a_view_that_takes_no_files_gets_none():
    """Views without `accepts_uploads` (the knowledge offer's form, say) take no files at all."""
    request = RequestFactory().post(reverse("knowledge:offer_create"))
    handler = UploadLimitHandler(request)
    assert handler.limit == 0
    marked = RequestFactory().post(reverse("resources:create", args=["utrecht"]))
    assert UploadLimitHandler(marked).limit > 100 * 1024 * 1024


# --- Serving


def test_a_film_is_served_in_ranges_to_whoever_may_read_it(client, utrecht, coordinator):
    film = add(utrecht, coordinator, upload=upload("kring.mp4", MP4))
    url = reverse("resources:file", args=["utrecht", film.pk])
    whole = client.get(url)
    assert whole.status_code == 200
    assert whole["Content-Type"] == "video/mp4"
    assert whole["X-Content-Type-Options"] == "nosniff"
    assert whole["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert whole["Accept-Ranges"] == "bytes"
    assert b"".join(whole.streaming_content) == MP4
    part = client.get(url, headers={"Range": "bytes=4-11"})
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 4-11/{len(MP4)}"
    assert b"".join(part.streaming_content) == b"ftypisom"
    tail = client.get(url, headers={"Range": "bytes=-4"})
    assert b"".join(tail.streaming_content) == MP4[-4:]
    assert client.get(url, headers={"Range": f"bytes={len(MP4) + 5}-"}).status_code == 416


def test_a_document_is_a_download(client, utrecht, coordinator):
    document = add(
        utrecht, coordinator, kind="article", title="Artikel", upload=upload("a.pdf", MINIMAL_PDF)
    )
    response = client.get(reverse("resources:file", args=["utrecht", document.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/pdf"


def test_an_unpublished_file_is_not_found_for_others(
    client, utrecht, coordinator, facilitator, outsider
):
    film = add(utrecht, facilitator, upload=upload("kring.mp4", MP4), publish=False)
    url = reverse("resources:file", args=["utrecht", film.pk])
    assert client.get(url).status_code == 404
    assert login(outsider).get(url).status_code == 404
    assert login(facilitator).get(url).status_code == 200
    response = login(coordinator).get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
