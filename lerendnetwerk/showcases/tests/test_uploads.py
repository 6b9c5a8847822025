"""Uploads are judged by their content, with real files: names and browser types may lie."""

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from lerendnetwerk.accounts.models import User
from lerendnetwerk.networks.models import Network
from lerendnetwerk.showcases import services
from lerendnetwerk.showcases.models import Showcase

from .files import (
    DOCM_MAIN,
    EXE,
    MINIMAL_PDF,
    SVG_WITH_SCRIPT,
    docx_bytes,
    jpeg_with_gps,
    png_bytes,
    upload,
    zip_bytes,
)

pytestmark = pytest.mark.django_db


def add(
    network: Network, person: User, file: Any, kind: str = "document", **extra: Any
) -> Showcase:
    return services.showcase_create(
        network=network,
        uploaded_by=person,
        title=extra.pop("title", "Ons overdrachtsformulier"),
        description="",
        kind=kind,
        upload=file,
        **extra,
    )


def refusal(network: Network, person: User, file: Any, **extra: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        add(network, person, file, **extra)
    return " ".join(caught.value.message_dict["file"])


def stored_files(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()]


def test_a_pdf_is_stored_as_pdf(network, participant, media):
    showcase = add(network, participant, upload("verslag.pdf", MINIMAL_PDF))
    assert showcase.content_type == "application/pdf"
    assert showcase.original_filename == "verslag.pdf"
    with showcase.file.open("rb") as stored:
        assert stored.read() == MINIMAL_PDF


def test_a_png_named_pdf_is_stored_as_png(network, participant):
    showcase = add(network, participant, upload("poster.pdf", png_bytes()), kind="text")
    assert showcase.content_type == "image/png"
    # The download is named after what it is, not what it was called.
    assert showcase.original_filename == "poster.png"
    with showcase.file.open("rb") as stored, Image.open(stored) as image:
        assert image.format == "PNG"
        assert image.size == (40, 30)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("verslag.pdf", EXE),
        ("verslag.pdf", zip_bytes({"readme.txt": "hallo"})),
        ("verslag.docx", zip_bytes({"readme.txt": "hallo"})),
        ("macro.docx", docx_bytes(main=DOCM_MAIN)),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
    ],
    ids=["exe-as-pdf", "zip-as-pdf", "zip-as-docx", "docm-as-docx", "broken-png"],
)
def test_files_that_are_not_what_they_claim_are_refused(network, participant, media, name, data):
    message = refusal(network, participant, upload(name, data))
    assert message
    assert not Showcase.objects.exists()
    assert stored_files(media) == []


def test_the_refusal_says_what_is_allowed_in_dutch(network, participant):
    message = refusal(network, participant, upload("setup.pdf", EXE))
    assert "PDF" in message
    assert "link" in message
    assert "kan niet" in message or "kunnen niet" in message


def test_an_svg_with_a_script_is_refused_whatever_its_name(network, participant, media):
    for name in ("tekening.svg", "tekening.png", "tekening.txt"):
        message = refusal(network, participant, upload(name, SVG_WITH_SCRIPT, "image/svg+xml"))
        assert "SVG" in message
    assert stored_files(media) == []


def test_html_posing_as_text_is_refused(network, participant):
    html = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
    assert "HTML" in refusal(network, participant, upload("notities.txt", html, "text/plain"))


def test_a_word_document_and_plain_text_are_accepted(network, participant):
    docx = add(network, participant, upload("plan.pdf", docx_bytes()))
    assert docx.content_type.endswith("wordprocessingml.document")
    assert docx.original_filename == "plan.docx"
    text = add(network, participant, upload("tips", "Samen lezen, élke dag.\n".encode()))
    assert text.content_type == "text/plain; charset=utf-8"
    assert text.original_filename == "tips.txt"


def test_binary_data_is_not_plain_text(network, participant):
    refusal(network, participant, upload("data.txt", b"abc\x00\x01\x02def", "text/plain"))


def test_a_file_over_the_limit_is_refused(network, participant, settings, media):
    settings.SHOWCASE_MAX_UPLOAD_MB = 0.001  # about 1 kB
    message = refusal(network, participant, upload("groot.pdf", MINIMAL_PDF + b" " * 2000))
    assert "groter dan 0.001 MB" in message
    assert stored_files(media) == []


def test_a_photo_loses_its_exif_and_gps(network, participant):
    original = jpeg_with_gps()
    with Image.open(io.BytesIO(original)) as image:
        assert image.getexif().get_ifd(0x8825)  # the test photo really carries a position
    showcase = add(network, participant, upload("kring.jpg", original), kind="photo", consent=True)
    assert showcase.content_type == "image/jpeg"
    with showcase.file.open("rb") as stored:
        data = stored.read()
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert len(image.getexif()) == 0
        assert "exif" not in image.info
        assert "comment" not in image.info
    assert b"Telefoon" not in data
    assert b"GPS" not in data


def test_the_stored_path_is_random(network, participant):
    first = add(network, participant, upload("a.pdf", MINIMAL_PDF), title="Woordenschat")
    second = add(network, participant, upload("a.pdf", MINIMAL_PDF), title="Woordenschat")
    for showcase in (first, second):
        name = showcase.file.name or ""
        assert name.startswith("showcases/")
        assert name.split("/")[-1] != str(showcase.pk)
        for clue in ("woordenschat", "a.pdf", network.slug):
            assert clue not in name.lower()
        # 32 hexadecimal characters of a random UUID.
        assert len(name.split("/")[-1]) == 32
    assert first.file.name != second.file.name


def test_a_film_is_a_link_not_a_file(network, participant):
    with pytest.raises(ValidationError) as caught:
        add(network, participant, upload("film.pdf", MINIMAL_PDF), kind="film", consent=True)
    assert "link" in caught.value.message_dict["file"][0]
    film = services.showcase_create(
        network=network,
        uploaded_by=participant,
        title="Een ochtend in groep 1",
        description="",
        kind="film",
        link="https://video.example.org/ochtend",
        consent=True,
    )
    assert film.link and not film.file


def test_a_link_must_be_a_web_address(network, participant):
    with pytest.raises(ValidationError) as caught:
        services.showcase_create(
            network=network,
            uploaded_by=participant,
            title="Film",
            description="",
            kind="text",
            link="javascript:alert(1)",
        )
    assert "link" in caught.value.message_dict


def test_photos_films_and_interviews_need_consent(network, participant):
    for kind in ("photo", "film", "interview"):
        with pytest.raises(ValidationError) as caught:
            services.showcase_create(
                network=network,
                uploaded_by=participant,
                title="Kring",
                description="",
                kind=kind,
                link="https://video.example.org/kring",
            )
        assert "consent" in caught.value.message_dict


def test_consent_is_kept_with_who_and_when(network, participant):
    photo = add(network, participant, upload("kring.png", png_bytes()), kind="photo", consent=True)
    assert photo.consent_confirmed_by == participant
    assert photo.consent_confirmed_at is not None


def test_publishing_needs_consent(network, participant, facilitator):
    # A photo without consent can only exist from before the rule (or the admin site).
    photo = Showcase.objects.create(
        network=network, title="Kring", kind="photo", link="https://foto.example.org/1"
    )
    with pytest.raises(ValidationError, match="toestemming"):
        services.showcase_publish(showcase=photo, published_by=facilitator)
    photo.refresh_from_db()
    assert photo.published_at is None
    document = add(network, participant, upload("plan.pdf", MINIMAL_PDF))
    assert services.showcase_publish(showcase=document, published_by=facilitator).is_published


def test_replacing_and_deleting_remove_the_old_file(
    network, participant, media, django_capture_on_commit_callbacks
):
    showcase = add(network, participant, upload("a.pdf", MINIMAL_PDF))
    first = media / showcase.file.name
    assert first.exists()
    with django_capture_on_commit_callbacks(execute=True):
        showcase = services.showcase_update(
            showcase=showcase,
            changed_by=participant,
            title="Nieuw",
            description="",
            kind="document",
            upload=upload("b.pdf", MINIMAL_PDF + b"%"),
        )
    assert not first.exists()
    second = media / showcase.file.name
    assert second.exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.showcase_delete(showcase=showcase)
    assert stored_files(media) == []


def test_a_change_by_a_member_takes_a_published_result_off_the_public_page(
    network, participant, facilitator
):
    showcase = add(network, participant, upload("a.pdf", MINIMAL_PDF))
    services.showcase_publish(showcase=showcase, published_by=facilitator)
    changed = services.showcase_update(
        showcase=showcase,
        changed_by=participant,
        title=showcase.title,
        description="",
        kind="document",
        upload=upload("b.pdf", MINIMAL_PDF + b"%"),
    )
    assert not changed.is_published
    # Only a new title: the facilitator's publication stands.
    services.showcase_publish(showcase=changed, published_by=facilitator)
    retitled = services.showcase_update(
        showcase=changed, changed_by=participant, title="Beter", description="", kind="document"
    )
    assert retitled.is_published


def test_zip_bombs_are_not_unpacked(network, participant):
    # A huge [Content_Types].xml that compresses to almost nothing.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<" + " " * 5_000_000)
    refusal(network, participant, upload("bom.docx", out.getvalue()))
