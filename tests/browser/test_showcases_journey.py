"""A member adds a photo of the network's reading morning (without JavaScript, with the consent of
the people in it), after a file that is not what its name says was refused; the facilitator
publishes it, and a visitor finds it on the network's public results page (issue 13)."""

import re

import pytest
from playwright.sync_api import Page, expect

from lerendnetwerk.showcases.models import Showcase
from lerendnetwerk.showcases.tests.files import EXE, png_bytes
from tests.browser.helpers import assert_catalogue_loaded, follow, log_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Voorleesochtend met peuters en groep 1"


def submit(page: Page) -> None:
    follow(page, page.locator("main form[method=post] button[type=submit]"))


def test_member_adds_a_photo_the_facilitator_publishes_it_and_a_visitor_sees_it(
    page, fresh_page, network, facilitator, participant, settings, tmp_path
):
    assert_catalogue_loaded()
    settings.MEDIA_ROOT = tmp_path
    base = f"/netwerken/{network.slug}/"
    results = f"{base}resultaten/"

    # The member, without JavaScript: the tab, then the form.
    member = fresh_page(java_script_enabled=False)
    log_in(member, participant.email)
    visit(member, base)
    follow(member, member.locator(f"main nav a[href='{results}']"))
    follow(member, member.locator(f"main a[href='{results}nieuw/']"))
    form = member.locator("main form[method=post]")
    form.locator("input[name=title]").fill(TITLE)
    form.locator("input[name=kind][value=photo]").check()
    form.locator("textarea[name=description]").fill("Peuters en kleuters luisterden samen.")
    # A program named like a PDF is refused, and what was typed stays.
    form.locator("input[name=file]").set_input_files(
        {"name": "foto.pdf", "mimeType": "application/pdf", "buffer": EXE}
    )
    form.locator("input[name=consent]").check()
    submit(member)
    expect(member.locator("main")).to_contain_text("Dit soort bestand kan niet worden toegevoegd")
    expect(member.locator("input[name=title]")).to_have_value(TITLE)
    assert not Showcase.objects.exists()

    form.locator("input[name=file]").set_input_files(
        {"name": "kring.png", "mimeType": "image/png", "buffer": png_bytes((320, 200))}
    )
    # The consent box keeps its tick from the first try; check it in case.
    form.locator("input[name=consent]").check()
    submit(member)
    expect(member).to_have_url(re.compile(re.escape(results) + "$"))
    expect(member.locator("main")).to_contain_text(TITLE)
    expect(member.locator("main")).to_contain_text("niet gepubliceerd")
    showcase = Showcase.objects.get()
    assert showcase.consent_confirmed_by == participant

    # A visitor does not see it yet.
    visitor = fresh_page()
    public = f"/wijkoverzicht/utrecht/{network.slug}/resultaten/"
    visit(visitor, public)
    expect(visitor.locator("main")).not_to_contain_text(TITLE)

    # The facilitator publishes it.
    log_in(page, facilitator.email)
    visit(page, results)
    follow(
        page,
        page.locator(f"main form[action='{results}{showcase.pk}/publiceren/'] button"),
    )
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
    expect(page.locator("main")).to_contain_text("op de openbare pagina")

    # The visitor finds it from the network's public page, with the photo shown.
    visit(visitor, f"/wijkoverzicht/utrecht/{network.slug}/")
    follow(visitor, visitor.locator(f"main a[href='{public}']"))
    expect(visitor.locator("main h2")).to_contain_text(TITLE)
    image = visitor.locator("main img.ln-showcase__image")
    expect(image).to_have_attribute("alt", TITLE)
    assert (
        visitor.evaluate("img => img.complete && img.naturalWidth", image.element_handle()) == 320
    )
