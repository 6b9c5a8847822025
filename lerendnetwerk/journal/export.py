"""A diary to take home: Markdown for any editor, PDF for printing.

What people typed (the entry, the meeting's title, the author's name) is text in both. The
Markdown escapes every character that Markdown or HTML would act on (`markdown_text`), so a
Markdown viewer shows `<script>` or `[a](b)` as typed instead of running or linking it. The PDF's
HTML comes from a template with Django's autoescaping; WeasyPrint renders it with a URL fetcher
that allows only data: URLs, so rendering never reaches the network or the file system.
"""

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from weasyprint import HTML
from weasyprint.urls import URLFetcher

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User

    from .models import JournalEntry


# CommonMark's backslash escapes make these characters literal: `<` and `>` (HTML and autolinks),
# `&` (character references), `[`, `]` (links and images), `` ` `` (code), `*`, `_` (emphasis)
# and the backslash itself. Other punctuation acts only at the start of a line (headings, lists,
# quotes); those stay, as an author may write a list.
_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]<>&])")


def markdown_text(value: str) -> str:
    """Text as Markdown that shows exactly it: no HTML, links, images or emphasis of its own."""
    return _MARKDOWN_ACTIVE.sub(r"\\\1", value)


def diary_markdown(*, author: "User", entries: Iterable["JournalEntry"]) -> str:
    name = markdown_text(author.name)
    lines = [f"# {_('Learning diary of %(name)s') % {'name': name}}", ""]
    labels = [
        ("think", _("What do I think?")),
        ("feel", _("What do I feel?")),
        ("want", _("What do I want to do?")),
    ]
    for entry in entries:
        lines += [f"## {entry.written_on:%d-%m-%Y}", ""]
        if entry.meeting is not None:
            title = markdown_text(entry.meeting.title)
            lines += [f"*{_('About the meeting')}: {title}*", ""]
        lines += [markdown_text(entry.text), ""]
        for field, label in labels:
            if value := getattr(entry, field):
                lines += [f"**{label}** {markdown_text(value)}", ""]
    return "\n".join(lines).rstrip() + "\n"


def diary_html(*, author: "User", entries: Iterable["JournalEntry"]) -> str:
    """The HTML the PDF is made of; the template escapes everything typed."""
    return render_to_string("journal/export_pdf.html", {"author": author, "entries": list(entries)})


def diary_pdf(*, author: "User", entries: Iterable["JournalEntry"]) -> bytes:
    html = diary_html(author=author, entries=entries)
    pdf: bytes = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
    return pdf
