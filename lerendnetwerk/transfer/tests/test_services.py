from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from lerendnetwerk.core.tests.factories import OrganisationFactory, UserFactory, add_member
from lerendnetwerk.transfer import services
from lerendnetwerk.transfer.models import AnchoringAgreement, RelayStep

pytestmark = pytest.mark.django_db


def plan_args(**changes: Any) -> dict[str, Any]:
    return {
        "presentation_on": None,
        "presentation_held": False,
        "work_forms": [],
        "expected_reactions": "",
        "expected_resistance": "",
        "presentation_outcome": "",
        **changes,
    }


def test_a_presentation_cannot_be_held_before_its_date(cycle, school, facilitator, today):
    with pytest.raises(ValidationError) as error:
        services.transfer_plan_save(
            cycle=cycle,
            organisation=school,
            by=facilitator,
            **plan_args(presentation_on=today + timedelta(days=3), presentation_held=True),
        )
    assert "presentation_held" in error.value.error_dict


def test_a_held_presentation_needs_a_date(cycle, school, facilitator):
    with pytest.raises(ValidationError) as error:
        services.transfer_plan_save(
            cycle=cycle, organisation=school, by=facilitator, **plan_args(presentation_held=True)
        )
    assert "presentation_on" in error.value.error_dict


def test_only_a_member_organisation_gets_a_plan(cycle, facilitator):
    elsewhere = OrganisationFactory.create()
    with pytest.raises(ValidationError, match="geen deelnemende organisatie"):
        services.transfer_plan_save(
            cycle=cycle, organisation=elsewhere, by=facilitator, **plan_args()
        )


def test_the_relay_hands_on_from_colleague_to_colleague(cycle, participant, today):
    organisation = participant.organisation

    def add(given_by_member: Any, name: str, on: Any) -> RelayStep:
        return services.relay_step_add(
            cycle=cycle,
            organisation=organisation,
            by=participant,
            given_by_member=given_by_member,
            received_by_name=name,
            on=on,
            handed_on="De kijkwijzer",
            outcome="",
        )

    with pytest.raises(ValidationError, match="eerste stap begint bij een lid"):
        add(None, "Kim", today)
    first = add(participant, "Kim", today - timedelta(days=7))
    second = add(None, "Noor", today)
    assert (first.position, second.position) == (1, 2)
    assert second.giver == "Kim"
    with pytest.raises(ValidationError) as error:
        add(None, "Sem", today - timedelta(days=8))
    assert "on" in error.value.error_dict
    # Correcting a colleague's name carries over to the step they gave.
    services.relay_step_update(
        step=first,
        by=participant,
        received_by_name="Kim de Vries",
        on=first.on,
        handed_on="De kijkwijzer",
        outcome="Gebruikt in de groep",
    )
    assert RelayStep.objects.get(pk=second.pk).giver == "Kim de Vries"


def test_only_a_member_who_works_there_starts_the_relay(cycle, participant, network, today):
    colleague_elsewhere = add_member(
        network, UserFactory.create(organisation=OrganisationFactory.create())
    )
    with pytest.raises(ValidationError) as error:
        services.relay_step_add(
            cycle=cycle,
            organisation=participant.organisation,
            by=participant,
            given_by_member=colleague_elsewhere,
            received_by_name="Kim",
            on=today,
            handed_on="x",
            outcome="",
        )
    assert "given_by" in error.value.error_dict


def test_only_a_manager_of_that_organisation_answers(proposed, participant):
    other_manager = UserFactory.create(is_manager=True, organisation=participant.organisation)
    with pytest.raises(ValidationError, match="Alleen een leidinggevende van"):
        services.agreement_answer(agreement=proposed, manager=other_manager, confirm=True, note="")
    proposed.refresh_from_db()
    assert proposed.state == AnchoringAgreement.State.PROPOSED


def test_sending_back_needs_a_note_and_an_answer_is_given_once(proposed, manager):
    with pytest.raises(ValidationError) as error:
        services.agreement_answer(agreement=proposed, manager=manager, confirm=False, note=" ")
    assert "note" in error.value.error_dict
    services.agreement_answer(
        agreement=proposed, manager=manager, confirm=False, note="Eerst de teamleiders horen"
    )
    proposed.refresh_from_db()
    assert proposed.state == AnchoringAgreement.State.SENT_BACK
    with pytest.raises(ValidationError, match="al geantwoord"):
        services.agreement_answer(agreement=proposed, manager=manager, confirm=True, note="")


def test_a_sent_back_agreement_is_proposed_again_and_a_confirmed_one_stays(
    proposed, manager, facilitator, today
):
    services.agreement_answer(agreement=proposed, manager=manager, confirm=False, note="Te vaag")
    changed = services.agreement_update(
        agreement=proposed,
        by=facilitator,
        practice="Elke tweede teamvergadering",
        owner="Teamleider",
        due_on=today + timedelta(days=30),
        in_professionalisation_plan="planned",
    )
    assert changed.state == AnchoringAgreement.State.PROPOSED
    assert changed.answer_note == ""
    services.agreement_answer(agreement=changed, manager=manager, confirm=True, note="")
    with pytest.raises(ValidationError, match="blijft zoals hij is"):
        services.agreement_update(
            agreement=changed,
            by=facilitator,
            practice="Iets anders",
            owner="Teamleider",
            due_on=today,
            in_professionalisation_plan="no",
        )
