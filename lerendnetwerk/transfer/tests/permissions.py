"""Permission-matrix rows for the transfer pages (see core/tests/permissions.py).

The matrix's manager leads a member organisation of the network (added here) and answers only
its agreements; the organisation pages below are the participant's organisation, which the
manager may not open: a manager sees their own organisation only.
"""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from lerendnetwerk.core.tests.permissions import (
    NETWORK_READERS,
    REDIRECT,
    Row,
    network,
    only,
)
from lerendnetwerk.transfer import services


def build(w: Any) -> None:
    manager, participant = w.people["manager"], w.people["participant"]
    w.network.organisations.add(manager.organisation, participant.organisation)
    cycle = w.network.current_cycle
    today = timezone.localdate()
    w.transfer_item = services.transfer_item_add(
        cycle=cycle,
        organisation=participant.organisation,
        by=participant,
        kind="team_agenda",
        on=today,
        text="Terugblik op de netwerkbijeenkomst",
    )
    w.relay_step = services.relay_step_add(
        cycle=cycle,
        organisation=participant.organisation,
        by=participant,
        given_by_member=participant,
        received_by_name="Collega Kim",
        on=today,
        handed_on="De kijkwijzer voor spelbegeleiding",
        outcome="",
    )
    w.agreement = services.agreement_propose(
        cycle=cycle,
        organisation=manager.organisation,
        proposed_by=w.people["facilitator"],
        practice="Elke teamvergadering een netwerkpunt",
        owner="Teamleider",
        due_on=today + timedelta(days=60),
        in_professionalisation_plan="planned",
    )


def participants_organisation(w: Any) -> dict[str, Any]:
    return {"slug": w.network.slug, "organisation_id": w.people["participant"].organisation_id}


def item(w: Any) -> dict[str, Any]:
    return {**participants_organisation(w), "pk": w.transfer_item.pk}


def step(w: Any) -> dict[str, Any]:
    return {**participants_organisation(w), "pk": w.relay_step.pk}


def agreement(w: Any) -> dict[str, Any]:
    return {"slug": w.network.slug, "pk": w.agreement.pk}


EDITORS = ("participant", "facilitator")
ROWS: dict[str, Row] = {
    "transfer:overview": ("get", network, only(*NETWORK_READERS)),
    # The manager leads another organisation than the participant's: 403.
    "transfer:organisation": (
        "get",
        participants_organisation,
        only("participant", "facilitator", "coordinator"),
    ),
    "transfer:plan_edit": ("get", participants_organisation, only(*EDITORS)),
    # The matrix posts no form fields: the page comes back with the errors.
    "transfer:item_add": ("post", participants_organisation, only(*EDITORS)),
    "transfer:item_remove": ("post", item, only(*EDITORS, granted=REDIRECT)),
    "transfer:relay_add": ("get", participants_organisation, only(*EDITORS)),
    "transfer:relay_edit": ("get", step, only(*EDITORS)),
    "transfer:agreement_propose": ("get", participants_organisation, only(*EDITORS)),
    # The agreement is for the manager's organisation: the participant works elsewhere.
    "transfer:agreement_edit": ("get", agreement, only("facilitator")),
    "transfer:agreement_answer": ("post", agreement, only("manager", granted=REDIRECT)),
}
