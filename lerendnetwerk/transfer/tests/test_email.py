"""The organisation's managers hear of a proposed agreement, each in their own language."""

from datetime import timedelta
from typing import Any

import pytest

from lerendnetwerk.core.tests.factories import UserFactory
from lerendnetwerk.transfer import services

pytestmark = pytest.mark.django_db(transaction=False)


def propose(cycle: Any, organisation: Any, by: Any, today: Any) -> Any:
    return services.agreement_propose(
        cycle=cycle,
        organisation=organisation,
        proposed_by=by,
        practice="Kijkwijzer in elke groep",
        owner="Teamleider",
        due_on=today + timedelta(days=30),
        in_professionalisation_plan="planned",
    )


def test_each_manager_of_the_organisation_gets_an_email_in_their_language(
    cycle, school, manager, facilitator, today, mailoutbox, django_capture_on_commit_callbacks
):
    english = UserFactory.create(
        name="Morgan Director", is_manager=True, organisation=school, language="en"
    )
    # Not a manager of this organisation, or no longer active: no e-mail.
    UserFactory.create(is_manager=True, organisation=facilitator.organisation)
    UserFactory.create(is_manager=True, organisation=school, is_active=False)
    UserFactory.create(is_manager=False, organisation=school)
    with django_capture_on_commit_callbacks(execute=True):
        propose(cycle, school, facilitator, today)
    by_address = {m.to[0]: m for m in mailoutbox}
    assert set(by_address) == {manager.email, english.email}
    dutch = by_address[manager.email]
    assert dutch.subject == f"Een borgingsafspraak wacht op je: {school.name}"
    assert "Kijkwijzer in elke groep" in dutch.body
    assert f"/netwerken/{cycle.network.slug}/doorgeven-en-borgen/{school.pk}/" in dutch.body
    assert by_address[english.email].subject == (
        f"An anchoring agreement waits for you: {school.name}"
    )
    assert "/en/netwerken/" in by_address[english.email].body


def test_proposing_again_after_sending_back_tells_the_managers_again(
    proposed, manager, facilitator, today, mailoutbox, django_capture_on_commit_callbacks
):
    services.agreement_answer(agreement=proposed, manager=manager, confirm=False, note="Later")
    with django_capture_on_commit_callbacks(execute=True):
        services.agreement_update(
            agreement=proposed,
            by=facilitator,
            practice="Kijkwijzer in twee groepen",
            owner="Teamleider",
            due_on=today,
            in_professionalisation_plan="no",
        )
    assert [m.to[0] for m in mailoutbox][-1] == manager.email
    assert "Kijkwijzer in twee groepen" in mailoutbox[-1].body


def test_answering_sends_no_email(
    proposed, manager, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.agreement_answer(agreement=proposed, manager=manager, confirm=True, note="")
    assert mailoutbox == []
