"""Permission-matrix rows for the Netwerkbarometer pages (see core/tests/permissions.py)."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from lerendnetwerk.barometer.models import BarometerRound
from lerendnetwerk.barometer.selectors import questionnaire_current
from lerendnetwerk.core.tests.permissions import LOGGED_IN, NETWORK_READERS, Row, network, only


def build(w: Any) -> None:
    # Made directly: the service would refuse a network with fewer members than k, and the
    # shared world should not grow members for one app's sake.
    questionnaire = questionnaire_current(region=w.network.district.region)
    assert questionnaire is not None
    w.barometer_round = BarometerRound.objects.create(
        network=w.network,
        questionnaire=questionnaire,
        closes_on=timezone.localdate() + timedelta(days=7),
        opened_by=w.people["facilitator"],
    )


def barometer_round(w: Any) -> dict[str, Any]:
    return {"slug": w.network.slug, "pk": w.barometer_round.pk}


ROWS: dict[str, Row] = {
    "barometer:network": ("get", network, only(*NETWORK_READERS)),
    "barometer:open": ("get", network, only("facilitator")),
    "barometer:answer": ("get", barometer_round, only("participant", "facilitator")),
    "barometer:close": ("get", barometer_round, only("facilitator")),
    "barometer:results": ("get", barometer_round, only(*NETWORK_READERS)),
    "barometer:print": ("get", barometer_round, only(*NETWORK_READERS)),
    "barometer:mine": ("get", None, LOGGED_IN),
    "barometer:region": ("get", None, only("coordinator")),
}
