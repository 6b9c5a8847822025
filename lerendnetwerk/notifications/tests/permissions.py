"""Permission-matrix rows for notifications: everyone logged in reads and sets only their own."""

from typing import Any

from lerendnetwerk.core.tests.permissions import LOGGED_IN, LOGIN, REDIRECT, ROLES, Row
from lerendnetwerk.notifications.models import Notification
from lerendnetwerk.themes.notifications import DOT_VOTE_OPENED


def build(w: Any) -> None:
    # The participant's own notification; it leads to their page.
    w.notification = Notification.objects.create(
        user=w.people["participant"],
        kind=DOT_VOTE_OPENED,
        params={"network": w.network.name},
        url_name="pages:dashboard",
    )


def _notification(w: Any) -> dict[str, Any]:
    return {"pk": w.notification.pk}


# Everyone logged in marks their own read and is sent back to the list.
MARKED = {**dict.fromkeys(ROLES, REDIRECT), "anonymous": LOGIN}

ROWS: dict[str, Row] = {
    "notifications:list": ("get", None, LOGGED_IN),
    "notifications:preferences": ("get", None, LOGGED_IN),
    # Only its owner follows it; for anyone else it does not exist.
    "notifications:open": (
        "get",
        _notification,
        {**dict.fromkeys(ROLES, 404), "participant": REDIRECT, "anonymous": LOGIN},
    ),
    "notifications:mark_read": (
        "post",
        None,
        {**dict.fromkeys(ROLES, REDIRECT), "anonymous": LOGIN},
    ),
}
