"""Every transfer page, the panel and the report part read in a fixed number of queries."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any, cast

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lerendnetwerk.core.tests.factories import OrganisationFactory, login
from lerendnetwerk.transfer import panel, report
from lerendnetwerk.transfer.models import AnchoringAgreement, RelayStep, TransferItem, TransferPlan

pytestmark = pytest.mark.django_db


def fill(network: Any, cycle: Any, facilitator: Any, manager: Any, today: Any, n: int) -> None:
    """n member organisations, each with a plan, n items, n relay steps and n agreements; the
    manager's own organisation gets the same."""
    organisations = [OrganisationFactory.create() for _ in range(n)] + [manager.organisation]
    network.organisations.add(*organisations)
    for organisation in organisations:
        plan, _ = TransferPlan.objects.get_or_create(
            cycle=cycle, organisation=organisation, defaults={"presentation_on": today}
        )
        start = plan.relay_steps.count()
        for i in range(start, start + n):
            TransferItem.objects.create(plan=plan, kind="newsletter", on=today, text=f"{i}")
            RelayStep.objects.create(
                plan=plan,
                position=i + 1,
                given_by_member=facilitator if i == 0 else None,
                given_by_name="" if i == 0 else f"Collega {i}",
                received_by_name=f"Collega {i + 1}",
                on=today - timedelta(days=100 - i),
                handed_on="x",
            )
            AnchoringAgreement.objects.create(
                cycle=cycle,
                organisation=organisation,
                practice=f"Afspraak {i}",
                owner="Teamleider",
                due_on=today,
                proposed_by=facilitator,
            )


def count(callable_: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as captured:
        callable_()
    return len(captured)


@pytest.mark.parametrize(
    "who,page",
    [
        ("facilitator", "overview"),
        ("manager", "overview"),
        ("facilitator", "organisation"),
        ("manager", "organisation"),
    ],
)
def test_pages_read_a_fixed_number_of_queries(
    network, cycle, facilitator, manager, today, who, page
):
    people = {"facilitator": facilitator, "manager": manager}
    client = login(people[who])

    def url() -> str:
        if page == "overview":
            return reverse("transfer:overview", args=[network.slug])
        return reverse("transfer:organisation", args=[network.slug, manager.organisation_id])

    client.get(url())  # the session and the caches are warm
    fill(network, cycle, facilitator, manager, today, 2)
    small = count(lambda: client.get(url()))
    fill(network, cycle, facilitator, manager, today, 10)
    assert count(lambda: client.get(url())) == small


def test_the_panel_and_the_report_read_a_fixed_number_of_queries(
    network, cycle, facilitator, manager, today, utrecht
):
    request = RequestFactory().get("/")
    request.user = manager

    def everything() -> None:
        panel.render(cast(Any, request))
        panel.waiting(manager)
        report.cycle_html(cycle)
        report.cycle_figures(cycle)
        report.region_html(utrecht, today.year)
        report.region_figures(utrecht, today.year)

    fill(network, cycle, facilitator, manager, today, 2)
    small = count(everything)
    fill(network, cycle, facilitator, manager, today, 10)
    assert count(everything) == small
