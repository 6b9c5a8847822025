"""A visitor without an account: district overview, a network's public page, the contact form and
the Handbook with its search; and the search without JavaScript."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    assert_catalogue_loaded,
    follow,
    main_menu,
    path_of,
    visit,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_visitor_finds_a_network_contacts_it_and_reads_the_handbook(page, network, facilitator):
    assert_catalogue_loaded()

    # The home page.
    visit(page, "/")
    expect(page.locator("h1")).to_be_visible()
    expect(main_menu(page).locator("a[href='/account/inloggen/']")).to_be_visible()

    # The district overview: there is one region, so /wijkoverzicht/ goes straight to Utrecht.
    follow(page, main_menu(page).locator("a[href='/wijkoverzicht/']"))
    expect(page).to_have_url(re.compile(r"/wijkoverzicht/utrecht/$"))
    overvecht = page.locator("section[aria-labelledby='wijk-overvecht']")
    expect(overvecht.locator("h4")).to_have_text(network.name)

    # The network's public page.
    public_path = f"/wijkoverzicht/utrecht/{network.slug}/"
    follow(page, overvecht.locator(f"a[href='{public_path}']"))
    expect(page).to_have_url(re.compile(re.escape(public_path) + "$"))
    expect(page.locator("h1")).to_have_text(network.name)
    expect(page.locator("main")).to_contain_text(facilitator.name)
    expect(page.locator("main")).not_to_contain_text(facilitator.email)

    # The contact form: empty first, then filled in.
    follow(page, page.locator(f"a[href='{public_path}contact/']"))
    form = page.locator("main form[method=post]")
    follow(page, form.locator("button[type=submit]"))
    expect(page.locator(".utrecht-form-field--invalid")).to_have_count(3)
    expect(page.locator("textarea[name=message]")).to_have_attribute("aria-invalid", "true")
    assert len(mail.outbox) == 0

    form.locator("input[name=name]").fill("Vera Bezoeker")
    form.locator("input[name=email]").fill("vera@example.org")
    form.locator("textarea[name=message]").fill("Mag ik een keer meekijken bij jullie netwerk?")
    follow(page, form.locator("button[type=submit]"))
    expect(page).to_have_url(re.compile(re.escape(public_path) + "$"))
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [facilitator.email]
    assert "vera@example.org" in message.body
    assert "Mag ik een keer meekijken" in message.body
    assert network.name in message.subject

    # The Handbook.
    follow(page, main_menu(page).locator("a[href='/handreiking/']"))
    expect(page).to_have_url(re.compile(r"/handreiking/$"))
    expect(page.locator("a[href='/handreiking/verkenning/']").first).to_be_visible()

    # A phase page.
    follow(page, page.locator("a[href='/handreiking/verkenning/']").first)
    expect(page).to_have_url(re.compile(r"/handreiking/verkenning/$"))
    current = page.locator("nav a[aria-current=page][href='/handreiking/verkenning/']")
    expect(current).to_be_visible()
    expect(page.locator("main article.ln-card").first).to_be_visible()

    # Searching.
    visit(page, "/handreiking/")
    search = page.locator("form[role=search]")
    search.locator("input[name=q]").fill("leerdagboek")
    follow(page, search.locator("button[type=submit]"))
    expect(page).to_have_url(re.compile(r"[?&]q=leerdagboek"))
    results = page.locator("section[aria-labelledby=results-heading] article")
    expect(results.first).to_be_visible()
    assert results.count() >= 2
    expect(page.locator("input[name=q]")).to_have_value("leerdagboek")

    # An entry.
    entry_link = page.locator(
        "section[aria-labelledby=results-heading] a[href$='/leerdagboek-bijhouden/']"
    )
    follow(page, entry_link)
    expect(page).to_have_url(re.compile(r"/handreiking/[a-z-]+/leerdagboek-bijhouden/$"))
    expect(page.locator("h1")).to_have_text(re.compile("leerdagboek", re.IGNORECASE))
    assert path_of(page).startswith("/handreiking/")


def test_search_works_without_javascript(fresh_page):
    assert_catalogue_loaded()
    page: Page = fresh_page(java_script_enabled=False)

    visit(page, "/handreiking/")
    search = page.locator("form[role=search]")
    search.locator("input[name=q]").fill("leerdagboek")
    follow(page, search.locator("button[type=submit]"))
    expect(page).to_have_url(re.compile(r"/handreiking/\?.*q=leerdagboek"))
    results = page.locator("section[aria-labelledby=results-heading] article")
    expect(results.first).to_be_visible()
    assert results.count() >= 2

    # The results lead to the entry, still without JavaScript.
    follow(page, results.locator("a[href$='/leerdagboek-bijhouden/']"))
    expect(page).to_have_url(re.compile(r"/leerdagboek-bijhouden/$"))
