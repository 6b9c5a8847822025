"""The exports show what the author typed as text: no HTML or links injected into them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from markdown_it import MarkdownIt

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.journal import export, services
from lerendnetwerk.journal.models import JournalEntry
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.networks.models import Network

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('tekst')</script>"
IMAGE = '<img src="x" onerror="alert(1)">'
LINK = "[klik hier](javascript:alert(1))"
TITLE = f'Casus <img src="y" onerror="alert(2)"> {LINK}'


@pytest.fixture
def entry(network: Network, facilitator: User, participant: User) -> JournalEntry:
    starts = timezone.now() + timedelta(days=3)
    meeting = meeting_services.meeting_schedule(
        network=network,
        title=TITLE,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        address="Utrecht",
        created_by=facilitator,
    )
    return services.journal_entry_write(
        author=participant,
        text=f"Vandaag {SCRIPT} en {IMAGE} en {LINK}, met *sterren* & <b>vet</b>.",
        want=f"Nog een {IMAGE}",
        network=network,
        meeting=meeting,
    )


def test_the_markdown_export_renders_no_html_and_no_links(entry: JournalEntry) -> None:
    body = login(entry.author).get(reverse("journal:markdown")).content.decode()
    rendered = MarkdownIt("commonmark").render(body)  # raw HTML on, as most editors
    for tag in ("<script", "<img", "<b>", "<a ", "<em>sterren"):
        assert tag not in rendered, tag
    # What was typed is still there to read, as text.
    assert "&lt;script&gt;alert(" in rendered
    assert "onerror=" in rendered and "*sterren* &amp;" in rendered
    assert "[klik hier](javascript:alert(1))" in rendered


def test_the_pdf_shows_injected_html_as_text(entry: JournalEntry) -> None:
    html = export.diary_html(author=entry.author, entries=[entry])
    for tag in ("<script", "<img", "<b>"):
        assert tag not in html, tag
    assert "&lt;script&gt;" in html and "&lt;img" in html
    pdf = login(entry.author).get(reverse("journal:pdf"))
    assert pdf.content.startswith(b"%PDF")
