"""Rendering e-mails in the recipient's language and handing them to the task queue."""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_email


def email_enqueue(
    *,
    to: str,
    template: str,
    context: dict[str, Any],
    language: str | None = None,
    attachments: list[tuple[str, str, str]] | None = None,
) -> None:
    """Render `<template>_subject.txt`, `.txt` and `.html` and queue them after the commit.

    Queued on commit so that a rolled-back request never sends a message about something that
    did not happen.
    """
    context = {"SITE_URL": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    transaction.on_commit(
        lambda: send_email.enqueue(
            to=[to], subject=subject, text=text, html=html, attachments=attachments or []
        )
    )
