"""The region's Netwerkbarometer for its coordinators: every network's latest shown round and
the trend per quarter. A fixed number of queries per region, however many networks and rounds
it has."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from lerendnetwerk.networks.models import Network

from .. import services
from ..models import BarometerRound, Dimension, min_answers_for
from ..results import (
    MIN_NETWORKS,
    dimension_averages,
    latest_per_network,
    mean_of_present,
    pool,
    statement_counts,
)
from . import current_statement_keys

if TYPE_CHECKING:
    from lerendnetwerk.regions.models import Region

    from ..results import (
        Tally,
    )


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
    region: "Region"
    min_answers: int
    rows: list[NetworkRow]
    trend: list[PeriodPoint]
    periods_left_out: int
    min_networks: int = MIN_NETWORKS


def _quarter(barometer_round: BarometerRound) -> tuple[int, int]:
    day = barometer_round.closed_on
    return day.year, (day.month - 1) // 3 + 1


def _rows(
    networks: list[Network],
    latest: dict[int, BarometerRound],
    min_answers: int,
    tallies: dict[int, dict[str, "Tally"]],
) -> list[NetworkRow]:
    rows = []
    for network in networks:
        row = NetworkRow(network=network, barometer_round=latest.get(network.pk))
        if row.barometer_round is not None:
            row.answered = row.barometer_round.answered  # type: ignore[attr-defined]
            row.visible = row.barometer_round.counted >= min_answers  # type: ignore[attr-defined]
            if row.visible:
                averages = dimension_averages(tallies.get(row.barometer_round.pk, {}))
                row.averages = [averages[dim] for dim in Dimension.values]
        rows.append(row)
    return rows


def _quarters(
    rounds: list[BarometerRound],
) -> tuple[dict[tuple[int, int], dict[int, BarometerRound]], int]:
    """Per quarter, each network's latest round in it; only quarters in which at least three
    networks took part, and how many quarters were left out."""
    by_quarter: dict[tuple[int, int], list[BarometerRound]] = defaultdict(list)
    for r in rounds:
        by_quarter[_quarter(r)].append(r)
    chosen = {
        quarter: latest_per_network(found)
        for quarter, found in by_quarter.items()
        if len(latest_per_network(found)) >= MIN_NETWORKS
    }
    return chosen, len(by_quarter) - len(chosen)


def _trend(
    chosen: dict[tuple[int, int], dict[int, BarometerRound]],
    tallies: dict[int, dict[str, "Tally"]],
) -> list[PeriodPoint]:
    """Per quarter: the mean of the networks' averages."""
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
    return points


def region_overview(*, region: "Region") -> RegionOverview:
    min_answers = min_answers_for(region)
    networks = list(
        Network.objects.filter(district__region=region, kind=Network.Kind.LEARNING)
        .select_related("district")
        .order_by("district__name", "name")
    )
    closed = list(
        BarometerRound.objects.filter(
            network__district__region=region, network__kind=Network.Kind.LEARNING
        )
        .closed()
        .with_answered()
    )
    latest = latest_per_network(closed)
    shown = [r for r in closed if r.counted >= min_answers]  # type: ignore[attr-defined]
    services.rounds_release_due(rounds=shown)
    quarters, left_out = _quarters(shown)
    # One read of the answers serves both the rows and the trend.
    counts = statement_counts(
        {r.pk for r in latest.values() if r.counted >= min_answers}  # type: ignore[attr-defined]
        | {r.pk for by_network in quarters.values() for r in by_network.values()}
    )
    rows = _rows(networks, latest, min_answers, pool(counts))
    trend = _trend(quarters, pool(counts, current_statement_keys(region=region)))
    return RegionOverview(
        region=region, min_answers=min_answers, rows=rows, trend=trend, periods_left_out=left_out
    )
