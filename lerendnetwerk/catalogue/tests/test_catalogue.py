import io
import json
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lerendnetwerk.catalogue import models
from lerendnetwerk.catalogue.loader import load_catalogue, read_catalogue
from lerendnetwerk.catalogue.models import Entry, Phase

pytestmark = pytest.mark.django_db
STAGES = {"prerequisites", *Phase.values}


def export() -> dict[str, Any]:
    out = io.StringIO()
    call_command("export_catalogue", stdout=out)
    exported: dict[str, Any] = json.loads(out.getvalue())
    return exported


def test_the_export_lists_every_entry_in_the_agreed_format():
    entries = export()["entries"]
    assert len(entries) == Entry.objects.count() >= 50
    for entry in entries:
        assert {"title", "kind", "phases", "topic", "summary", "sources"} <= set(entry)
        assert entry["kind"] in {"activity", "instrument", "tip", "pitfall", "prerequisite"}
        assert set(entry["phases"]) <= STAGES and entry["phases"]
        for source in entry["sources"]:
            assert isinstance(source["source"], str)
            assert all(isinstance(page, int) for page in source["pages"])
            assert source["card"] is None or isinstance(source["card"], str)


def test_the_export_holds_the_handreikings_citations():
    by_title = {entry["title"]: entry for entry in export()["entries"]}
    assert by_title["Kennismakingsoefening"]["sources"][0] == {
        "source": "LN in perspectief",
        "pages": [51, 82],
        "card": None,
        "chapter": None,
    }
    barometer = next(e for t, e in by_title.items() if "etwerkbarometer" in t)
    assert barometer["kind"] == "instrument"
    assert barometer["phases"] == ["embedding"]
    assert barometer["sources"][0]["card"] == "instrumentkaart Oranje"
    prerequisites = [e for e in by_title.values() if e["kind"] == "prerequisite"]
    assert len(prerequisites) == 4
    assert all(e["phases"] == ["prerequisites"] for e in prerequisites)


def test_every_phase_has_its_questions_with_entries():
    for phase in Phase:
        topics = models.Topic.objects.filter(stage=phase)
        assert topics.exists(), phase
        assert Entry.objects.filter(topic__stage=phase).count() >= 3, phase
    exploration = set(
        models.Topic.objects.filter(stage="exploration").values_list("title", flat=True)
    )
    assert {"Kennismaken", "Give and take"} <= exploration


def test_the_data_file_is_consistent():
    data = read_catalogue()
    titles = {source["title"] for source in data["sources"]}
    slugs = [entry["slug"] for topic in data["topics"] for entry in topic["entries"]]
    assert len(slugs) == len(set(slugs))
    for topic in data["topics"]:
        assert topic["stage"] in STAGES
        for entry in topic["entries"]:
            assert entry["summary"].strip()
            assert all(ref["source"] in titles for ref in entry["sources"])


def test_loading_again_updates_without_duplicating():
    before = (Entry.objects.count(), models.SourceReference.objects.count())
    entry = Entry.objects.get(slug="kennismakingsoefening")
    entry.summary = "Lokaal aangepast"
    entry.save()
    load_catalogue(
        SimpleNamespace(
            Source=models.Source,
            Topic=models.Topic,
            Entry=models.Entry,
            SourceReference=models.SourceReference,
        )
    )
    assert (Entry.objects.count(), models.SourceReference.objects.count()) == before
    entry.refresh_from_db()
    assert entry.summary != "Lokaal aangepast"


def test_search_finds_entries_by_word_and_filters_by_phase(client):
    response = client.get(reverse("catalogue:index"), {"q": "leerdagboek"})
    results = response.context["results"]
    assert results and all(
        "leerdagboek" in (e.title + e.summary + e.purpose + e.topic.title).lower() for e in results
    )
    phases = {e.topic.stage for e in results}
    assert len(phases) > 1
    only = client.get(reverse("catalogue:index"), {"q": "leerdagboek", "fase": "embedding"})
    assert {e.topic.stage for e in only.context["results"]} == {"embedding"}


def test_a_phase_page_shows_its_questions_in_a_fixed_number_of_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("catalogue:stage", args=["verdieping"]))
    assert response.status_code == 200
    assert "Worldcaf" in response.content.decode()
    assert len(queries) <= 8


def test_an_unknown_phase_is_not_found(client):
    assert client.get("/handreiking/fase-zes/").status_code == 404


def test_a_phase_page_is_cached_until_the_catalogue_changes(
    client, django_capture_on_commit_callbacks
):
    page = reverse("catalogue:stage", args=["verdieping"])
    client.get(page)
    with CaptureQueriesContext(connection) as queries:
        assert "Worldcaf" in client.get(page).content.decode()
    assert len(queries) == 0

    entry = Entry.objects.get(title__startswith="Worldcaf")
    with django_capture_on_commit_callbacks(execute=True):
        entry.title = "Wereldcafé"
        entry.save()
    assert "Wereldcafé" in client.get(page).content.decode()

    # Loading the data file again brings the reviewed title back, on the cached page too.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_catalogue", stdout=io.StringIO())
    assert "Worldcaf" in client.get(page).content.decode()


def test_the_pitfalls_printed_on_the_inbedding_page_stay_with_verdieping():
    # The Handreiking's Inbedding page opens with the end of Verdieping's "Valkuilen en tips";
    # its page header ("Fase 4") is no heading of theirs, and Inbedding has no pitfalls list.
    slugs = ["onvoldoende-netwerkhouding", "rode-draad-onduidelijk", "afhankelijkheid-van-expert"]
    entries = Entry.objects.filter(slug__in=slugs).select_related("topic")
    placed = {(e.topic.slug, e.kind) for e in entries}
    assert placed == {("valkuilen-en-tips-verdieping", "pitfall")}
    assert not Entry.objects.filter(topic__stage="embedding", kind="pitfall").exists()
