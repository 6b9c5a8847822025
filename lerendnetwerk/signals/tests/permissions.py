"""Permission-matrix rows for the signal pages: the facilitator acts, the coordinator reads."""

from typing import Any

from django.utils import timezone

from lerendnetwerk.core.tests.permissions import REDIRECT, Row, network, only
from lerendnetwerk.signals.models import Severity, Signal


def build(w: Any) -> None:
    # The matrix network has no phase, so no rule fires: one stored signal to act on.
    w.signal = Signal.objects.create(
        network=w.network,
        rule="meeting_atmosphere",
        severity=Severity.WARNING,
        facts={"total": 180, "active": 30, "n": 3},
        score=0.8,
        since=timezone.localdate(),
    )


def signal(w: Any) -> dict[str, Any]:
    return {"slug": w.network.slug, "pk": w.signal.pk}


ROWS: dict[str, Row] = {
    "signals:region": ("get", None, only("coordinator")),
    "signals:digest_settings": ("get", None, only("coordinator")),
    "signals:network": ("get", network, only("facilitator", "coordinator")),
    # The empty note comes back with its message; a missing work form goes back to the page.
    "signals:acknowledge": ("post", signal, only("facilitator")),
    "signals:schedule": ("post", signal, only("facilitator", granted=REDIRECT)),
}
