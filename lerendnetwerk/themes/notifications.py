"""The themes' notifications: a dot vote opened or closed, a contract version published."""

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.notifications import kinds
from lerendnetwerk.notifications.kinds import Frequency
from lerendnetwerk.notifications.services import notify

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User
    from lerendnetwerk.networks.models import Network

DOT_VOTE_OPENED = "themes.dot_vote_opened"
DOT_VOTE_CLOSED = "themes.dot_vote_closed"
AGREEMENT_PUBLISHED = "themes.agreement_published"


def register() -> None:
    kinds.register(
        DOT_VOTE_OPENED,
        _("A dot vote opens"),
        Frequency.IMMEDIATELY,
        _("Your network asks you to place your stickers on the proposed themes."),
        message=_("A dot vote has opened in %(network)s: place your stickers."),
        order=10,
    )
    kinds.register(
        DOT_VOTE_CLOSED,
        _("A dot vote closes"),
        Frequency.DAILY,
        _("The ranking of the themes is known."),
        message=_("The dot vote in %(network)s has closed: see the ranking."),
        order=11,
    )
    kinds.register(
        AGREEMENT_PUBLISHED,
        _("A new version of the contract"),
        Frequency.IMMEDIATELY,
        _("The network's agreements changed; you are asked to agree to the new version."),
        message=_("Version %(version)s of the contract of %(network)s is published: read it."),
        order=12,
    )


def _others(network: "Network", actor: "User | None") -> list["User"]:
    members = network_selectors.members(network=network)
    return [user for user in members if actor is None or user.pk != actor.pk]


def dot_vote_opened(*, network: "Network", dot_vote_id: int, opened_by: "User") -> None:
    notify(
        users=_others(network, opened_by),
        kind=DOT_VOTE_OPENED,
        params={"network": network.name},
        url_name="themes:vote",
        url_args=[network.slug, dot_vote_id],
    )


def dot_vote_closed(*, network: "Network", dot_vote_id: int) -> None:
    notify(
        users=_others(network, None),
        kind=DOT_VOTE_CLOSED,
        params={"network": network.name},
        url_name="themes:vote",
        url_args=[network.slug, dot_vote_id],
    )


def agreement_published(*, network: "Network", version: int, published_by: "User") -> None:
    notify(
        users=_others(network, published_by),
        kind=AGREEMENT_PUBLISHED,
        params={"network": network.name, "version": str(version)},
        url_name="themes:agreement",
        url_args=[network.slug],
    )
