"""Permission-matrix rows for the showcases pages (see core/tests/permissions.py)."""

from typing import Any

from lerendnetwerk.core.tests.permissions import ALL_OK, OK, REDIRECT, ROLES, Row, network, only
from lerendnetwerk.showcases import services
from lerendnetwerk.showcases.tests.files import MINIMAL_PDF, upload

MEMBERS = ("participant", "facilitator")
# Before publication: the network's members and its region's coordinator; no login page for
# anyone else (a file's existence is not told).
NOT_FOUND = 404


def build(w: Any) -> None:
    participant, facilitator = w.people["participant"], w.people["facilitator"]
    w.showcase = services.showcase_create(
        network=w.network,
        uploaded_by=participant,
        title="Ons overdrachtsformulier",
        description="",
        kind="document",
        upload=upload("formulier.pdf", MINIMAL_PDF),
    )
    w.published = services.showcase_create(
        network=w.network,
        uploaded_by=participant,
        title="Voorleesochtend",
        description="",
        kind="text",
        upload=upload("verslag.pdf", MINIMAL_PDF),
    )
    services.showcase_publish(showcase=w.published, published_by=facilitator)


def _with(attribute: str) -> Any:
    def kwargs(w: Any) -> dict[str, Any]:
        return {"slug": w.network.slug, "pk": getattr(w, attribute).pk}

    return kwargs


showcase = _with("showcase")
published = _with("published")

ROWS: dict[str, Row] = {
    "showcases:list": ("get", network, only(*MEMBERS, "coordinator")),
    "showcases:create": ("get", network, only(*MEMBERS)),
    # The participant added it; the facilitator may change any result of the network.
    "showcases:edit": ("get", showcase, only(*MEMBERS)),
    "showcases:delete": ("get", showcase, only(*MEMBERS)),
    "showcases:publish": ("post", showcase, only("facilitator", granted=REDIRECT)),
    "showcases:unpublish": ("post", published, only("facilitator", granted=REDIRECT)),
    "showcases:download": (
        "get",
        showcase,
        {role: OK if role in (*MEMBERS, "coordinator") else NOT_FOUND for role in ROLES},
    ),
    "showcases:public": (
        "get",
        lambda w: {"region_slug": "utrecht", "slug": w.network.slug},
        ALL_OK,
    ),
}
