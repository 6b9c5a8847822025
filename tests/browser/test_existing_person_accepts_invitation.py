"""A facilitator invites someone who already has an account; that person logs in, finds the
invitation on their page and accepts it. Until then they are no member, and the facilitator
is told only the address they typed."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from lerendnetwerk.core.tests.factories import UserFactory
from lerendnetwerk.networks import selectors
from tests.browser.helpers import assert_catalogue_loaded, follow, log_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_existing_person_accepts_an_invitation_to_a_network(
    page, fresh_page, live_server, settings, network, facilitator
):
    assert_catalogue_loaded()
    settings.SITE_URL = live_server.url
    sanne = UserFactory.create(name="Sanne Bestaand", email="sanne@example.org")

    log_in(page, facilitator.email)
    visit(page, f"/netwerken/{network.slug}/uitnodigen/")
    form = page.locator("main form[method=post]")
    form.locator("input[name=name]").fill("S. Bestaand")
    form.locator("input[name=email]").fill("Sanne@Example.org")
    follow(page, form.locator("button[type=submit]"))
    expect(page).to_have_url(re.compile(rf"/netwerken/{network.slug}/leden/$"))
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_have_text(
        re.compile(r"We hebben een uitnodiging gestuurd naar Sanne@Example\.org\.")
    )
    expect(page.locator("main")).not_to_contain_text("Sanne Bestaand")
    assert not selectors.is_member(network=network, user=sanne)
    [invitation] = mail.outbox
    assert f"{live_server.url}/mijn-pagina/uitnodigingen/" in str(invitation.body)

    # Sanne logs in as usual and finds the invitation on her page.
    sanne_page = fresh_page()
    log_in(sanne_page, "sanne@example.org")
    expect(sanne_page).to_have_url(re.compile(r"/mijn-pagina/$"))
    follow(sanne_page, sanne_page.locator("main a[href='/mijn-pagina/uitnodigingen/']"))
    card = sanne_page.locator("main article", has_text=network.name)
    expect(card).to_contain_text("Fatima Kartrekker")
    follow(sanne_page, card.locator("button[value=accept]"))

    expect(sanne_page).to_have_url(re.compile(rf"/netwerken/{network.slug}/$"))
    expect(sanne_page.locator(".utrecht-alert--ok[role=status]")).to_contain_text(network.name)
    assert selectors.is_member(network=network, user=sanne)
    visit(sanne_page, "/mijn-pagina/uitnodigingen/")
    expect(sanne_page.locator("main article")).to_have_count(0)
