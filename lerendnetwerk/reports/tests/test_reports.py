"""The cycle report and the annual report: content, PDF, CSV, privacy, queries, permissions."""

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from pypdf import PdfReader

from lerendnetwerk.core.tests.factories import (
    NetworkFactory,
    OrganisationFactory,
    UserFactory,
    add_member,
    login,
)
from lerendnetwerk.networks import report_parts
from lerendnetwerk.networks.report_parts import ReportPart

from .story import SECRETS, SHARED_CHALLENGE, SHARED_GOAL, SHARED_OUTCOME, hold_meeting

pytestmark = pytest.mark.django_db

PART_TITLES_NL = [
    "Fasen en data",
    "Bijeenkomsten en aanwezigheid",
    "Gebruikte werkvormen",
    "Doelen en wat ze opleverden",
    "Netwerkbarometer",
]


def cycle_url(name: str, story: Any) -> str:
    return reverse(name, kwargs={"slug": story.network.slug, "number": story.cycle.number})


def region_url(name: str, year: int | None = None) -> str:
    return reverse(
        name, kwargs={"region_slug": "utrecht", "year": year or timezone.localdate().year}
    )


def csv_rows(response: Any) -> list[list[str]]:
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    reader = csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";")
    header, *rows = list(reader)
    assert header == ["part", "subject", "measure", "value"]
    return rows


def figure(rows: list[list[str]], part: str, measure: str, subject: str | None = None) -> str:
    found = [
        value
        for p, s, m, value in rows
        if p == part and m == measure and (subject is None or s == subject)
    ]
    assert len(found) == 1, (part, subject, measure, found)
    return found[0]


def pdf_text(response: Any) -> tuple[PdfReader, str]:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


# --- The cycle report ----------------------------------------------------------------------------


def test_the_cycle_report_shows_the_header_and_every_part(story, facilitator):
    response = login(facilitator).get(cycle_url("reports:cycle", story))
    assert response.status_code == 200
    html = response.content.decode()
    for text in ["LN Overvecht", "Overvecht", "Overdracht", "cyclus 1", *PART_TITLES_NL]:
        assert text in html, text
    assert story.people[0].organisation.name in html
    # Meetings with their totals, the work form counted, the goals, the shown round's chart.
    assert "Kennismaken" in html and "Doelen stellen" in html
    assert story.entry.title in html
    assert SHARED_GOAL in html and SHARED_CHALLENGE in html and SHARED_OUTCOME in html
    assert html.count('role="img"') >= 1
    assert "Te weinig antwoorden" in html
    # The report's order is the parts' order.
    positions = [html.index(title) for title in PART_TITLES_NL]
    assert positions == sorted(positions)


def test_the_cycle_csv_gives_the_figures_of_the_data(story, facilitator):
    response = login(facilitator).get(cycle_url("reports:cycle_csv", story))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert figure(rows, "report", "network") == "LN Overvecht"
    assert figure(rows, "report", "cycle_number") == "1"
    assert figure(rows, "phases", "phase") == "development"
    assert [r[3] for r in rows if r[0] == "phases" and r[2] == "moved_to"] == [
        "exploration",
        "development",
    ]
    # Six invited to each meeting; five and three came.
    assert figure(rows, "meetings", "meetings_held") == "2"
    assert figure(rows, "meetings", "invited", subject="all") == "12"
    assert figure(rows, "meetings", "attended", subject="all") == "8"
    assert figure(rows, "meetings", "average_attended") == "4"
    assert figure(rows, "meetings", "attendance_rate_percent") == "66,7"
    assert figure(rows, "work_forms", "times_used", subject=story.entry.title) == "2"
    assert figure(rows, "goals", "shared_learning_goal") == "1"
    assert figure(rows, "goals", "personal_challenges") == "2"
    assert figure(rows, "goals", "personal_challenges_shared") == "1"
    # The shown round: five counted, every dimension at 4; the hidden one: only that it is.
    barometer = [r for r in rows if r[0] == "barometer"]
    assert [r[3] for r in barometer if r[2] == "results_shown"] == ["1", "0"]
    assert figure(rows, "barometer", "answers_counted") == "5"
    averages = [r[3] for r in barometer if r[2].startswith("average_")]
    assert averages and set(averages) == {"4"}


def test_the_cycle_pdf_is_tagged_and_holds_the_report(story, facilitator):
    response = login(facilitator).get(cycle_url("reports:cycle_pdf", story))
    assert response.status_code == 200
    assert 'filename="rapportage-' in response["Content-Disposition"]
    reader, text = pdf_text(response)
    catalog: Any = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog, "a tagged PDF has a structure tree"
    assert catalog["/MarkInfo"]["/Marked"]
    assert catalog["/Lang"]
    assert reader.metadata is not None and "LN Overvecht" in (reader.metadata.title or "")
    structure = catalog["/StructTreeRoot"].get_object()
    assert structure.get("/K") is not None
    flat = " ".join(text.split())
    for title in ["Rapportage van LN Overvecht, cyclus 1", *PART_TITLES_NL]:
        assert title in flat, title
    assert SHARED_GOAL in flat


@pytest.mark.parametrize("name", ["reports:cycle", "reports:cycle_pdf", "reports:cycle_csv"])
def test_nothing_private_reaches_the_cycle_report(story, facilitator, name):
    response = login(facilitator).get(cycle_url(name, story))
    assert response.status_code == 200
    if name.endswith("pdf"):
        _reader, text = pdf_text(response)
    else:
        text = response.content.decode("utf-8-sig")
    text = " ".join(text.split())
    for secret in [*SECRETS.values(), "GEHEIM-REDEN-FASE"]:
        assert secret not in text, secret
    # No names either: not of the members, not of who declined.
    for person in story.people:
        assert person.name not in text, person.name
    assert facilitator.name not in text


@pytest.mark.parametrize("name", ["reports:region", "reports:region_pdf", "reports:region_csv"])
def test_nothing_private_reaches_the_annual_report(story, coordinator, name):
    response = login(coordinator).get(region_url(name))
    assert response.status_code == 200
    if name.endswith("pdf"):
        _reader, text = pdf_text(response)
    else:
        text = response.content.decode("utf-8-sig")
    text = " ".join(text.split())
    for secret in [*SECRETS.values(), "GEHEIM-REDEN-FASE", SHARED_CHALLENGE]:
        assert secret not in text, secret
    for person in story.people:
        assert person.name not in text, person.name


def test_a_hidden_round_shows_no_figures_at_all(story, facilitator):
    """Only the shown round's figures: the hidden round's averages (all 2) appear nowhere."""
    rows = csv_rows(login(facilitator).get(cycle_url("reports:cycle_csv", story)))
    hidden = [r for r in rows if r[0] == "barometer" and r[3] == "0"]
    assert len(hidden) == 1 and hidden[0][2] == "results_shown"
    subject = hidden[0][1]
    assert [r for r in rows if r[1] == subject] == hidden


# --- The annual report ---------------------------------------------------------------------------


def test_the_annual_report_aggregates_per_district(story, coordinator):
    response = login(coordinator).get(region_url("reports:region_csv"))
    rows = csv_rows(response)
    assert figure(rows, "report", "region") == "Utrecht"
    assert figure(rows, "networks", "district", subject="LN Overvecht") == "Overvecht"
    assert figure(rows, "networks", "phase", subject="LN Overvecht") == "development"
    assert figure(rows, "phases", "networks_development", subject="Overvecht") == "1"
    assert figure(rows, "meetings", "meetings_held", subject="Overvecht") == "2"
    assert figure(rows, "meetings", "attendance_rate_percent", subject="Overvecht") == "66,7"
    assert figure(rows, "trends", "meetings_held", subject="Overvecht / 1") == "2"
    assert figure(rows, "barometer", "rounds_closed", subject="Overvecht") == "2"
    assert figure(rows, "barometer", "rounds_shown", subject="Overvecht") == "1"
    assert figure(rows, "barometer", "average_cohesion", subject="Overvecht") == "4"
    assert figure(rows, "goals", "cycles_with_shared_learning_goal", subject="Overvecht") == "1"

    page = login(coordinator).get(region_url("reports:region")).content.decode()
    for title in ["Jaarrapportage", "De netwerken", "Trends over de cycli", *PART_TITLES_NL]:
        assert title in page, title


def test_the_annual_pdf_is_tagged(story, coordinator):
    reader, text = pdf_text(login(coordinator).get(region_url("reports:region_pdf")))
    catalog: Any = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    flat = " ".join(text.split())
    assert f"Jaarrapportage {timezone.localdate().year} van Utrecht" in flat
    for title in PART_TITLES_NL:
        assert title in flat, title


def test_a_year_outside_the_region_s_life_is_not_found(story, coordinator):
    assert login(coordinator).get(region_url("reports:region", year=1999)).status_code == 404


def test_the_coordination_page_links_to_the_annual_reports(coordinator):
    page = login(coordinator).get(reverse("networks:coordination")).content.decode()
    assert reverse("reports:index") in page
    index = login(coordinator).get(reverse("reports:index")).content.decode()
    assert region_url("reports:region") in index


# --- The framework takes any part ----------------------------------------------------------------


def _extra_part(key: str, order: int) -> ReportPart:
    def html(_obj: object, *_args: object) -> SafeString:
        return mark_safe(f"<section><h2>Extra {key}</h2></section>")  # noqa: S308 - a literal

    return ReportPart(
        key=key,
        title=f"Extra {key}",
        order=order,
        cycle_html=html,
        cycle_figures=lambda cycle: [("all", "count", 7)],
        # No annual part: the annual report leaves it out.
    )


def test_parts_of_other_apps_join_in_their_order(story, facilitator, coordinator, monkeypatch):
    monkeypatch.setattr(report_parts, "_parts", dict(report_parts._parts))
    report_parts.register(_extra_part("zz_first", 1))
    report_parts.register(_extra_part("zz_last", 999))
    html = login(facilitator).get(cycle_url("reports:cycle", story)).content.decode()
    assert html.index("Extra zz_first") < html.index("Fasen en data")
    assert html.index("Netwerkbarometer") < html.index("Extra zz_last")
    rows = csv_rows(login(facilitator).get(cycle_url("reports:cycle_csv", story)))
    assert figure(rows, "zz_last", "count") == "7"
    region = login(coordinator).get(region_url("reports:region"))
    assert region.status_code == 200
    assert "Extra zz_first" not in region.content.decode()


# --- Queries -------------------------------------------------------------------------------------


def _queries(client: Any, url: str) -> int:
    # With an empty cache: what a page keeps of the network (core/pagecache.py) is made anew
    # after the meetings held in between, which is not what this counts.
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["reports:cycle", "reports:cycle_csv"])
def test_the_cycle_report_reads_in_a_fixed_number_of_queries(story, facilitator, name):
    client = login(facilitator)
    url = cycle_url(name, story)
    client.get(url)  # sessions and the like settle
    few = _queries(client, url)
    for days in range(40, 46):
        hold_meeting(story.cycle, story.people, days_ago=days, attended=4)
    assert story.cycle.meetings.count() == 8
    assert _queries(client, url) == few


@pytest.mark.parametrize("name", ["reports:region", "reports:region_csv"])
def test_the_annual_report_reads_in_a_fixed_number_of_queries(story, coordinator, utrecht, name):
    def more_networks(start: int, n: int) -> None:
        districts = list(utrecht.districts.order_by("name")[start : start + n])
        for district in districts:
            network = NetworkFactory.create(district=district)
            cycle = network.cycles.get()
            people = [add_member(network) for _ in range(3)]
            hold_meeting(cycle, people, days_ago=3, attended=2)

    client = login(coordinator)
    url = region_url(name)
    more_networks(0, 1)  # two networks with the story's
    client.get(url)
    few = _queries(client, url)
    more_networks(1, 6)  # eight
    assert utrecht.districts.filter(networks__isnull=False).distinct().count() >= 6
    assert _queries(client, url) == few


# --- Who may read --------------------------------------------------------------------------------


CYCLE_NAMES = ["reports:network", "reports:cycle", "reports:cycle_pdf", "reports:cycle_csv"]


def _get(client: Any, name: str, story: Any) -> Any:
    if name == "reports:network":
        return client.get(reverse(name, kwargs={"slug": story.network.slug}))
    return client.get(cycle_url(name, story))


@pytest.mark.parametrize("name", CYCLE_NAMES)
def test_a_manager_of_a_member_organisation_reads_the_cycle_report(story, district, name):
    manager = UserFactory.create(
        is_manager=True, organisation=story.people[0].organisation, name="Mia Manager"
    )
    assert _get(login(manager), name, story).status_code == 200


@pytest.mark.parametrize("name", CYCLE_NAMES)
def test_a_manager_of_another_organisation_is_denied(story, district, manager, name):
    """Even a manager who committed to the network, when their organisation is no member."""
    from lerendnetwerk.networks import services as network_services

    network_services.manager_commitment_record(
        network=story.network, manager=manager, role="sounding_board"
    )
    assert _get(login(manager), name, story).status_code == 403


@pytest.mark.parametrize("name", CYCLE_NAMES)
def test_a_staff_member_of_a_member_organisation_who_is_no_manager_is_denied(story, name):
    colleague = UserFactory.create(organisation=story.people[0].organisation)
    assert _get(login(colleague), name, story).status_code == 403


def test_a_coordinator_of_another_region_is_denied(story):
    from lerendnetwerk.core.tests.factories import RegionFactory

    other = UserFactory.create(is_staff=True)
    other.coordinator_of.add(RegionFactory.create())
    client = login(other)
    assert _get(client, "reports:cycle", story).status_code == 403
    assert client.get(region_url("reports:region")).status_code == 403
    assert client.get(region_url("reports:region_csv")).status_code == 403


def test_the_reports_tab_shows_for_those_who_may_read(story, facilitator, outsider):
    page = login(facilitator).get(reverse("pages:network", args=[story.network.slug]))
    assert reverse("reports:network", args=[story.network.slug]) in page.content.decode()


def test_the_manager_panel_lists_the_organisation_s_networks(story, rf):
    from lerendnetwerk.reports.panels import manager_panel

    manager = UserFactory.create(is_manager=True, organisation=story.people[0].organisation)
    request = rf.get("/")
    request.user = manager
    html = manager_panel(request)
    assert story.network.name in html
    assert cycle_url("reports:cycle_pdf", story) in html
    stranger = UserFactory.create(
        is_manager=True, organisation=OrganisationFactory.create(district=story.network.district)
    )
    request.user = stranger
    assert manager_panel(request) == ""


def test_a_cycle_that_does_not_exist_is_not_found(story, facilitator):
    url = reverse("reports:cycle", kwargs={"slug": story.network.slug, "number": 9})
    assert login(facilitator).get(url).status_code == 404


def test_an_ended_cycle_reports_its_end(story, facilitator):
    from lerendnetwerk.networks.models import Cycle

    Cycle.objects.filter(pk=story.cycle.pk).update(ended_at=timezone.now() - timedelta(days=1))
    rows = csv_rows(login(facilitator).get(cycle_url("reports:cycle_csv", story)))
    assert (
        figure(rows, "report", "ended_on") == f"{timezone.localdate() - timedelta(days=1):%Y-%m-%d}"
    )
