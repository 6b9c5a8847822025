"""Netwerkbarometer results, only for rounds whose results the barometer itself shows (closed,
and at least k members besides the facilitators answered): a round below the threshold is
listed as "not enough answers", without a single figure. Averages per dimension only; a
statement's tally and the open answers stay on the barometer's own pages for the network."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.barometer.charts import AverageRow, Chart, averages_chart, trend_chart
from lerendnetwerk.networks.report_parts import Figure, ReportPart

from .. import selectors
from . import render, rounded

if TYPE_CHECKING:
    from lerendnetwerk.networks.models import Cycle
    from lerendnetwerk.regions.models import Region

KEY = "barometer"
TITLE = _("Netwerkbarometer")


def _round_chart(index: int, line: selectors.RoundLine, labels: dict[str, str]) -> Chart:
    return averages_chart(
        chart_id=f"report-barometer-{index}",
        title=gettext("Average per dimension, round closed on %(day)s")
        % {"day": date_format(line.closed_on, "j F Y")},
        rows=[AverageRow(labels[key], value) for key, value in line.averages.items()],
    )


def _trend(chart_id: str, title: str, lines: list[selectors.RoundLine]) -> Chart | None:
    shown = [line for line in lines if line.visible]
    if len(shown) < 2:
        return None
    return trend_chart(
        chart_id=chart_id,
        title=title,
        x_labels=[date_format(line.closed_on, "SHORT_DATE_FORMAT") for line in shown],
        series=[
            (label, [line.averages.get(key) for line in shown])
            for key, label in selectors.dimensions()
        ],
    )


def cycle_html(cycle: "Cycle") -> SafeString:
    lines = selectors.cycle_barometer(cycle=cycle)
    dimensions = selectors.dimensions()
    labels = dict(dimensions)
    rounds = [
        (line, _round_chart(i, line, labels) if line.visible else None)
        for i, line in enumerate(lines)
    ]
    return render(
        KEY,
        TITLE,
        "cycle",
        {
            "rounds": rounds,
            "dimensions": dimensions,
            "trend": _trend(
                "report-barometer-trend", gettext("Trend per dimension over the rounds"), lines
            ),
        },
    )


def _subject(line: selectors.RoundLine) -> str:
    return f"{line.opened_on:%Y-%m-%d}/{line.closed_on:%Y-%m-%d}"


def _round_figures(subject: str, line: selectors.RoundLine) -> list[Figure]:
    if not line.visible:
        # Only that there are no results: neither a count nor an average of a hidden round.
        return [(subject, "results_shown", 0)]
    return [
        (subject, "results_shown", 1),
        (subject, "answers_counted", line.counted or 0),
        *[(subject, f"average_{key}", rounded(value, 2)) for key, value in line.averages.items()],
    ]


def cycle_figures(cycle: "Cycle") -> Sequence[Figure]:
    figures: list[Figure] = []
    for line in selectors.cycle_barometer(cycle=cycle):
        figures += _round_figures(_subject(line), line)
    return figures


class DistrictBarometer:
    def __init__(self, district: str, lines: list[selectors.RoundLine]) -> None:
        self.district = district
        self.rounds = len(lines)
        self.shown = [line for line in lines if line.visible]
        # Each shown round weighs the same, whatever its number of answers.
        self.averages: dict[str, float | None] = {}
        for key, _label in selectors.dimensions():
            values = [v for line in self.shown if (v := line.averages.get(key)) is not None]
            self.averages[key] = sum(values) / len(values) if values else None

    @property
    def in_order(self) -> list[float | None]:
        return [self.averages[key] for key, _label in selectors.dimensions()]


def _region(region: "Region", year: int) -> list[DistrictBarometer]:
    per_district = selectors.region_barometer(region=region, year=year)
    return [DistrictBarometer(district, lines) for district, lines in sorted(per_district.items())]


def region_html(region: "Region", year: int) -> SafeString:
    rows = _region(region, year)
    dimensions = selectors.dimensions()
    charts = [
        averages_chart(
            chart_id=f"report-barometer-district-{i}",
            title=gettext("Average per dimension in %(district)s") % {"district": row.district},
            rows=[AverageRow(label, row.averages[key]) for key, label in dimensions],
        )
        for i, row in enumerate(rows)
        if row.shown
    ]
    return render(
        KEY,
        TITLE,
        "region",
        {"rows": rows, "dimensions": dimensions, "charts": charts, "year": year},
    )


def region_figures(region: "Region", year: int) -> Sequence[Figure]:
    figures: list[Figure] = []
    for row in _region(region, year):
        figures += [
            (row.district, "rounds_closed", row.rounds),
            (row.district, "rounds_shown", len(row.shown)),
            *[
                (row.district, f"average_{key}", rounded(value, 2))
                for key, value in row.averages.items()
                if row.shown
            ],
        ]
    return figures


PART = ReportPart(
    key=KEY,
    title=TITLE,
    order=50,
    cycle_html=cycle_html,
    cycle_figures=cycle_figures,
    region_html=region_html,
    region_figures=region_figures,
)
