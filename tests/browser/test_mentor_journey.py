"""The coordinator starts Utrecht's facilitators' network, invites the region's facilitators and
pairs a new facilitator with an experienced one; the new facilitator finds their mentor on
their page and plans a peer consultation about a case of their own (issue 15)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from lerendnetwerk.core.tests.factories import NetworkFactory, UserFactory, add_member
from lerendnetwerk.groups.models import Mentorship, PeerConsultation
from lerendnetwerk.networks.models import MembershipInvitation, Network
from tests.browser.helpers import assert_catalogue_loaded, follow, log_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CASE = "Een netwerk dat blijft hangen in overleg"


def submit(page: Page) -> None:
    follow(page, page.locator("main form[method=post] button[type=submit]"))


def test_the_coordinator_pairs_a_mentor_and_the_new_facilitator_plans_a_consultation(
    page, fresh_page, coordinator, facilitator, network, district
):
    assert_catalogue_loaded()
    nina = add_member(
        NetworkFactory.create(name="LN Kanaleneiland", district=district),
        UserFactory.create(name="Nina Nieuw"),
        role="facilitator",
    )

    # The coordinator starts the facilitators' network from the coordination page.
    log_in(page, coordinator.email)
    visit(page, "/coordinatie/")
    follow(page, page.locator("main a[href='/coordinatie/kartrekkersnetwerk/']"))
    form = page.locator("main form[method=post]")
    expect(form.locator("input[name=name]")).to_have_value("Kartrekkersnetwerk")
    form.locator("input[name=name]").fill("Kartrekkers Utrecht")
    form.locator("select[name=district]").select_option(value=str(district.pk))
    submit(page)
    kartrekkers = Network.objects.get(kind=Network.Kind.FACILITATORS)
    expect(page).to_have_url(re.compile(rf"/netwerken/{kartrekkers.slug}/kartrekkers-uitnodigen/$"))
    expect(page.locator("main")).to_contain_text("Nina Nieuw")
    expect(page.locator("main")).to_contain_text(facilitator.name)
    submit(page)
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_contain_text(
        "2 kartrekkers uitgenodigd"
    )
    assert set(MembershipInvitation.objects.values_list("email", flat=True)) == {
        nina.email,
        facilitator.email,
    }

    # Then pairs Nina with Fatima, an experienced facilitator.
    visit(page, "/coordinatie/")
    follow(page, page.locator("main a[href='/kartrekkers/']"))
    follow(page, page.locator("main a[href='/kartrekkers/mentor-koppelen/']"))
    form = page.locator("main form[method=post]")
    form.locator("select[name=mentee]").select_option(value=str(nina.pk))
    form.locator("select[name=mentor]").select_option(value=str(facilitator.pk))
    form.locator("textarea[name=note]").fill("Kijk samen naar de werkvormen per fase.")
    submit(page)
    expect(page).to_have_url(re.compile(r"/kartrekkers/$"))
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
    expect(page.locator("main table")).to_contain_text("Nina Nieuw")
    pairing = Mentorship.objects.get()
    assert (pairing.mentor, pairing.mentee) == (facilitator, nina)

    # Nina sees her mentor on her page and plans a consultation about her own case.
    mentee = fresh_page()
    log_in(mentee, nina.email)
    expect(mentee.locator("main")).to_contain_text(f"Je mentor is {facilitator.name}.")
    follow(mentee, mentee.locator("main section a[href='/kartrekkers/']").first)
    expect(mentee.locator("main")).to_contain_text("Kijk samen naar de werkvormen per fase.")
    follow(mentee, mentee.locator("main a[href='/kartrekkers/intervisie/nieuw/']"))
    form = mentee.locator("main form[method=post]")
    form.locator(f"input[name=others][value='{facilitator.pk}']").check()
    day = timezone.localdate() + timedelta(days=9)
    form.locator("input[name=date]").fill(day.isoformat())
    form.locator("input[name=start_time]").fill("15:30")
    form.locator("input[name=place]").fill("Bibliotheek Overvecht")
    form.locator("input[name=case_title]").fill(CASE)
    form.locator("textarea[name=case_description]").fill(
        "De bijeenkomsten worden vergaderingen. Hoe breng ik het leren terug?"
    )
    submit(mentee)
    consultation = PeerConsultation.objects.get()
    expect(mentee).to_have_url(re.compile(rf"/kartrekkers/intervisie/{consultation.pk}/$"))
    expect(mentee.locator("main section[aria-labelledby=case-heading] h3")).to_have_text(CASE)
    expect(mentee.locator("main")).to_contain_text("Alleen de deelnemers aan deze intervisie")
    assert set(consultation.participants.all()) == {nina, facilitator}
    assert consultation.case.owner == nina
