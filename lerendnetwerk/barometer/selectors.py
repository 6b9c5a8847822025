"""Reads for the barometer pages (except results, see results.py), each in a fixed number of
queries."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from lerendnetwerk.accounts.models import User
from lerendnetwerk.networks.models import Membership, Network
from lerendnetwerk.regions.models import Region

from .models import BarometerRound, Participation, Question, Questionnaire


def questionnaire_current(*, region: Region) -> Questionnaire | None:
    """The version new rounds use: the region's latest published one, else the default's."""
    published = Questionnaire.objects.filter(is_published=True).order_by("-version")
    return published.filter(region=region).first() or published.filter(region__isnull=True).first()


def _answered_by(user: User) -> Exists:
    return Exists(Participation.objects.filter(round=OuterRef("pk"), user=user))


def network_rounds(*, network: Network, user: User) -> list[BarometerRound]:
    """Every round of the network, newest first, with how many answered and whether `user` did."""
    return list(
        BarometerRound.objects.filter(network=network)
        .with_answered()
        .annotate(answered_by_me=_answered_by(user))
    )


def member_count(*, network: Network) -> int:
    return Membership.objects.filter(network=network, left_at__isnull=True).count()


def round_get(*, slug: str, pk: int) -> BarometerRound:
    """The round with its network and region, only under its own network's address."""
    return BarometerRound.objects.select_related("network__district__region", "questionnaire").get(
        pk=pk, network__slug=slug
    )


def round_questions(*, barometer_round: BarometerRound) -> list[Question]:
    return list(barometer_round.questionnaire.questions.order_by("order", "pk"))


@dataclass
class MyRounds:
    open: list[BarometerRound]
    closed: list[BarometerRound]


def rounds_for_user(*, user: User, closed_limit: int = 10) -> MyRounds:
    """Open rounds of the person's networks (with whether they answered) and recent closed ones."""
    rounds = (
        BarometerRound.objects.filter(
            network__memberships__user=user, network__memberships__left_at__isnull=True
        )
        .select_related("network")
        .with_answered()
        .annotate(answered_by_me=_answered_by(user))
        .distinct()
    )
    return MyRounds(
        open=list(rounds.open().order_by("closes_on")),
        closed=list(rounds.closed().order_by("-closes_on")[:closed_limit]),
    )


def regions_by_ids(*, region_ids: frozenset[int]) -> list[Region]:
    return list(Region.objects.filter(pk__in=region_ids).order_by("name"))
