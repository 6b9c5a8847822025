"""Permission-matrix rows for the reports pages (see core/tests/permissions.py)."""

from typing import Any

from django.utils import timezone

from lerendnetwerk.core.tests.permissions import NETWORK_READERS, Row, only


def build(w: Any) -> None:
    # The matrix's manager leads a member organisation of the network, as a committed manager
    # in practice does; a manager of another organisation is denied (reports/tests).
    w.network.organisations.add(w.people["manager"].organisation)


def cycle(w: Any) -> dict[str, Any]:
    return {"slug": w.network.slug, "number": w.network.cycles.get().number}


def region(w: Any) -> dict[str, Any]:
    return {"region_slug": "utrecht", "year": timezone.localdate().year}


ROWS: dict[str, Row] = {
    "reports:network": ("get", lambda w: {"slug": w.network.slug}, only(*NETWORK_READERS)),
    "reports:cycle": ("get", cycle, only(*NETWORK_READERS)),
    "reports:cycle_pdf": ("get", cycle, only(*NETWORK_READERS)),
    "reports:cycle_csv": ("get", cycle, only(*NETWORK_READERS)),
    "reports:index": ("get", None, only("coordinator")),
    "reports:region": ("get", region, only("coordinator")),
    "reports:region_pdf": ("get", region, only("coordinator")),
    "reports:region_csv": ("get", region, only("coordinator")),
}
