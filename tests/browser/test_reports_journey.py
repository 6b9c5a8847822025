"""The coordinator opens the region's annual report from the coordination page and downloads
its figures and its PDF; the facilitator opens the network's cycle report from the network's
tabs, and it prints without menus or buttons. Desktop and 360 px phone, axe on every page."""

import csv
import io
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from lerendnetwerk.reports.tests.story import SECRETS, SHARED_GOAL, build_story
from tests.browser.helpers import assert_catalogue_loaded, follow, log_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def download(page: Page, link_text: str) -> bytes:
    with page.expect_download() as info:
        page.locator("main a", has_text=link_text).click()
    return Path(info.value.path()).read_bytes()


def test_coordinator_and_facilitator_read_the_reports(
    fresh_page, network, facilitator, participant, coordinator
):
    assert_catalogue_loaded()
    story = build_story(network, facilitator, participant)
    year = timezone.localdate().year

    # The coordinator: coordination -> annual reports -> this year's report of Utrecht.
    page = fresh_page()
    log_in(page, coordinator.email)
    visit(page, "/coordinatie/")
    follow(page, page.locator("main a", has_text="Jaarrapportages"))
    follow(page, page.locator("main a", has_text=f"Jaarrapportage {year} van Utrecht"))
    expect(page.locator("h1")).to_have_text(f"Jaarrapportage {year} van Utrecht")
    main = page.locator("main")
    for heading in [
        "De netwerken",
        "Trends over de cycli per wijk",
        "Bijeenkomsten en aanwezigheid",
    ]:
        expect(main.locator("h2", has_text=heading)).to_be_visible()
    expect(main).to_contain_text("LN Overvecht")

    figures = download(page, "De cijfers downloaden")
    assert figures.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(figures.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["part", "subject", "measure", "value"]
    assert ["meetings", "Overvecht", "meetings_held", "2"] in rows
    pdf = download(page, "Downloaden als pdf")
    assert pdf.startswith(b"%PDF")

    # The facilitator: the network's page -> the Reports tab -> cycle 1.
    page = fresh_page()
    log_in(page, facilitator.email)
    visit(page, f"/netwerken/{network.slug}/")
    follow(page, page.locator("nav.ln-subnav a", has_text="Rapportage"))
    follow(page, page.locator("main a", has_text="Cyclus 1"))
    expect(page.locator("h1")).to_have_text("Rapportage van LN Overvecht, cyclus 1")
    main = page.locator("main")
    expect(main).to_contain_text(SHARED_GOAL)
    expect(main).to_contain_text("Te weinig antwoorden")
    expect(main.locator("svg[role=img]").first).to_be_visible()
    for secret in SECRETS.values():
        expect(main).not_to_contain_text(secret)
    for person in story.people:
        expect(main).not_to_contain_text(person.name)

    # On paper: the report without the menus, the breadcrumbs or the download buttons.
    page.emulate_media(media="print")
    expect(page.locator(".ln-header")).to_be_hidden()
    expect(page.locator(".utrecht-breadcrumb-nav")).to_be_hidden()
    expect(page.locator("main a", has_text="Downloaden als pdf")).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(main.locator("h2", has_text="Netwerkbarometer")).to_be_visible()
    page.emulate_media(media="screen")
