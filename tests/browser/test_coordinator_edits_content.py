"""A coordinator keeps what their region owns, without JavaScript, on a desktop and on a phone:
adds a work form of the region's own, drafts and publishes a new Netwerkbarometer version, and
retires a focus area of the region's copy of the quality framework."""

import re

import pytest
from playwright.sync_api import expect

from lerendnetwerk.barometer.models import Questionnaire
from lerendnetwerk.barometer.selectors import questionnaire_current
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.themes.models import FocusArea
from tests.browser.helpers import assert_catalogue_loaded, follow, log_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_coordinator_edits_the_regions_content(fresh_page, coordinator, utrecht):
    assert_catalogue_loaded()
    page = fresh_page(java_script_enabled=False)
    log_in(page, coordinator.email)
    main = page.locator("main")

    # A work form of Utrecht's own.
    visit(page, "/coordinatie/")
    follow(page, main.get_by_role("link", name="Eigen werkvormen, instrumenten en tips"))
    expect(page.locator("h1")).to_have_text("Werkvormen en tips van Utrecht")
    follow(page, main.get_by_role("link", name="Een werkvorm, instrument of tip toevoegen"))
    main.get_by_label("Werkvorm", exact=True).check()
    main.get_by_label("Fase en vraag").select_option(label="Kennismaken")
    main.get_by_label("Titel", exact=True).fill("Wijkwandeling")
    main.get_by_label("Beschrijving").fill("Samen door de wijk lopen.")
    follow(page, main.locator("form button[type=submit]"))
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
    expect(main.get_by_role("link", name="Wijkwandeling", exact=True)).to_be_visible()
    assert Entry.objects.filter(region=utrecht, title="Wijkwandeling").exists()

    # A new Netwerkbarometer version: reword a statement, move it down, publish.
    visit(page, "/coordinatie/")
    follow(page, main.get_by_role("link", name="Vragenlijst Netwerkbarometer"))
    follow(page, main.get_by_role("button", name="Een nieuwe versie maken"))
    expect(main.locator(".utrecht-badge-status").first).to_have_text("Concept")
    follow(page, main.get_by_role("link", name=re.compile("^Herformuleren")).first)
    main.get_by_label("Formulering").fill("In dit netwerk bespreken we wat ons echt bezighoudt.")
    follow(page, main.locator("form button[type=submit]"))
    first_group = main.locator("section").first
    expect(first_group.locator("li").first).to_contain_text("wat ons echt bezighoudt")
    follow(page, first_group.get_by_role("button", name=re.compile("^Omlaag")).first)
    expect(first_group.locator("li").nth(1)).to_contain_text("wat ons echt bezighoudt")
    follow(page, main.get_by_role("link", name="Publiceren"))
    follow(page, main.locator("form button[type=submit]"))
    expect(main.locator("table")).to_contain_text("In gebruik")
    current = questionnaire_current(region=utrecht)
    assert current is not None and current.region == utrecht and current.is_published
    assert Questionnaire.objects.filter(region__isnull=True, is_published=True).exists()

    # Utrecht's own copy of the quality framework; a focus area retired.
    visit(page, "/coordinatie/")
    follow(page, main.get_by_role("link", name="Kwaliteitskader en speerpunten"))
    follow(page, main.get_by_role("button", name="Een kopie maken voor Utrecht"))
    follow(page, main.get_by_role("button", name=re.compile("^Uit gebruik nemen")).first)
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
    expect(main.locator(".utrecht-badge-status", has_text="Uit gebruik")).to_have_count(1)
    assert (
        FocusArea.objects.filter(chapter__framework__region=utrecht, is_retired=True).count() == 1
    )
