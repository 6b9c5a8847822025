"""Work forms and instruments say how to run them: purpose, steps, duration, group size, materials,
with the Handreiking's sources; and the dead website is replaced by the platform's own pages."""

import io
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from lerendnetwerk.catalogue import models, platform_pages
from lerendnetwerk.catalogue.loader import (
    CatalogueError,
    catalogue_problems,
    load_catalogue,
    read_catalogue,
)
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.catalogue.selectors import STAGE_SLUGS

pytestmark = pytest.mark.django_db
HOW_TO = [Entry.Kind.ACTIVITY, Entry.Kind.INSTRUMENT]
# The Handreiking describes these three work forms without citing a source.
WITHOUT_SOURCE = {
    "speerpunten-ukk-bestuderen",
    "ga-bij-elkaar-op-bezoek",
    "werkvormen-kenniscreatie",
}
DEAD_SITE = "nuvoorlaterutrecht"


def _models() -> SimpleNamespace:
    return SimpleNamespace(
        Source=models.Source,
        Topic=models.Topic,
        Entry=models.Entry,
        SourceReference=models.SourceReference,
    )


def _page(client: Client, entry: Entry, language: str = "nl") -> str:
    # A request leaves its language active; English addresses carry the /en/ prefix.
    with translation.override(language):
        url = reverse("catalogue:entry", args=[STAGE_SLUGS[entry.topic.stage], entry.slug])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_every_work_form_and_instrument_says_how_to_run_it():
    entries = list(Entry.objects.filter(kind__in=HOW_TO).prefetch_related("references"))
    assert len(entries) == 29
    for entry in entries:
        assert entry.purpose.strip(), entry.slug
        assert len(entry.steps) >= 3 and all(step.strip() for step in entry.steps), entry.slug
        assert entry.duration_min and entry.duration_max, entry.slug
        assert entry.duration_min <= entry.duration_max, entry.slug
        assert entry.group_size.strip() and entry.materials, entry.slug
        # The Handreiking gives no duration or group size anywhere: all are suggestions.
        assert entry.details_suggested, entry.slug
        has_source = bool(entry.references.all())
        assert has_source != (entry.slug in WITHOUT_SOURCE), entry.slug


def test_the_data_file_has_no_problems():
    assert catalogue_problems(read_catalogue()) == []


def _write(tmp_path: Path, **changes: object) -> Path:
    """The real data file with the Leerestafette changed by `changes` (None removes a field)."""
    data = read_catalogue()
    entry = next(
        entry
        for topic in data["topics"]
        for entry in topic["entries"]
        if entry["slug"] == "leerestafette"
    )
    for key, value in changes.items():
        if value is None:
            entry.pop(key, None)
        else:
            entry[key] = value
    path = tmp_path / "handreiking.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"purpose": None}, "leerestafette: a work form or instrument needs a purpose"),
        ({"steps": []}, "leerestafette: a work form or instrument needs steps"),
        ({"steps": ["Begin", ""]}, "leerestafette: a work form or instrument needs steps"),
        ({"duration": [30, 20]}, "leerestafette: duration's shortest is longer than its longest"),
        ({"duration": "een half uur"}, "leerestafette: duration must be"),
        ({"platform_links": ["wijkoverzicht"]}, "leerestafette: unknown platform page"),
        ({"step": ["Begin"]}, "leerestafette: unknown field 'step'"),
    ],
)
def test_the_loader_refuses_a_file_with_a_problem_and_changes_nothing(tmp_path, changes, problem):
    before = Entry.objects.get(slug="leerestafette")
    with pytest.raises(CatalogueError, match=re.escape(problem)):
        load_catalogue(_models(), path=_write(tmp_path, **changes))
    after = Entry.objects.get(slug="leerestafette")
    assert (after.purpose, after.steps) == (before.purpose, before.steps)


def test_loading_updates_how_to_run_a_work_form(tmp_path):
    path = _write(
        tmp_path,
        purpose="Een nieuw doel.",
        steps=["Eerst dit.", "Dan dat."],
        duration=[25],
        duration_note=None,
        materials=["Stokje"],
        details_suggested=False,
    )
    load_catalogue(_models(), path=path)
    entry = Entry.objects.get(slug="leerestafette")
    assert entry.purpose == "Een nieuw doel."
    assert entry.steps == ["Eerst dit.", "Dan dat."]
    assert (entry.duration_min, entry.duration_max, entry.duration_note) == (25, 25, "")
    assert entry.materials == ["Stokje"]
    assert entry.details_suggested is False


def test_the_entry_page_shows_purpose_steps_details_and_source(client):
    entry = Entry.objects.select_related("topic").get(slug="leerestafette")
    with CaptureQueriesContext(connection) as queries:
        html = _page(client, entry)
    # The entry with its topic, and its references with their sources; what higher apps show
    # next to it (catalogue/related.py) one query per section.
    assert len(queries) <= 3
    assert '<h2 class="utrecht-heading-2">Doel</h2>' in html
    assert escape(entry.purpose) in html
    assert '<h2 class="utrecht-heading-2">Stappen</h2>' in html
    steps = re.search(r'<ol class="utrecht-ordered-list">(.*?)</ol>', html, re.S)
    assert steps
    items = re.findall(r'<li class="utrecht-ordered-list__item">(.*?)</li>', steps.group(1), re.S)
    assert len(items) == len(entry.steps) >= 3
    assert items == [escape(step) for step in entry.steps]
    details = re.search(r'<dl class="utrecht-data-list">(.*?)</dl>', html, re.S)
    assert details
    keys = re.findall(r'<dt class="utrecht-data-list__item-key">(.*?)</dt>', details.group(1))
    assert keys == ["Duur", "Groepsgrootte", "Materialen"]
    assert "15–20 minuten" in details.group(1)
    assert "suggesties van het platform" in html
    assert "Toolkit Netwerkleren, werkvormkaart Geel" in html


def test_a_single_duration_reads_as_minutes(client):
    entry = Entry.objects.select_related("topic").get(slug="levend-domino")
    entry.duration_min = entry.duration_max = 1
    entry.save()
    assert "1 minuut" in _page(client, entry)


def test_the_entry_page_in_english_keeps_the_structure(client):
    entry = Entry.objects.select_related("topic").get(slug="netwerkbarometer")
    html = _page(client, entry, language="en")
    assert '<h2 class="utrecht-heading-2">Steps</h2>' in html
    assert "30–45 minutes" in html
    assert "Toolkit Netwerkleren, instrumentkaart Oranje" in html


def test_no_page_links_to_the_dead_website_and_the_citations_stay(client):
    assert not models.Source.objects.filter(url__icontains=DEAD_SITE).exists()
    citing = Entry.objects.filter(references__source__title="nuvoorlaterutrecht.nl").distinct()
    assert citing.count() == 6
    for entry in citing.select_related("topic"):
        html = _page(client, entry)
        assert not re.search(rf'href="[^"]*{DEAD_SITE}', html), entry.slug
        # The Handreiking's citation is kept, as text, with what became of the website.
        assert "nuvoorlaterutrecht.nl" in html and "bestaat niet meer" in html


def test_the_dead_website_is_replaced_by_the_platforms_pages(client):
    entry = Entry.objects.select_related("topic").get(slug="nuvoorlaterutrecht-benutten")
    assert entry.platform_links == ["district_overview", "resources", "knowledge_offers", "experts"]
    html = _page(client, entry)
    assert "Op dit platform" in html
    # Every page the website had, the platform now has: each linked without a region, which
    # leads to the only region's or lets the visitor choose.
    for url_name in (
        "public:overview",
        "resources:home",
        "knowledge:offers_home",
        "knowledge:experts_home",
    ):
        assert f'href="{reverse(url_name)}"' in html, url_name
    overview = f'href="{reverse("public:overview")}"'
    films = Entry.objects.select_related("topic").get(slug="filmpjes-nuvoorlaterutrecht-tonen")
    assert DEAD_SITE not in films.title
    assert overview in _page(client, films)


def test_a_platform_page_links_the_first_url_name_that_exists(monkeypatch):
    monkeypatch.setitem(
        platform_pages.PAGES,
        "later",
        platform_pages.PlatformPage("Later", ("nowhere:yet", "public:overview")),
    )
    monkeypatch.setitem(
        platform_pages.PAGES, "gone", platform_pages.PlatformPage("Gone", ("nowhere:yet",))
    )
    links = platform_pages.platform_links(["gone", "later", "not-a-key"])
    assert links == [platform_pages.PlatformLink(label="Later", url=reverse("public:overview"))]


def test_a_tip_without_how_to_shows_no_empty_sections(client):
    entry = Entry.objects.select_related("topic").get(slug="take-and-give")
    html = _page(client, entry)
    assert "Stappen" not in html and "utrecht-data-list" not in html


def test_the_export_carries_how_to_run_a_work_form():
    out = io.StringIO()
    call_command("export_catalogue", stdout=out)
    by_title = {entry["title"]: entry for entry in json.loads(out.getvalue())["entries"]}
    worldcafe = by_title["Worldcafé"]
    assert worldcafe["purpose"] and len(worldcafe["steps"]) >= 3
    assert worldcafe["duration"] == [60, 90]
    assert worldcafe["group_size"] and worldcafe["materials"]
    assert by_title["Take... and give"]["duration"] is None
