"""The coordinator starts a network in Overvecht and invites its facilitator, who accepts the
invitation by choosing a password."""

import re

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from playwright.sync_api import expect

from lerendnetwerk.accounts.models import Invitation, User
from lerendnetwerk.networks.models import Membership, Network
from tests.browser.helpers import assert_catalogue_loaded, follow, log_in, main_menu, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_PASSWORD = "Kartrekker-Overvecht-2026"


def test_coordinator_starts_a_network_and_its_facilitator_joins(
    page, fresh_page, live_server, settings, coordinator, district
):
    assert_catalogue_loaded()
    # The invitation link points at the site; here the site is the live server.
    settings.SITE_URL = live_server.url

    log_in(page, coordinator.email)
    expect(page).to_have_url(re.compile(r"/mijn-pagina/$"))

    # The coordination page, from the main menu.
    follow(page, main_menu(page).locator("a[href='/coordinatie/']"))
    expect(page).to_have_url(re.compile(r"/coordinatie/$"))

    # Start a network: first the empty form.
    follow(page, page.locator("main a[href='/netwerken/nieuw/']"))
    expect(page).to_have_url(re.compile(r"/netwerken/nieuw/$"))
    form = page.locator("main form[method=post]")
    submit = form.locator("button[type=submit]")
    follow(page, submit)
    expect(page.locator("input[name=name]")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("select[name=district]")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".utrecht-form-field-error-message")).to_have_count(2)
    assert not Network.objects.exists()

    # Then with the description but no district: what was typed stays.
    description = "Opvang, peuterspeelzaal en basisschool werken aan de overgang naar groep 1."
    form.locator("input[name=name]").fill("LN Overvecht Noord")
    form.locator("textarea[name=description]").fill(description)
    follow(page, submit)
    expect(page.locator("select[name=district]")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("input[name=name]")).to_have_value("LN Overvecht Noord")
    expect(page.locator("textarea[name=description]")).to_have_value(description)
    assert not Network.objects.exists()

    # Now complete.
    form.locator("select[name=district]").select_option(value=str(district.pk))
    expect(form.locator("select[name=district] option:checked")).to_have_text("Overvecht")
    follow(page, submit)
    expect(page).to_have_url(re.compile(r"/netwerken/ln-overvecht-noord/uitnodigen/$"))
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
    network = Network.objects.get()
    assert network.name == "LN Overvecht Noord"
    assert network.district == district
    assert network.description == description

    # Invite the facilitator (no organisation: it is optional).
    invite = page.locator("main form[method=post]")
    invite.locator("input[name=name]").fill("Karin Kartrekker")
    invite.locator("input[name=email]").fill("karin.kartrekker@example.org")
    expect(invite.locator("select[name=organisation]")).to_have_value("")
    invite.locator("input[name=role][value=facilitator]").check()
    follow(page, invite.locator("button[type=submit]"))
    expect(page).to_have_url(re.compile(r"/netwerken/ln-overvecht-noord/leden/$"))
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_contain_text(
        "karin.kartrekker@example.org"
    )
    row = page.locator("main table tbody tr", has_text="Karin Kartrekker")
    expect(row).to_have_count(1)
    karin = User.objects.get(email="karin.kartrekker@example.org")
    assert Membership.objects.get(network=network, user=karin).role == "facilitator"
    assert not karin.has_usable_password()

    # The invitation e-mail carries a one-time link.
    assert len(mail.outbox) == 1
    invitation = mail.outbox[0]
    assert invitation.to == ["karin.kartrekker@example.org"]
    assert network.name in invitation.body
    links = re.findall(r"https?://\S+/account/uitnodiging/[^\s/]+/[^\s/]+/", str(invitation.body))
    assert links, f"no invitation link in the e-mail:\n{invitation.body}"
    link = links[0]
    assert link.startswith(live_server.url)
    assert isinstance(invitation, EmailMultiAlternatives)
    html = str(invitation.alternatives[0][0])
    assert f'href="{link}"' in html

    # Karin opens the link in her own browser and chooses a password.
    karin_page = fresh_page()
    visit(karin_page, link)
    new_password1 = karin_page.locator("input[name=new_password1]")
    expect(new_password1).to_be_visible()
    new_password1.fill(NEW_PASSWORD)
    karin_page.locator("input[name=new_password2]").fill(NEW_PASSWORD)
    follow(karin_page, karin_page.locator("main form button[type=submit]"))

    # She is logged in on her page, which shows the network.
    expect(karin_page).to_have_url(re.compile(r"/mijn-pagina/$"))
    expect(karin_page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
    expect(karin_page.locator(f"main a[href='/netwerken/{network.slug}/']")).to_have_text(
        network.name
    )
    expect(main_menu(karin_page).locator("form[action='/account/uitloggen/']")).to_be_visible()
    karin.refresh_from_db()
    assert karin.check_password(NEW_PASSWORD)
    assert Invitation.objects.get(user=karin).accepted_at is not None

    # The link works once.
    visit(karin_page, link)
    expect(karin_page.locator("input[name=new_password1]")).to_have_count(0)
