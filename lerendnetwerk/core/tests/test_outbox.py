"""The local outbox of `make run`: every message a file, read back decoded by staff only."""

from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from django.urls import reverse

from lerendnetwerk.core.tests.factories import login

pytestmark = pytest.mark.django_db

LINK = "http://localhost:8123/uitnodiging/abc=3D/"


@pytest.fixture
def outbox(tmp_path: Path):
    mailers = {
        "default": {
            "BACKEND": "lerendnetwerk.core.outbox.OutboxBackend",
            "OPTIONS": {"file_path": str(tmp_path)},
        }
    }
    with override_settings(LOCAL_OUTBOX=str(tmp_path), MAILERS=mailers):
        yield tmp_path


def _send(subject: str, body: str) -> None:
    message = mail.EmailMultiAlternatives(
        subject, body, "Lerend Netwerk <noreply@example.org>", ["daan@example.org"]
    )
    message.attach("bijeenkomst.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    message.send()


def test_each_message_is_a_file_and_staff_read_it_decoded(outbox, coordinator):
    # Long lines and non-ASCII letters make the raw file quoted-printable or base64.
    body = "Welkom bij het netwerk van de coördinator. " * 5 + f"\nKies je wachtwoord: {LINK}\n"
    _send("Uitnodiging voor Lerend Netwerk Overvecht", body)
    _send("Tweede bericht", "Kort.")
    files = sorted(outbox.iterdir())
    assert len(files) == 2 and all(f.suffix == ".eml" for f in files)
    assert "coördinator" not in files[0].read_text(errors="replace")  # encoded on disk

    coordinator.is_staff = True
    coordinator.save()
    client = login(coordinator)
    listing = client.get(reverse("core:outbox"))
    assert listing.status_code == 200
    text = listing.content.decode()
    assert text.index("Tweede bericht") < text.index("Uitnodiging voor"), "newest first"

    name = next(f.name for f in files if "Uitnodiging" in f.read_text(errors="replace"))
    page = client.get(reverse("core:outbox_message", args=[name])).content.decode()
    assert "coördinator" in page
    assert f'href="{LINK}"' in page, "the link is decoded and can be clicked"
    assert "bijeenkomst.ics" in page


def test_only_staff_and_only_names_the_backend_made(outbox, participant, coordinator):
    _send("Iets", "Tekst")
    (outbox / "notes.txt").write_text("not a message")
    assert login(participant).get(reverse("core:outbox")).status_code == 404
    coordinator.is_staff = True
    coordinator.save()
    client = login(coordinator)
    assert client.get(reverse("core:outbox_message", args=["notes.txt"])).status_code == 404
    assert client.get(reverse("core:outbox_message", args=["..%2F..%2Fsecret"])).status_code == 404


def test_a_server_refuses_the_local_outbox(tmp_path):
    with (
        override_settings(LOCAL_OUTBOX=str(tmp_path)),
        pytest.raises(SystemCheckError, match="LOCAL_OUTBOX"),
    ):
        call_command("check", "--deploy", "--fail-level", "ERROR")
