"""Reads for the barometer pages (except results, see results.py), each in a fixed number of
queries."""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core import pagecache
from lerendnetwerk.networks.models import Network
from lerendnetwerk.networks.selectors import network_ids_of
from lerendnetwerk.regions.models import Region

from ..models import (
    BarometerRound,
    Dimension,
    Participation,
    Question,
    Questionnaire,
    min_answers_for,
)


def questionnaire_current(*, region: Region) -> Questionnaire | None:
    """The version new rounds use: the region's latest published one, else the default's."""
    return _current(region).first()


def _current(region: Region) -> QuerySet[Questionnaire]:
    # The region's own versions sort before the default's (NULL region last), newest first.
    return Questionnaire.objects.filter(
        Q(region=region) | Q(region__isnull=True), is_published=True
    ).order_by(F("region").asc(nulls_last=True), "-version")


def current_statement_keys(*, region: Region) -> list[str] | None:
    """The statements' keys of `questionnaire_current`, in order; None without one. One query."""
    rows = list(
        Question.objects.filter(
            questionnaire=Subquery(_current(region).values("pk")[:1]), kind=Question.Kind.SCALE
        )
        .order_by("order", "pk")
        .values_list("key", flat=True)
    )
    if rows:
        return rows
    # Rare: a version without statements, or none at all (then every statement counts).
    return [] if _current(region).exists() else None


def region_questionnaires(*, region: Region) -> list[Questionnaire]:
    """The region's own versions, newest first, then the default's, each with `round_total`:
    how many rounds used it (one query)."""
    return list(
        Questionnaire.objects.filter(Q(region=region) | Q(region__isnull=True))
        .annotate(round_total=Count("rounds"))
        .order_by(F("region").asc(nulls_last=True), "-version")
    )


def region_questionnaire_find(*, region: Region, pk: int) -> Questionnaire | None:
    """A version of the region's own or of the default; None for another region's."""
    return (
        Questionnaire.objects.filter(Q(region=region) | Q(region__isnull=True), pk=pk)
        .select_related("region")
        .first()
    )


def questionnaire_questions(*, questionnaire: Questionnaire) -> list[Question]:
    return list(questionnaire.questions.order_by("order", "pk"))


def question_find(*, questionnaire: Questionnaire, pk: int) -> Question | None:
    """A question of this version; None for another version's."""
    return Question.objects.filter(questionnaire=questionnaire, pk=pk).first()


def questionnaire_in_use(*, questionnaire: Questionnaire) -> bool:
    """Whether a round uses the version (then it never changes)."""
    return questionnaire.rounds.exists()


def questions_to_restore(*, draft: Questionnaire) -> list[Question]:
    """Questions of the version in use that the draft no longer has: what can be put back with
    its key (one query)."""
    if draft.region is None:
        return []
    return list(
        Question.objects.filter(questionnaire=Subquery(_current(draft.region).values("pk")[:1]))
        .exclude(key__in=Question.objects.filter(questionnaire=draft).values("key"))
        .order_by("order", "pk")
    )


def _answered_by(user: User) -> Exists:
    return Exists(Participation.objects.filter(round=OuterRef("pk"), user=user))


def network_rounds(*, network: Network, user: User) -> list[BarometerRound]:
    """Every round of the network, newest first, with how many answered and whether `user` did."""
    return list(
        BarometerRound.objects.filter(network=network)
        .with_answered()
        .annotate(answered_by_me=_answered_by(user))
    )


def round_open(*, network: Network) -> BarometerRound | None:
    """The network's open round, if any, with how many answered so far."""
    return BarometerRound.objects.filter(network=network).open().with_answered().first()


def round_shown_since(*, network: Network, since: datetime) -> BarometerRound | None:
    """The network's latest round opened since `since` that has closed with enough answers to
    show its results (the region's minimum), with its answered count; one query."""
    return (
        BarometerRound.objects.filter(network=network, opened_at__gte=since)
        .closed()
        .with_answered()
        .filter(Q(counted__gte=min_answers_for(network.district.region)))
        .order_by("-opened_at", "-pk")
        .first()
    )


def answer_count(*, barometer_round: BarometerRound) -> int:
    """How many answered, also while the answers are sealed."""
    return barometer_round.participations.count()


def counted_count(*, barometer_round: BarometerRound) -> int:
    """How many answers count towards k (facilitators' do not)."""
    return barometer_round.participations.filter(counts=True).count()


def has_answered(*, barometer_round: BarometerRound, user: User) -> bool:
    return Participation.objects.filter(round=barometer_round, user=user).exists()


def round_get(*, slug: str, pk: int) -> BarometerRound:
    """The round with its network and region, only under its own network's address. Kept in the
    cache under its network's scope (core/pagecache.py), which an answer bumps."""
    network_id = pagecache.pinned(f"barometer:network-of-round:{pk}")
    found = None
    if network_id is not None:
        found = pagecache.recall(f"barometer:round:{pk}", _scopes(network_id))
    if found is None:
        found = (
            BarometerRound.objects.select_related("network__district__region", "questionnaire")
            .with_answered()
            .get(pk=pk)
        )
        pagecache.pin(f"barometer:network-of-round:{pk}", found.network_id)
        pagecache.keep(f"barometer:round:{pk}", _scopes(found.network_id), found)
    if found.network.slug != slug:
        raise BarometerRound.DoesNotExist
    return found


def _scopes(network_id: int) -> list[str]:
    return [pagecache.network(network_id), pagecache.SHARED]


def round_questions(*, barometer_round: BarometerRound) -> list[Question]:
    return list(barometer_round.questionnaire.questions.order_by("order", "pk"))


@dataclass
class MyRounds:
    open: list[BarometerRound]
    closed: list[BarometerRound]


def rounds_for_user(*, user: User, closed_limit: int = 10) -> MyRounds:
    """Open rounds of the person's networks (with whether they answered) and recent closed ones."""
    rounds = (
        BarometerRound.objects.filter(network_id__in=network_ids_of(user=user))
        .select_related("network")
        .with_answered()
        .annotate(answered_by_me=_answered_by(user))
    )
    return MyRounds(
        open=list(rounds.open().order_by("closes_on")),
        closed=list(rounds.closed().order_by("-closes_on")[:closed_limit]),
    )


def regions_by_ids(*, region_ids: frozenset[int]) -> list[Region]:
    return list(Region.objects.filter(pk__in=region_ids).order_by("name"))


def dimension_label(key: str) -> str:
    """A dimension's name in the reader's language (its key if it no longer exists)."""
    return str(Dimension(key).label) if key in Dimension.values else key


def rounds_open_for(*, user: User, network_ids: Collection[int]) -> list[BarometerRound]:
    """The open rounds of these networks, closing soonest first, with their network, how many
    answered and whether the person took part (`answered_by_me`, from `Participation`: that
    they answered, never what); one query."""
    return list(
        BarometerRound.objects.filter(network__in=list(network_ids))
        .open()
        .select_related("network")
        .with_answered()
        .annotate(answered_by_me=_answered_by(user))
        .order_by("closes_on", "pk")
    )
