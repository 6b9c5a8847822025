from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.journal import services
from lerendnetwerk.journal.models import JournalEntry

pytestmark = pytest.mark.django_db


def test_writing_an_entry_through_the_form_is_private_by_default(participant):
    client = login(participant)
    page = client.get(reverse("journal:create"))
    assert page.context["form"]["visibility"].value() == "private"
    response = client.post(
        reverse("journal:create"),
        {
            "written_on": "2026-11-20",
            "text": "Levend domino was spannend.",
            "think": "Leuk",
            "visibility": "private",
        },
    )
    entry = JournalEntry.objects.get()
    assert response["Location"] == reverse("journal:detail", args=[entry.pk])
    assert (entry.author, entry.visibility, entry.think) == (participant, "private", "Leuk")


def test_sharing_needs_a_network_and_keeps_what_was_typed(participant, outsider):
    client = login(participant)
    response = client.post(
        reverse("journal:create"),
        {"written_on": "2026-11-20", "text": "Mijn gedachten", "visibility": "network"},
    )
    # With one network it is chosen for you; with none chosen explicitly and an empty value:
    assert response.status_code in (200, 302)
    response = client.post(
        reverse("journal:create"),
        {
            "written_on": "2026-11-20",
            "text": "Mijn gedachten",
            "visibility": "network",
            "network": outsider.memberships.get().network_id,
        },
    )
    assert response.status_code == 200
    assert "Mijn gedachten" in response.content.decode()
    assert "network_error" in response.content.decode()


def test_reading_back_and_searching(participant):
    for day, text in (
        (date(2026, 9, 1), "Eerste keer kennismaken"),
        (date(2026, 10, 1), "Casus over taal"),
    ):
        services.journal_entry_write(author=participant, text=text, written_on=day)
    client = login(participant)
    page = client.get(reverse("journal:index"))
    assert [e.text for e in page.context["entries"]] == [
        "Casus over taal",
        "Eerste keer kennismaken",
    ]
    found = client.get(reverse("journal:index"), {"q": "taal"})
    assert [e.text for e in found.context["entries"]] == ["Casus over taal"]


def test_download_as_markdown_and_pdf(participant):
    services.journal_entry_write(
        author=participant,
        text="Wat ik leerde over voorlezen.",
        want="Vaker voorlezen",
        written_on=date(2026, 10, 2),
    )
    client = login(participant)
    markdown = client.get(reverse("journal:markdown"))
    body = markdown.content.decode()
    assert markdown["Content-Type"].startswith("text/markdown")
    assert "## 02-10-2026" in body and "Wat ik leerde over voorlezen." in body
    assert "Vaker voorlezen" in body
    pdf = client.get(reverse("journal:pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert len(pdf.content) > 1000


def test_a_long_diary_comes_twenty_entries_to_a_page_and_keeps_the_search(participant):
    for day in range(1, 26):
        services.journal_entry_write(
            author=participant, text=f"Over taal, dag {day:02}", written_on=date(2026, 10, day)
        )
    client = login(participant)
    first = client.get(reverse("journal:index"), {"q": "taal"})
    assert len(first.context["entries"].object_list) == 20
    assert "25 notities gevonden" in first.content.decode()
    assert 'href="?q=taal&amp;pagina=2"' in first.content.decode()
    second = client.get(reverse("journal:index"), {"q": "taal", "pagina": "2"})
    assert [e.text for e in second.context["entries"].object_list] == [
        f"Over taal, dag {day:02}" for day in range(5, 0, -1)
    ]


def test_a_too_long_entry_is_refused_in_dutch_and_keeps_what_was_typed(participant):
    typed = "Levend domino. " * 6667  # 100,005 characters
    response = login(participant).post(
        reverse("journal:create"),
        {"written_on": "2026-11-20", "text": typed, "feel": "x" * 100_000, "visibility": "private"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "niet meer dan 5000 tekens" in page
    assert "niet meer dan 2000 tekens" in page
    assert typed.strip() in page
    assert not JournalEntry.objects.exists()


def test_the_diary_service_refuses_too_long_text(participant):
    with pytest.raises(ValidationError) as refused:
        services.journal_entry_write(author=participant, text="x" * 100_000)
    assert set(refused.value.message_dict) == {"text"}
    assert not JournalEntry.objects.exists()
