"""A diary to take home: Markdown for any editor, PDF for printing.

WeasyPrint renders the PDF with a URL fetcher that allows only data: URLs, so rendering never
reaches the network or the file system.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from weasyprint import HTML
from weasyprint.urls import URLFetcher

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User

    from .models import JournalEntry


def diary_markdown(*, author: "User", entries: Iterable["JournalEntry"]) -> str:
    lines = [f"# {_('Learning diary of %(name)s') % {'name': author.name}}", ""]
    labels = [
        ("think", _("What do I think?")),
        ("feel", _("What do I feel?")),
        ("want", _("What do I want to do?")),
    ]
    for entry in entries:
        lines += [f"## {entry.written_on:%d-%m-%Y}", ""]
        if entry.meeting is not None:
            lines += [f"*{_('About the meeting')}: {entry.meeting.title}*", ""]
        lines += [entry.text, ""]
        for field, label in labels:
            if value := getattr(entry, field):
                lines += [f"**{label}** {value}", ""]
    return "\n".join(lines).rstrip() + "\n"


def diary_pdf(*, author: "User", entries: Iterable["JournalEntry"]) -> bytes:
    html = render_to_string("journal/export_pdf.html", {"author": author, "entries": list(entries)})
    pdf: bytes = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
    return pdf
