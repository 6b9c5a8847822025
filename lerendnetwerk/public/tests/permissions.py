"""Permission-matrix rows for the public site (see core/tests/permissions.py): everyone may read
it, with or without an account."""

from typing import Any

from lerendnetwerk.core.tests.permissions import ALL_OK, REDIRECT, ROLES, Row


def region(w: Any) -> dict[str, Any]:
    return {"region_slug": "utrecht"}


def network(w: Any) -> dict[str, Any]:
    return {"region_slug": "utrecht", "slug": w.network.slug}


ROWS: dict[str, Row] = {
    # One region: straight on to its overview.
    "public:overview": ("get", None, dict.fromkeys(ROLES, REDIRECT)),
    "public:region": ("get", region, ALL_OK),
    "public:network": ("get", network, ALL_OK),
    "public:themes": ("get", region, ALL_OK),
    "public:good_practice": ("get", region, ALL_OK),
}


def build(w: Any) -> None:
    """Nothing of its own: the public site shows what the other apps' rows built (the showcases'
    rows publish a result of the matrix's network)."""
