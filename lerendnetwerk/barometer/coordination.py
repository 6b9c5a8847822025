"""The coordinator's view: the latest barometer of every network in a region and the region's
trend. A fixed number of queries per region, however many networks and rounds it has."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import Region

from .models import BarometerRound, Dimension, Question, min_answers_for
from .results import (
    MIN_NETWORKS,
    dimension_averages,
    dimension_tallies,
    latest_per_network,
    mean_of_present,
)
from .selectors import questionnaire_current


@dataclass
class NetworkRow:
    network: Network
    barometer_round: BarometerRound | None = None
    answered: int = 0
    visible: bool = False
    averages: list[float | None] = field(default_factory=list)


@dataclass
class PeriodPoint:
    label: str
    networks: int
    averages: dict[str, float | None]

    @property
    def in_order(self) -> list[float | None]:
        return [self.averages.get(dim) for dim in Dimension.values]


@dataclass
class RegionOverview:
    region: Region
    min_answers: int
    rows: list[NetworkRow]
    trend: list[PeriodPoint]
    periods_left_out: int
    min_networks: int = MIN_NETWORKS


def _quarter(barometer_round: BarometerRound) -> tuple[int, int]:
    day = barometer_round.closed_on
    return day.year, (day.month - 1) // 3 + 1


def _rows(
    networks: list[Network], latest: dict[int, BarometerRound], min_answers: int
) -> list[NetworkRow]:
    visible = [r for r in latest.values() if r.answered >= min_answers]  # type: ignore[attr-defined]
    tallies = dimension_tallies([r.pk for r in visible])
    rows = []
    for network in networks:
        row = NetworkRow(network=network, barometer_round=latest.get(network.pk))
        if row.barometer_round is not None:
            row.answered = row.barometer_round.answered  # type: ignore[attr-defined]
            row.visible = row.answered >= min_answers
            if row.visible:
                averages = dimension_averages(tallies.get(row.barometer_round.pk, {}))
                row.averages = [averages[dim] for dim in Dimension.values]
        rows.append(row)
    return rows


def _trend(rounds: list[BarometerRound], keys: list[str] | None) -> tuple[list[PeriodPoint], int]:
    """Per quarter: the mean of the networks' averages (each network's latest round in that
    quarter), shown only for quarters in which at least three networks took part."""
    by_quarter: dict[tuple[int, int], list[BarometerRound]] = defaultdict(list)
    for r in rounds:
        by_quarter[_quarter(r)].append(r)
    chosen = {
        quarter: latest_per_network(found)
        for quarter, found in by_quarter.items()
        if len(latest_per_network(found)) >= MIN_NETWORKS
    }
    tallies = dimension_tallies([r.pk for q in chosen.values() for r in q.values()], keys)
    points = []
    for (year, quarter), latest in sorted(chosen.items()):
        per_network = [dimension_averages(tallies.get(r.pk, {})) for r in latest.values()]
        points.append(
            PeriodPoint(
                label=_("Q%(quarter)d %(year)d") % {"quarter": quarter, "year": year},
                networks=len(latest),
                averages={
                    dim: mean_of_present(a[dim] for a in per_network) for dim in Dimension.values
                },
            )
        )
    return points, len(by_quarter) - len(chosen)


def region_overview(*, region: Region) -> RegionOverview:
    min_answers = min_answers_for(region)
    networks = list(
        Network.objects.filter(district__region=region)
        .select_related("district")
        .order_by("district__name", "name")
    )
    closed = list(
        BarometerRound.objects.filter(network__district__region=region).closed().with_answered()
    )
    rows = _rows(networks, latest_per_network(closed), min_answers)
    current = questionnaire_current(region=region)
    keys = (
        list(current.questions.filter(kind=Question.Kind.SCALE).values_list("key", flat=True))
        if current
        else None
    )
    shown = [r for r in closed if r.answered >= min_answers]  # type: ignore[attr-defined]
    trend, left_out = _trend(shown, keys)
    return RegionOverview(
        region=region, min_answers=min_answers, rows=rows, trend=trend, periods_left_out=left_out
    )
