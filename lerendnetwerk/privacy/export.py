"""The download of a person's data: one ZIP with the data as JSON (for machines), as an HTML
page (to read and print) and as a PDF of that page."""

import io
import json
import zipfile
from typing import TYPE_CHECKING

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from .selectors import person_data, person_data_json

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User


def export_html(*, user: "User") -> str:
    """A page on its own (no site layout, no external files), fit to print."""
    return render_to_string(
        "privacy/export_document.html",
        {"person": user, "sections": person_data(user=user), "created_at": timezone.now()},
    )


def export_zip(*, user: "User") -> bytes:
    html = export_html(user=user)
    # Only inline data: the PDF renderer never reaches the network or the disk.
    pdf = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
    document = json.dumps(
        person_data_json(user=user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("gegevens.json", document)
        archive.writestr("gegevens.html", html)
        archive.writestr("gegevens.pdf", pdf)
    return buffer.getvalue()
