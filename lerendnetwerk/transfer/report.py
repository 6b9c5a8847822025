"""The report part "Doorgeven en borgen": per organisation whether the presentation to the own
team was held, how many relay steps were done and the anchoring agreements with their state; for
the region, totals per district and the share of organisations with the network in their
professionalisation plan. Counts and agreements only: no names from the relay, nothing of what
a team was expected to resist."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from . import selectors

if TYPE_CHECKING:
    from lerendnetwerk.networks.models import Cycle
    from lerendnetwerk.networks.report_parts import Figure
    from lerendnetwerk.regions.models import Region


def cycle_html(cycle: "Cycle") -> SafeString:
    rows = selectors.cycle_report(cycle=cycle)
    return mark_safe(render_to_string("transfer/report_cycle.html", {"rows": rows}))  # noqa: S308


def cycle_figures(cycle: "Cycle") -> "Sequence[Figure]":
    figures: list[Figure] = []
    for row in selectors.cycle_report(cycle=cycle):
        name = row.organisation.name
        figures.append((name, "presentation_held", int(row.presentation_held)))
        figures.append((name, "relay_steps", row.relay_steps))
        for state in ("proposed", "confirmed", "sent_back"):
            count = sum(1 for a in row.agreements if a.state == state)
            figures.append((name, f"agreements_{state}", count))
    return figures


def region_html(region: "Region", year: int) -> SafeString:
    rows = selectors.region_report(region=region, year=year)
    return mark_safe(  # noqa: S308
        render_to_string("transfer/report_region.html", {"rows": rows, "year": year})
    )


def region_figures(region: "Region", year: int) -> "Sequence[Figure]":
    figures: list[Figure] = []
    for row in selectors.region_report(region=region, year=year):
        name = row.district.name
        figures += [
            (name, "organisations", row.organisations),
            (name, "presentations_held", row.presentations_held),
            (name, "relay_steps", row.relay_steps),
            (name, "agreements_proposed", row.proposed),
            (name, "agreements_confirmed", row.confirmed),
            (name, "agreements_sent_back", row.sent_back),
            (name, "organisations_with_network_in_plan", row.in_plan),
            (name, "share_with_network_in_plan", round(row.in_plan_share, 3)),
        ]
    return figures
