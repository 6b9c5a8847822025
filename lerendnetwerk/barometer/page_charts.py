"""The charts each page shows, built from its results (geometry in charts.py)."""

from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .charts import AverageRow, Chart, averages_chart, distribution_chart, trend_chart
from .models import Dimension
from .results import DimensionResult, RoundResults
from .selectors.region import PeriodPoint


@dataclass
class RoundCharts:
    overview: Chart
    dimensions: list[tuple[DimensionResult, Chart]]
    trend: Chart | None


def _series(rows: list[list[float | None]]) -> list[tuple[str, list[float | None]]]:
    """Per dimension its values over the points (each row holds the dimensions in order)."""
    return [
        (str(dimension.label), [row[i] for row in rows]) for i, dimension in enumerate(Dimension)
    ]


def _short_date(day: date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def round_charts(results: RoundResults) -> RoundCharts:
    """The overview (dimension averages, the region's beside them when shown), a distribution
    per dimension and the network's trend (from two rounds on)."""
    compare = results.comparison is not None and results.comparison.available
    overview = averages_chart(
        chart_id="chart-overview",
        title=_("Average per dimension"),
        rows=[
            AverageRow(d.label, d.tally.average, d.region_average if compare else None)
            for d in results.dimensions
        ],
        comparison_label=_("Region average") if compare else "",
    )
    dimensions = [
        (
            dimension,
            distribution_chart(
                chart_id=f"chart-{dimension.dimension}",
                title=_("Answers per statement: %(dimension)s") % {"dimension": dimension.label},
                rows=[(s.question.text, s.tally) for s in dimension.statements],
            ),
        )
        for dimension in results.dimensions
    ]
    points = results.trend.points if results.trend else []
    trend = (
        trend_chart(
            chart_id="chart-trend",
            title=_("Trend per dimension over the rounds"),
            x_labels=[_short_date(p.barometer_round.closed_on) for p in points],
            series=_series([p.in_order for p in points]),
        )
        if len(points) >= 2
        else None
    )
    return RoundCharts(overview=overview, dimensions=dimensions, trend=trend)


def region_trend_chart(points: list[PeriodPoint]) -> Chart | None:
    if len(points) < 2:
        return None
    return trend_chart(
        chart_id="chart-region-trend",
        title=_("Trend of the region per dimension"),
        x_labels=[p.label for p in points],
        series=_series([p.in_order for p in points]),
    )
