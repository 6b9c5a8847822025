"""A manager's commitment: proposed by the facilitator, confirmed (or changed) by the manager,
asked again in a new cycle; managers invited by the facilitator; the daily reminder."""

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from lerendnetwerk.accounts.models import RoleInvitation, User
from lerendnetwerk.core.tests.factories import OrganisationFactory, UserFactory, add_member, login
from lerendnetwerk.networks import manager_panels, services
from lerendnetwerk.networks.models import (
    ManagerCommitment,
    ManagerReminder,
    Network,
    Prerequisite,
)

from .test_services_phases import record_all_prerequisites, set_phase

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def mail_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The e-mails are queued on commit; the test's transaction never commits."""
    monkeypatch.setattr(
        "lerendnetwerk.core.email.transaction.on_commit", lambda func, *a, **k: func()
    )


def propose(network: Network, manager: User, facilitator: User, **values: Any) -> ManagerCommitment:
    return services.manager_commitment_record(
        network=network,
        manager=manager,
        role=values.pop("role", "sponsor"),
        hours_per_month=values.pop("hours_per_month", Decimal(6)),
        budget_euros=values.pop("budget_euros", 1500),
        note=values.pop("note", "Vervanging bij bijeenkomsten"),
        proposed_by=facilitator,
    )


def test_a_commitment_the_facilitator_records_is_proposed_and_the_manager_is_emailed(
    network, facilitator, manager, mailoutbox
):
    commitment = propose(network, manager, facilitator)
    assert not commitment.is_confirmed
    assert commitment.cycle_id == network.current_cycle_id
    assert commitment.proposed_by == facilitator
    assert [m.to for m in mailoutbox] == [[manager.email]]
    assert "LN Overvecht" in mailoutbox[0].subject
    assert reverse("pages:manager") in mailoutbox[0].body
    assert "6" in mailoutbox[0].body and "1500" in mailoutbox[0].body


def test_the_manager_confirms_as_proposed_or_changed(network, facilitator, manager, mailoutbox):
    propose(network, manager, facilitator)
    confirmed = services.manager_commitment_confirm(
        network=network,
        manager=manager,
        role="sponsor",
        hours_per_month=Decimal(4),
        budget_euros=1000,
        note="Minder uren, wel budget",
    )
    assert confirmed.is_confirmed and confirmed.confirmed_by == manager
    assert confirmed.hours_per_month == Decimal(4) and confirmed.budget_euros == 1000
    assert ManagerCommitment.objects.count() == 1
    assert len(mailoutbox) == 1  # confirming e-mails nobody


def test_a_change_by_the_facilitator_asks_the_manager_again_but_saving_the_same_does_not(
    network, facilitator, manager, mailoutbox
):
    propose(network, manager, facilitator)
    services.manager_commitment_confirm(network=network, manager=manager, role="sponsor")
    propose(
        network,
        manager,
        facilitator,
        role="sponsor",
        hours_per_month=None,
        budget_euros=None,
        note="",
    )
    assert ManagerCommitment.objects.get().is_confirmed  # what the manager confirmed: unchanged
    propose(network, manager, facilitator, role="sounding_board")
    commitment = ManagerCommitment.objects.get()
    assert not commitment.is_confirmed and commitment.confirmed_by is None
    assert len(mailoutbox) == 2


def test_the_confirm_page_refuses_anyone_without_a_commitment_or_member_organisation(
    network, facilitator, manager
):
    other = UserFactory.create(is_manager=True, organisation=OrganisationFactory.create())
    url = reverse("networks:commitment_confirm", args=[network.slug])
    assert login(other).get(url).status_code == 403
    network.organisations.add(other.organisation)
    assert login(other).get(url).status_code == 200  # their organisation takes part


def test_the_manager_confirms_through_the_form_and_lands_on_their_page(
    network, facilitator, manager
):
    propose(network, manager, facilitator)
    response = login(manager).post(
        reverse("networks:commitment_confirm", args=[network.slug]),
        {"role": "sponsor", "hours_per_month": "5", "budget_euros": "800", "note": "Akkoord"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("pages:manager")
    commitment = ManagerCommitment.objects.get()
    assert commitment.is_confirmed and commitment.hours_per_month == Decimal(5)


def test_bad_input_keeps_what_was_typed(network, facilitator, manager):
    propose(network, manager, facilitator)
    response = login(manager).post(
        reverse("networks:commitment_confirm", args=[network.slug]),
        {"role": "sponsor", "hours_per_month": "-3", "note": "Mijn tekst"},
    )
    assert response.status_code == 200
    assert "Mijn tekst" in response.content.decode()
    assert not ManagerCommitment.objects.get().is_confirmed


# --- Inviting a manager ---------------------------------------------------------------------


def test_the_facilitator_invites_a_new_manager_for_a_member_organisation(
    network, facilitator, participant, mailoutbox
):
    organisation = participant.organisation
    response = login(facilitator).post(
        reverse("networks:manager_invite", args=[network.slug]),
        {"organisation": organisation.pk, "name": "Nieuwe Directeur", "email": "dir@example.org"},
    )
    assert response.status_code == 302
    user = User.objects.get(email="dir@example.org")
    assert user.is_manager and user.organisation == organisation
    assert not user.has_usable_password()  # choosing a password is their yes
    assert [m.to for m in mailoutbox] == [["dir@example.org"]]


def test_an_existing_account_is_asked_to_accept_the_manager_role(
    network, facilitator, participant, mailoutbox
):
    existing = UserFactory.create(email="bestaand@example.org")
    services.manager_invite(
        network=network,
        invited_by=facilitator,
        email="bestaand@example.org",
        name="",
        organisation=participant.organisation,
    )
    existing.refresh_from_db()
    assert not existing.is_manager  # only once they accept
    invitation = RoleInvitation.objects.get(user=existing)
    assert invitation.role == "manager" and invitation.organisation == participant.organisation


def test_only_a_member_organisation_of_the_network(network, facilitator):
    with pytest.raises(ValidationError):
        services.manager_invite(
            network=network,
            invited_by=facilitator,
            email="x@example.org",
            name="X",
            organisation=OrganisationFactory.create(),
        )
    assert not User.objects.filter(email="x@example.org").exists()


# --- Reminders ------------------------------------------------------------------------------


def test_the_reminder_goes_only_when_more_waits_than_at_the_last_one(
    network, facilitator, manager, mailoutbox
):
    call_command("send_manager_reminders")
    assert mailoutbox == []  # nothing waits
    propose(network, manager, facilitator)
    mailoutbox.clear()
    assert manager_panels.waiting_count(manager) == 1
    call_command("send_manager_reminders")
    assert [m.to for m in mailoutbox] == [[manager.email]]
    call_command("send_manager_reminders")
    assert len(mailoutbox) == 1  # nothing changed: no second mail
    services.manager_commitment_confirm(network=network, manager=manager, role="sponsor")
    call_command("send_manager_reminders")
    assert ManagerReminder.objects.get(manager=manager).last_count == 0
    other = services.network_create(name="LN Twee", district=network.district, created_by=None)
    propose(other, manager, facilitator)
    mailoutbox.clear()
    call_command("send_manager_reminders")
    assert len(mailoutbox) == 1  # something new after the manager acted


# --- A new cycle (doorstart) ----------------------------------------------------------------


def test_a_new_cycle_asks_each_prerequisite_again(network, facilitator, manager):
    record_all_prerequisites(network, facilitator, manager)
    set_phase(network, "anchoring")
    kinds = Prerequisite.Kind
    with pytest.raises(ValidationError):
        services.network_start_cycle(
            network=network, theme="", started_by=facilitator, still_true=[kinds.TIME]
        )
    cycle = services.network_start_cycle(
        network=network,
        theme="",
        started_by=facilitator,
        still_true=[kinds.TIME, kinds.BUDGET_AND_EXPERT, kinds.MANAGEMENT_COMMITMENT],
        new_evidence={kinds.PARTICIPANT_MOTIVATION: "Kijk vooruit: 9 van 12 gaan door."},
    )
    prerequisites = {p.kind: p for p in Prerequisite.objects.filter(network=network)}
    assert all(p.confirmed_for_cycle_id == cycle.pk for p in prerequisites.values())
    assert prerequisites[kinds.PARTICIPANT_MOTIVATION].evidence.startswith("Kijk vooruit")


def test_a_new_cycle_asks_the_managers_again_and_keeps_the_history(
    network, facilitator, manager, mailoutbox
):
    record_all_prerequisites(network, facilitator, manager)
    services.manager_commitment_confirm(network=network, manager=manager, role="sounding_board")
    set_phase(network, "anchoring")
    first = network.current_cycle
    mailoutbox.clear()
    cycle = services.network_start_cycle(
        network=network, theme="", started_by=facilitator, still_true=Prerequisite.Kind.values
    )
    old, new = ManagerCommitment.objects.order_by("cycle__number")
    assert (old.cycle, new.cycle) == (first, cycle)
    assert old.is_confirmed and not new.is_confirmed
    assert [m.to for m in mailoutbox] == [[manager.email]]
    assert manager_panels.waiting_count(manager) == 1


def test_members_who_do_not_continue_end_with_history_kept(network, facilitator, participant):
    set_phase(network, "anchoring")
    staying = add_member(network)
    leaving = participant.memberships.get(network=network)
    response = login(facilitator).post(
        reverse("networks:new_cycle", args=[network.slug]),
        {
            "theme": "Spelend leren",
            **{f"still_{kind}": "on" for kind in Prerequisite.Kind.values},
            "ending": [leaving.pk],
        },
    )
    assert response.status_code == 302
    leaving.refresh_from_db()
    assert leaving.left_at is not None
    assert staying.memberships.get(network=network).left_at is None
    network.refresh_from_db()
    assert network.current_cycle.number == 2


def test_the_doorstart_form_says_what_is_missing_and_keeps_the_theme(network, facilitator):
    set_phase(network, "anchoring")
    response = login(facilitator).post(
        reverse("networks:new_cycle", args=[network.slug]), {"theme": "Mijn thema"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Mijn thema" in page and "Bevestig elke randvoorwaarde" in page
