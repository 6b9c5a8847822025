"""The groups' notifications: a buddy pair or a table (a rotating group) assigned."""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from lerendnetwerk.notifications import kinds
from lerendnetwerk.notifications.kinds import Frequency
from lerendnetwerk.notifications.services import notify

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User
    from lerendnetwerk.networks.models import Network

BUDDY_ASSIGNED = "groups.buddy_assigned"
TABLE_ASSIGNED = "groups.table_assigned"


def register() -> None:
    kinds.register(
        BUDDY_ASSIGNED,
        _("A buddy for you"),
        Frequency.IMMEDIATELY,
        _("The facilitator paired you with a buddy to learn with."),
        message=_("You have a new buddy in %(network)s."),
        order=30,
    )
    kinds.register(
        TABLE_ASSIGNED,
        _("Your table at meetings"),
        Frequency.DAILY,
        _("The groups you sit in at the next meetings are planned or changed."),
        message=_("The groups of %(rotation)s in %(network)s are planned: see your table."),
        order=31,
    )


def buddies_assigned(*, network: "Network", users: Iterable["User"]) -> None:
    notify(
        users=users,
        kind=BUDDY_ASSIGNED,
        params={"network": network.name},
        url_name="groups:overview",
        url_args=[network.slug],
    )


def tables_assigned(
    *, network: "Network", rotation_id: int, rotation_name: str, users: Iterable["User"]
) -> None:
    notify(
        users=users,
        kind=TABLE_ASSIGNED,
        params={"network": network.name, "rotation": rotation_name},
        url_name="groups:rotation",
        url_args=[network.slug, rotation_id],
    )
