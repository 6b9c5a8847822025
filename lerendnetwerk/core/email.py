"""Rendering e-mails in the recipient's language and handing them to the task queue."""

from typing import Any
from uuid import uuid4

from django.conf import settings
from django.db import transaction
from django.template import Context, Engine
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
    key: str | None = None,
) -> None:
    """Render `<template>_subject.txt`, `.txt` and `.html` and queue them after the commit.

    The subject (one line) and the text body are plain text, not escaped; the HTML body is.

    Queued on commit so that a rolled-back request never sends a message about something that
    did not happen. Each e-mail gets its idempotency key here, once: however often the task
    runs, the key is sent at most once (core/tasks.py). A caller that may queue the same
    e-mail again (a digest command run twice) passes its own `key`, made from what the e-mail
    is about, so that the second one is not sent.
    """
    context = {"SITE_URL": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(_render_plain(f"{template}_subject.txt", context).split())
        text = _render_plain(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    key = key or str(uuid4())
    transaction.on_commit(
        lambda: send_email.enqueue(
            to=[to], subject=subject, text=text, html=html, attachments=attachments or [], key=key
        )
    )


def _render_plain(name: str, context: dict[str, Any]) -> str:
    """Render a plain-text template without HTML escaping.

    A subject or text body is no HTML: "Taal & Rekenen" must not arrive as "Taal &amp; Rekenen".
    Escaping is switched off here rather than in each template, so no template can forget it.
    """
    return Engine.get_default().get_template(name).render(Context(context, autoescape=False))
