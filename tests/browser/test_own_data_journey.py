"""A participant opens their profile, switches to English, downloads their data and asks to
delete their account; afterwards they cannot log in (issue 14)."""

import io
import zipfile

import pytest
from playwright.sync_api import Page, expect

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import PASSWORD
from lerendnetwerk.journal.models import JournalEntry
from tests.browser.helpers import assert_catalogue_loaded, follow, log_in, main_menu, path_of, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def submit(page: Page, form: str = "main form[method=post]") -> None:
    follow(page, page.locator(f"{form} button[type=submit]").first)


def test_profile_language_export_and_erasure(page, network, facilitator, participant):
    assert_catalogue_loaded()
    JournalEntry.objects.create(author=participant, text="Wat ik leerde over de overdracht.")
    log_in(page, participant.email)

    follow(page, main_menu(page).locator("a", has_text="Mijn profiel"))
    expect(page.locator("main")).to_contain_text(network.name)

    # The language: the next page is English, and so are the e-mails from now on.
    page.locator("input[name=language][value=en]").check()
    submit(page, "main form[action$='/profiel/']")
    expect(page.locator("h1")).to_have_text("My profile")
    assert path_of(page) == "/en/account/profiel/"
    assert User.objects.get(pk=participant.pk).language == "en"

    follow(page, page.locator("main a", has_text="See and download everything"))
    expect(page.locator("main")).to_contain_text("Wat ik leerde over de overdracht.")
    with page.expect_download() as download_info:
        page.locator("main a", has_text="Download my data").click()
    path = download_info.value.path()
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        assert "gegevens.json" in archive.namelist()

    visit(page, "/en/account/profiel/")
    follow(page, page.locator("main a", has_text="Delete my account"))
    page.locator("input[name=password]").fill("not my password")
    submit(page)
    expect(page.locator("main")).to_contain_text("That is not your password")
    page.locator("input[name=password]").fill(PASSWORD)
    submit(page)
    expect(page.locator("main")).to_contain_text("will be erased in 14 days")
    assert not User.objects.get(pk=participant.pk).is_active

    log_in(page, participant.email)
    expect(page.locator("main")).to_contain_text("horen niet bij elkaar")
