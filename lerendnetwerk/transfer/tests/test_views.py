from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse

from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core.tests.factories import OrganisationFactory, UserFactory, login
from lerendnetwerk.transfer.models import AnchoringAgreement, RelayStep, TransferPlan

pytestmark = pytest.mark.django_db


def organisation_url(network: Any, organisation: Any) -> str:
    return reverse("transfer:organisation", args=[network.slug, organisation.pk])


def test_a_manager_sees_their_own_organisation_only(network, manager, school, participant):
    client = login(manager)
    overview = client.get(reverse("transfer:overview", args=[network.slug]))
    assert overview.status_code == 200
    assert school.name in overview.text
    assert participant.organisation.name not in overview.text
    assert client.get(organisation_url(network, school)).status_code == 200
    assert client.get(organisation_url(network, participant.organisation)).status_code == 403


def test_a_manager_of_a_member_organisation_needs_no_commitment(network, school):
    other_manager = UserFactory.create(is_manager=True, organisation=school)
    assert login(other_manager).get(organisation_url(network, school)).status_code == 200


def test_a_manager_of_an_organisation_outside_the_network_sees_nothing(network):
    outside = UserFactory.create(is_manager=True, organisation=OrganisationFactory.create())
    response = login(outside).get(reverse("transfer:overview", args=[network.slug]))
    assert response.status_code == 403


def test_a_manager_sees_progress_but_not_the_plans_content(
    network, cycle, manager, school, facilitator, today
):
    plan = TransferPlan.objects.create(
        cycle=cycle,
        organisation=school,
        presentation_on=today,
        presentation_held=True,
        expected_resistance="Juf Ans zal zeggen dat het niet werkt",
    )
    RelayStep.objects.create(
        plan=plan,
        position=1,
        given_by_member=facilitator,
        received_by_name="Collega Bram",
        on=today,
        handed_on="De kijkwijzer",
    )
    page = login(manager).get(organisation_url(network, school)).text
    assert "Presentatie in het team gehouden op" in page
    assert "1 estafettestap gedaan" in page
    assert "Juf Ans" not in page
    assert "Collega Bram" not in page
    member_page = login(facilitator).get(organisation_url(network, school)).text
    assert "Juf Ans" in member_page and "Collega Bram" in member_page


def test_the_facilitator_writes_the_plan_with_work_forms_from_the_catalogue(
    network, facilitator, school, today
):
    work_form = Entry.objects.filter(kind=Entry.Kind.ACTIVITY)[0]
    tip = Entry.objects.filter(kind=Entry.Kind.TIP)[0]
    url = reverse("transfer:plan_edit", args=[network.slug, school.pk])
    client = login(facilitator)
    # A tip is no work form: not among the choices.
    refused = client.post(url, {"work_forms": [tip.pk], "expected_reactions": "Nieuwsgierig"})
    assert refused.status_code == 200
    assert "Nieuwsgierig" in refused.text
    response = client.post(
        url,
        {
            "presentation_on": today.isoformat(),
            "presentation_held": "on",
            "work_forms": [work_form.pk],
            "expected_reactions": "Nieuwsgierig",
        },
    )
    assert response.status_code == 302
    plan = TransferPlan.objects.get()
    assert list(plan.work_forms.all()) == [work_form]
    assert plan.presentation_held


def test_a_refused_plan_keeps_what_was_typed(network, facilitator, school, today):
    url = reverse("transfer:plan_edit", args=[network.slug, school.pk])
    response = login(facilitator).post(
        url,
        {
            "presentation_on": (today + timedelta(days=5)).isoformat(),
            "presentation_held": "on",
            "expected_resistance": "Tijdgebrek in het team",
        },
    )
    assert response.status_code == 200
    assert "De presentatie moet nog komen" in response.text
    assert "Tijdgebrek in het team" in response.text
    assert not TransferPlan.objects.exists()


def test_a_participant_from_another_organisation_cannot_edit(network, participant, school):
    url = reverse("transfer:plan_edit", args=[network.slug, school.pk])
    assert login(participant).get(url).status_code == 403


def test_the_relay_page_offers_the_previous_colleague(network, participant, today):
    organisation = participant.organisation
    url = reverse("transfer:relay_add", args=[network.slug, organisation.pk])
    client = login(participant)
    client.post(
        url,
        {
            "given_by": str(participant.pk),
            "received_by_name": "Kim",
            "on": today.isoformat(),
            "handed_on": "Kijkwijzer",
        },
    )
    page = client.get(url).text
    assert "Kim (ontving de vorige stap)" in page
    client.post(
        url,
        {
            "given_by": "previous",
            "received_by_name": "Noor",
            "on": today.isoformat(),
            "handed_on": "Kijkwijzer",
        },
    )
    assert [s.giver for s in RelayStep.objects.all()] == [participant.name, "Kim"]


def test_the_manager_confirms_and_the_state_shows_everywhere(
    network, proposed, manager, facilitator
):
    url = reverse("transfer:agreement_answer", args=[network.slug, proposed.pk])
    response = login(manager).post(url, {"decision": "confirm"})
    assert response.status_code == 302
    proposed.refresh_from_db()
    assert proposed.state == AnchoringAgreement.State.CONFIRMED
    for page in ("transfer:overview",):
        assert "Bevestigd" in login(facilitator).get(reverse(page, args=[network.slug])).text


def test_sending_back_without_a_note_is_refused_with_a_message(network, proposed, manager):
    url = reverse("transfer:agreement_answer", args=[network.slug, proposed.pk])
    response = login(manager).post(url, {"decision": "send_back", "note": ""}, follow=True)
    assert "Zeg waarom je hem terugstuurt" in response.text
    proposed.refresh_from_db()
    assert proposed.state == AnchoringAgreement.State.PROPOSED


def test_a_superuser_cannot_answer_for_an_organisation(network, proposed):
    admin = UserFactory.create(is_superuser=True, is_staff=True)
    url = reverse("transfer:agreement_answer", args=[network.slug, proposed.pk])
    assert login(admin).post(url, {"decision": "confirm"}).status_code == 403
    proposed.refresh_from_db()
    assert proposed.state == AnchoringAgreement.State.PROPOSED


def test_answering_goes_back_to_a_local_page_only(network, proposed, manager):
    url = reverse("transfer:agreement_answer", args=[network.slug, proposed.pk])
    response = login(manager).post(url, {"decision": "confirm", "next": "https://evil.example/"})
    assert response["Location"].startswith(organisation_url(network, proposed.organisation))
