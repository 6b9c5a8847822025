"""Permission-matrix rows for the resource library (see core/tests/permissions.py)."""

from typing import Any

from lerendnetwerk.core.tests.permissions import ALL_OK, REDIRECT, ROLES, Row, only
from lerendnetwerk.regions.models import Region
from lerendnetwerk.resources import services
from lerendnetwerk.resources.services import ResourceData
from lerendnetwerk.resources.tests.files import MP4, WEBVTT, upload

# The unpublished suggestion's page and file (404 for anyone but its suggester and the region's
# coordinators) are tested in test_uploads.py and test_public.py.


def build(w: Any) -> None:
    utrecht = Region.objects.get(slug="utrecht")
    coordinator, facilitator = w.people["coordinator"], w.people["facilitator"]
    w.film = services.resource_create(
        region=utrecht,
        added_by=coordinator,
        data=ResourceData(
            kind="film", title="Kring", url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"
        ),
        publish=True,
    )
    w.film_file = services.resource_create(
        region=utrecht,
        added_by=coordinator,
        data=ResourceData(kind="film", title="Kring op film"),
        publish=True,
        upload=upload("kring.mp4", MP4),
        captions=upload("kring.vtt", WEBVTT, "text/vtt"),
    )
    w.suggestion = services.resource_suggest(
        region=utrecht,
        suggested_by=facilitator,
        data=ResourceData(kind="film", title="Voorstel"),
        upload=upload("voorstel.mp4", MP4),
    )


def _with(attribute: str) -> Any:
    def kwargs(w: Any) -> dict[str, Any]:
        return {"region_slug": "utrecht", "pk": getattr(w, attribute).pk}

    return kwargs


def region(w: Any) -> dict[str, Any]:
    return {"region_slug": "utrecht"}


CURATORS = only("coordinator")
ROWS: dict[str, Row] = {
    # With one region, the library's home is its list.
    "resources:home": ("get", None, dict.fromkeys(ROLES, REDIRECT)),
    "resources:index": ("get", region, ALL_OK),
    "resources:detail": ("get", _with("film"), ALL_OK),
    "resources:consent": ("post", _with("film"), dict.fromkeys(ROLES, REDIRECT)),
    "resources:file": ("get", _with("film_file"), ALL_OK),
    "resources:captions": ("get", _with("film_file"), ALL_OK),
    "resources:suggestions": ("get", None, only("facilitator")),
    "resources:suggest": ("get", region, only("facilitator")),
    "resources:manage": ("get", region, CURATORS),
    "resources:create": ("get", region, CURATORS),
    "resources:edit": ("get", _with("suggestion"), CURATORS),
    "resources:review": ("get", _with("suggestion"), CURATORS),
    "resources:delete": ("get", _with("suggestion"), CURATORS),
}
