"""The Netwerkbarometer's notifications: a round opens, closes soon, its results are ready."""

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from lerendnetwerk.notifications import kinds
from lerendnetwerk.notifications.kinds import Frequency
from lerendnetwerk.notifications.services import EmailSender, notify

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User

    from .models import BarometerRound

ROUND_OPENED = "barometer.round_opened"
ROUND_CLOSING = "barometer.round_closing"
RESULTS_READY = "barometer.results_ready"

# The reminder goes out this many days before the round's closing date (once).
REMIND_DAYS_BEFORE = 2


def register() -> None:
    kinds.register(
        ROUND_OPENED,
        _("A Netwerkbarometer round opens"),
        Frequency.IMMEDIATELY,
        _("Your network asks how it is doing; answering takes about five minutes."),
        message=_("A Netwerkbarometer round has opened for %(network)s: fill it in."),
        order=40,
    )
    kinds.register(
        ROUND_CLOSING,
        _("A Netwerkbarometer round closes soon"),
        Frequency.IMMEDIATELY,
        _("A reminder two days before the round closes, if you have not answered yet."),
        message=_("The Netwerkbarometer round of %(network)s closes soon: fill it in."),
        order=41,
    )
    kinds.register(
        RESULTS_READY,
        _("Netwerkbarometer results"),
        Frequency.DAILY,
        _("A round has closed and its results can be read."),
        message=_("The Netwerkbarometer round of %(network)s has closed: see the results."),
        order=42,
    )


def _notify(
    barometer_round: "BarometerRound",
    users: list["User"],
    kind: str,
    url_name: str,
    email: EmailSender | None = None,
) -> None:
    network = barometer_round.network
    notify(
        users=users,
        kind=kind,
        params={"network": network.name},
        url_name=url_name,
        url_args=[network.slug, barometer_round.pk],
        email=email,
    )


def round_opened(
    *, barometer_round: "BarometerRound", users: list["User"], email: EmailSender
) -> None:
    _notify(barometer_round, users, ROUND_OPENED, "barometer:answer", email)


def round_closing(*, barometer_round: "BarometerRound", users: list["User"]) -> None:
    _notify(barometer_round, users, ROUND_CLOSING, "barometer:answer")


def results_ready(*, barometer_round: "BarometerRound", users: list["User"]) -> None:
    _notify(barometer_round, users, RESULTS_READY, "barometer:results")
