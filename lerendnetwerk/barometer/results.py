"""Results of the Netwerkbarometer: per round, the network's trend, the region's comparison and
the coordinator's overview. Every read runs in a fixed number of queries, however many rounds
or networks there are.

Nothing here reads a single person's answers when a round may not be shown: the threshold is
checked before any answer is queried (k = the region's minimum, never below 3, counting only
the answers of members who are no facilitator). A closed round whose answers are still sealed
is released before its answers are read (see the docstring of models.py).
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import fmean

from django.db.models import Count, Q

from . import services
from .models import (
    SCALE,
    Answer,
    BarometerRound,
    Dimension,
    Question,
    min_answers_for,
    results_visible,
)

# A comparison with other networks needs this many, so that no single network stands out.
MIN_NETWORKS = 3


@dataclass(frozen=True)
class Tally:
    """How many answers each value 1..5 got."""

    counts: tuple[int, ...] = (0, 0, 0, 0, 0)

    @classmethod
    def of(cls, counter: Counter[int]) -> "Tally":
        return cls(tuple(counter.get(value, 0) for value in SCALE))

    @property
    def n(self) -> int:
        return sum(self.counts)

    @property
    def average(self) -> float | None:
        if not self.n:
            return None
        return sum(value * count for value, count in zip(SCALE, self.counts, strict=True)) / self.n

    @property
    def per_value(self) -> list[tuple[int, int]]:
        return list(zip(SCALE, self.counts, strict=True))


def mean_of_present(values: Iterable[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return fmean(present) if present else None


StatementCounts = list[tuple[int, str, str, int, int]]


def statement_counts(round_ids: Iterable[int]) -> StatementCounts:
    """Per round, per statement (key and dimension): how often each value was given. One query,
    which `pool` then reads as often as a page needs, with or without a set of keys."""
    return list(
        Answer.objects.filter(
            response__round_id__in=list(round_ids), question__kind=Question.Kind.SCALE
        )
        .values_list("response__round_id", "question__key", "question__dimension", "value")
        .annotate(n=Count("pk"))
        .order_by()
    )


def pool(counts: StatementCounts, keys: Iterable[str] | None = None) -> dict[int, dict[str, Tally]]:
    """Per round, per dimension: the pooled tally of its statements (only `keys`, if given, so
    that rounds with different versions compare like with like)."""
    wanted = None if keys is None else frozenset(keys)
    counters: dict[int, dict[str, Counter[int]]] = defaultdict(lambda: defaultdict(Counter))
    for round_id, key, dimension, value, count in counts:
        if wanted is None or key in wanted:
            counters[round_id][dimension][value] += count
    return {
        round_id: {dim: Tally.of(counter) for dim, counter in by_dimension.items()}
        for round_id, by_dimension in counters.items()
    }


def dimension_averages(tallies: dict[str, Tally]) -> dict[str, float | None]:
    return {dim: (tallies[dim].average if dim in tallies else None) for dim in Dimension.values}


@dataclass
class StatementResult:
    question: Question
    tally: Tally


@dataclass
class DimensionResult:
    dimension: Dimension
    statements: list[StatementResult]
    region_average: float | None = None

    @property
    def tally(self) -> Tally:
        counter: Counter[int] = Counter()
        for statement in self.statements:
            counter.update(dict(statement.tally.per_value))
        return Tally.of(counter)

    @property
    def label(self) -> str:
        return str(self.dimension.label)


@dataclass
class OpenResult:
    question: Question
    texts: list[str]


@dataclass
class TrendPoint:
    barometer_round: BarometerRound
    averages: dict[str, float | None]

    @property
    def in_order(self) -> list[float | None]:
        return [self.averages.get(dim) for dim in Dimension.values]


@dataclass
class Trend:
    points: list[TrendPoint]
    left_out: int  # closed rounds with too few answers


@dataclass
class Comparison:
    networks: int
    averages: dict[str, float | None] = field(default_factory=dict)
    needed: int = MIN_NETWORKS

    @property
    def available(self) -> bool:
        return self.networks >= self.needed


@dataclass
class RoundResults:
    barometer_round: BarometerRound
    answered: int  # everyone who answered, facilitators included
    min_answers: int
    counted: int = 0  # those who count towards k
    dimensions: list[DimensionResult] = field(default_factory=list)
    open_answers: list[OpenResult] = field(default_factory=list)
    trend: Trend | None = None
    comparison: Comparison | None = None

    @property
    def visible(self) -> bool:
        return results_visible(
            is_closed=self.barometer_round.is_closed,
            answered=self.counted,
            min_answers=self.min_answers,
        )

    @property
    def facilitators_left_out(self) -> bool:
        """Whether the facilitators' answers are why the results are hidden."""
        return self.counted < self.answered


def round_summary(*, barometer_round: BarometerRound) -> RoundResults:
    """How many answered and whether the results may be shown; no query for a round read
    with its answered count (`selectors.round_get`)."""
    answered = getattr(barometer_round, "answered", None)
    counted = getattr(barometer_round, "counted", None)
    participations = barometer_round.participations
    return RoundResults(
        barometer_round=barometer_round,
        answered=participations.count() if answered is None else answered,
        counted=participations.filter(counts=True).count() if counted is None else counted,
        min_answers=min_answers_for(barometer_round.network.district.region),
    )


def round_results(*, barometer_round: BarometerRound) -> RoundResults:
    """Everything the results page shows; only counts when the results may not be shown.
    Six queries, however many rounds the network and its region have."""
    region = barometer_round.network.district.region
    results = round_summary(barometer_round=barometer_round)
    if not results.visible:
        return results
    services.rounds_release_due(rounds=[barometer_round])
    questions = list(barometer_round.questionnaire.questions.order_by("order", "pk"))
    results.dimensions, results.open_answers = _round_answers(barometer_round, questions)
    keys = [question.key for question in questions if question.is_scale]
    # The network's own rounds are among the region's: one read of rounds, one of counts. The
    # region's figures are its learning networks' (`networks.Network.Kind`), not those of the
    # facilitators' network.
    closed = list(
        BarometerRound.objects.filter(network__district__region=region)
        .filter(Q(network__kind="learning") | Q(network=barometer_round.network_id))
        .closed()
        .with_answered()
    )
    own = [r for r in closed if r.network_id == barometer_round.network_id]
    services.rounds_release_due(rounds=_shown_rounds(closed, results.min_answers))
    trend_rounds = _shown_rounds(
        sorted(own, key=lambda r: (r.closed_on, r.pk)), results.min_answers
    )
    comparison_rounds = _comparable(
        _shown_rounds(closed, results.min_answers),
        keys,
        known={barometer_round.questionnaire_id: frozenset(keys)},
    )
    counts = statement_counts(
        {r.pk for r in trend_rounds} | {r.pk for r in comparison_rounds.values()}
    )
    results.trend = _trend(own, trend_rounds, pool(counts, keys))
    results.comparison = _comparison(comparison_rounds, pool(counts))
    if results.comparison.available:
        for dimension in results.dimensions:
            dimension.region_average = results.comparison.averages.get(dimension.dimension)
    return results


def _round_answers(
    barometer_round: BarometerRound, questions: list[Question]
) -> tuple[list["DimensionResult"], list["OpenResult"]]:
    """The statements' tallies and the open answers of one round, from one read of its answers.
    Open answers come in the order of their random keys: random, yet the same on screen and on
    paper, and unrelated to the order in which people answered."""
    counters: dict[int, Counter[int]] = defaultdict(Counter)
    texts: dict[int, list[str]] = defaultdict(list)
    for question_id, value, text in (
        Answer.objects.filter(response__round=barometer_round)
        .order_by("id")
        .values_list("question_id", "value", "text")
    ):
        if value is not None:
            counters[question_id][value] += 1
        elif text:
            texts[question_id].append(text)
    dimensions = []
    for dimension in Dimension:
        statements = [
            StatementResult(question=question, tally=Tally.of(counters[question.pk]))
            for question in questions
            if question.is_scale and question.dimension == dimension
        ]
        if statements:
            dimensions.append(DimensionResult(dimension=dimension, statements=statements))
    opens = [
        OpenResult(question=question, texts=texts[question.pk])
        for question in questions
        if not question.is_scale
    ]
    return dimensions, opens


def _shown_rounds(rounds: Iterable[BarometerRound], min_answers: int) -> list[BarometerRound]:
    return [r for r in rounds if r.counted >= min_answers]  # type: ignore[attr-defined]


def _trend(
    closed: list[BarometerRound],
    shown: list[BarometerRound],
    tallies: dict[int, dict[str, Tally]],
) -> Trend:
    """The average per dimension in every closed round with enough answers, oldest first."""
    return Trend(
        points=[
            TrendPoint(barometer_round=r, averages=dimension_averages(tallies.get(r.pk, {})))
            for r in shown
        ],
        left_out=len(closed) - len(shown),
    )


def _key_sets(
    rounds: Iterable[BarometerRound], known: dict[int, frozenset[str]]
) -> dict[int, frozenset[str]]:
    """The statements' keys of each round's questionnaire; no query when all are `known`."""
    missing = {r.questionnaire_id for r in rounds} - set(known)
    keys: dict[int, set[str]] = defaultdict(set)
    if missing:
        for questionnaire_id, key in Question.objects.filter(
            questionnaire_id__in=missing, kind=Question.Kind.SCALE
        ).values_list("questionnaire_id", "key"):
            keys[questionnaire_id].add(key)
    return {
        **known,
        **{questionnaire_id: frozenset(found) for questionnaire_id, found in keys.items()},
    }


def latest_per_network(rounds: Iterable[BarometerRound]) -> dict[int, BarometerRound]:
    latest: dict[int, BarometerRound] = {}
    for r in sorted(rounds, key=lambda r: (r.closed_on, r.pk)):
        latest[r.network_id] = r
    return latest


def _comparable(
    rounds: list[BarometerRound], keys: list[str], known: dict[int, frozenset[str]]
) -> dict[int, BarometerRound]:
    """Each network's latest of `rounds` that asked exactly the statements in `keys`."""
    key_sets = _key_sets(rounds, known)
    wanted = frozenset(keys)
    return latest_per_network(r for r in rounds if key_sets.get(r.questionnaire_id) == wanted)


def _comparison(
    latest: dict[int, BarometerRound], tallies: dict[int, dict[str, Tally]]
) -> Comparison:
    comparison = Comparison(networks=len(latest))
    if not comparison.available:
        return comparison
    per_network = [dimension_averages(tallies.get(r.pk, {})) for r in latest.values()]
    comparison.averages = {
        dim: mean_of_present(averages[dim] for averages in per_network) for dim in Dimension.values
    }
    return comparison
