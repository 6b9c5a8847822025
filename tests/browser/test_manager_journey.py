"""A manager logs in, goes from their page to their organisation's page, sees the networks their
staff take part in with attendance as totals, and confirms the commitment the facilitator
proposed, then downloads a cycle report. Every page is checked with axe and for sideways
scrolling, at 1280 and 360 px."""

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from lerendnetwerk.core.tests.factories import UserFactory, add_member
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.networks.models import ManagerCommitment
from tests.browser.helpers import assert_catalogue_loaded, follow, log_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_manager_follows_their_staff_and_confirms_a_commitment(
    page, live_server, settings, network, facilitator, manager
):
    assert_catalogue_loaded()
    settings.SITE_URL = live_server.url
    for name in ("Anna Aanwezig", "Bram Bezig"):
        add_member(network, UserFactory.create(name=name, organisation=manager.organisation))
    network_services.manager_commitment_record(
        network=network, manager=manager, role="sponsor", proposed_by=facilitator
    )

    log_in(page, manager.email)
    expect(page.locator("main")).to_contain_text("1 ding wacht op je.")
    expect(page.locator("main")).not_to_contain_text("nog geen lid van een netwerk")
    follow(page, page.locator("main a[href='/mijn-pagina/organisatie/']"))

    main = page.locator("main")
    expect(main.locator("h1")).to_contain_text(manager.organisation.name)
    expect(main).to_contain_text("1 ding wacht op je")
    expect(main.locator("h3", has_text="LN Overvecht")).to_have_count(1)
    expect(main).to_contain_text("Voorgesteld, wacht op bevestiging")
    expect(main).not_to_contain_text("Anna Aanwezig")

    form = main.locator(
        f"form[action='/netwerken/{network.slug}/randvoorwaarden/management/bevestigen/']"
    )
    form.locator("input[name=hours_per_month]").fill("6")
    form.locator("input[name=budget_euros]").fill("1200")
    form.locator("textarea[name=note]").fill("Vervanging bij elke bijeenkomst")
    follow(page, form.locator("button[type=submit]"))

    expect(page).to_have_url(re.compile(r"/mijn-pagina/organisatie/$"))
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_contain_text("is bevestigd")
    expect(page.locator("main")).to_contain_text("Er wacht niets op je")
    commitment = ManagerCommitment.objects.get()
    assert commitment.is_confirmed and commitment.budget_euros == 1200

    # From their page, the manager downloads the cycle report of a network their organisation
    # is a member of: a PDF with the network's name and nothing about single people.
    network.organisations.add(manager.organisation)
    visit(page, "/mijn-pagina/organisatie/")
    report_link = page.locator(f"main a[href='/netwerken/{network.slug}/rapportage/cyclus-1/pdf/']")
    with page.expect_download() as info:
        report_link.click()
    pdf = Path(info.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    text = "".join(page_.extract_text() for page_ in PdfReader(io.BytesIO(pdf)).pages)
    assert network.name in text
    assert "Anna Aanwezig" not in text
