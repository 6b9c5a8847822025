"""The local outbox: e-mail of `make run` kept as one file per message and shown decoded.

In local development a person wants to click the link in an invitation, not read
quoted-printable text in the worker's log. With `LOCAL_OUTBOX` set (only `make run` sets it)
every message is written to that folder as an `.eml` file, and staff read them at
`core:outbox`. Production never sets it; `check --deploy` refuses it.
"""

import email
import email.policy
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage as ParsedMessage
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends import filebased
from django.utils import timezone

# What the backend names its files: a sortable time and a random suffix (no path tricks).
FILENAME = re.compile(r"^\d{8}-\d{6}-\d{6}-[0-9a-f]{8}\.eml$")
SHOWN = 100


class OutboxBackend(filebased.EmailBackend):
    """Django's file backend, but one `.eml` file per message so that each can be read back."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        sent = 0
        for message in email_messages:
            if not message.recipients():
                continue
            name = f"{timezone.now():%Y%m%d-%H%M%S-%f}-{secrets.token_hex(4)}.eml"
            Path(self.file_path, name).write_bytes(message.message().as_bytes())
            sent += 1
        return sent


@dataclass(frozen=True)
class OutboxMessage:
    name: str
    subject: str
    sender: str
    to: str
    sent_at: datetime
    text: str
    attachments: list[str]


def _folder() -> Path | None:
    return Path(settings.LOCAL_OUTBOX) if settings.LOCAL_OUTBOX else None


def _read(path: Path) -> OutboxMessage:
    parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(parsed, ParsedMessage)
    body = parsed.get_body(preferencelist=("plain", "html"))
    stamp = datetime.strptime(path.name[:22], "%Y%m%d-%H%M%S-%f")
    return OutboxMessage(
        name=path.name,
        subject=str(parsed["Subject"] or ""),
        sender=str(parsed["From"] or ""),
        to=str(parsed["To"] or ""),
        sent_at=stamp.replace(tzinfo=UTC),
        text=body.get_content() if isinstance(body, ParsedMessage) else "",
        attachments=[part.get_filename() or "" for part in parsed.iter_attachments()],
    )


def outbox_enabled() -> bool:
    return _folder() is not None


def outbox_messages() -> list[OutboxMessage]:
    """The newest messages first."""
    folder = _folder()
    if folder is None or not folder.is_dir():
        return []
    names = sorted((p for p in folder.iterdir() if FILENAME.match(p.name)), reverse=True)
    return [_read(path) for path in names[:SHOWN]]


def outbox_message(name: str) -> OutboxMessage | None:
    folder = _folder()
    if folder is None or not FILENAME.match(name) or not (folder / name).is_file():
        return None
    return _read(folder / name)
