"""Geometry for the barometer's charts; `templates/barometer/charts/_chart.html` draws it as SVG.

Charts are drawn on the server as plain SVG, so they work without JavaScript and under the
Content Security Policy: colours come from classes in `static/barometer/charts.css` and SVG
presentation attributes, never from style attributes. Every chart is an image (role="img") with
a title and a description that carries the numbers; the pages put the same numbers in a table.

The drawing is 360 units wide, about a phone's width, so text stays readable when it scales down.
"""

import math
import textwrap
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .models import SCALE, scale_labels
from .results import Tally

WIDTH = 360
LINE_HEIGHT = 17
WRAP = 42  # characters of 14-unit text per line on WIDTH
BAR = 18
ROW_GAP = 14
PAD = 8  # keeps the first and last tick labels inside the drawing
VALUE_ROOM = 40  # right of the plot, for the value next to a bar
MAX_TREND_POINTS = 12


@dataclass
class Text:
    x: float
    y: float
    text: str
    css: str = ""
    anchor: str = "start"


@dataclass
class Rect:
    x: float
    y: float
    width: float
    height: float
    css: str


@dataclass
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    css: str


@dataclass
class Path:
    d: str
    css: str


@dataclass
class LegendItem:
    label: str
    css: str
    marker: str = ""  # path of the marker shape, for line charts
    marker_css: str = ""


@dataclass
class Chart:
    id: str
    title: str
    description: str
    height: float = 0
    width: int = WIDTH
    rects: list[Rect] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    legend: list[LegendItem] = field(default_factory=list)


def fmt(value: float | None) -> str:
    """One decimal in the reader's language (3,8 in Dutch), a dash for nothing."""
    return "–" if value is None else number_format(round(value, 1), 1)


def _describe(intro: str, parts: list[str]) -> str:
    return f"{intro} {'; '.join(parts)}."


def _label(chart: Chart, text: str, y: float) -> float:
    """Write a wrapped label from y down; return the y below it."""
    for line in textwrap.wrap(text, WRAP) or [""]:
        chart.texts.append(Text(x=0, y=round(y + 13, 1), text=line))
        y += LINE_HEIGHT
    return y + 2


@dataclass
class AverageRow:
    label: str
    value: float | None
    comparison: float | None = None


def _scale_x(value: float) -> float:
    return round(PAD + (value - 1) / 4 * (WIDTH - PAD - VALUE_ROOM), 1)


def _average_bar(chart: Chart, value: float | None, y: float, height: int, css: str) -> None:
    if value is not None:
        width = max(2.0, _scale_x(value) - PAD)
        chart.rects.append(Rect(x=PAD, y=y, width=round(width, 1), height=height, css=css))
    end = _scale_x(value) if value is not None else PAD
    chart.texts.append(Text(x=end + 4, y=round(y + height - 4, 1), text=fmt(value)))


def _average_row(chart: Chart, row: AverageRow, y: float, compare: bool) -> float:
    """Label, bar (and comparison bar) of one row from y down; return the y below it."""
    y = _label(chart, row.label, y)
    top = y
    _average_bar(chart, row.value, y, BAR, "ln-chart__bar")
    y += BAR
    if compare:
        _average_bar(chart, row.comparison, y + 3, 12, "ln-chart__bar ln-chart__bar--compare")
        y += 15
    # Grid lines only beside the bars, so that they never cross a label.
    for value in SCALE:
        x = _scale_x(value)
        chart.lines.append(Line(x, top - 2, x, y + 2, "ln-chart__grid"))
    return y + ROW_GAP


def averages_chart(
    *, chart_id: str, title: str, rows: list[AverageRow], comparison_label: str = ""
) -> Chart:
    """Horizontal bars on the 1-5 scale, optionally with a thinner comparison bar per row."""
    parts = [
        f"{row.label}: {fmt(row.value)}"
        + (f" ({comparison_label}: {fmt(row.comparison)})" if comparison_label else "")
        for row in rows
    ]
    chart = Chart(
        id=chart_id,
        title=title,
        description=_describe(
            _("Average on a scale from 1 (strongly disagree) to 5 (strongly agree)."), parts
        ),
    )
    y = 4.0
    for row in rows:
        y = _average_row(chart, row, y, compare=bool(comparison_label))
    for value in SCALE:
        chart.texts.append(Text(x=_scale_x(value), y=y + 4, text=str(value), anchor="middle"))
    chart.height = y + 10
    if comparison_label:
        chart.legend = [
            LegendItem(label=_("This network"), css="ln-chart__bar"),
            LegendItem(label=comparison_label, css="ln-chart__bar ln-chart__bar--compare"),
        ]
    return chart


def _segments(chart: Chart, tally: Tally, y: float) -> None:
    """One bar over the full width, a part per value in proportion to its count."""
    x = 0.0
    for value, count in tally.per_value:
        if not count:
            continue
        width = count / tally.n * WIDTH
        css = f"ln-chart__seg ln-chart__seg--{value}"
        chart.rects.append(Rect(x=round(x, 1), y=y, width=round(width, 1), height=BAR, css=css))
        if width >= 16:  # room for the count inside the part
            middle = round(x + width / 2, 1)
            chart.texts.append(Text(middle, y + 13, str(count), "ln-chart__seg-text", "middle"))
        x += width


def distribution_chart(*, chart_id: str, title: str, rows: list[tuple[str, Tally]]) -> Chart:
    """Per row a bar split into the share of answers 1..5, with the count in each part."""
    names = dict(scale_labels())
    parts = [
        f"{label.rstrip('.?!')}: "
        + ", ".join(f"{value} {names[value].lower()} {count}" for value, count in tally.per_value)
        for label, tally in rows
    ]
    chart = Chart(
        id=chart_id,
        title=title,
        description=_describe(
            _("Number of answers per value, from 1 (strongly disagree) to 5 (strongly agree)."),
            parts,
        ),
        legend=[
            LegendItem(label=f"{value} {label}", css=f"ln-chart__seg ln-chart__seg--{value}")
            for value, label in scale_labels()
        ],
    )
    y = 4.0
    for label, tally in rows:
        y = _label(chart, label, y)
        _segments(chart, tally, y)
        y += BAR + ROW_GAP
    chart.height = y
    return chart


# --- Trend ------------------------------------------------------------------------------------

TREND_TOP, TREND_LEFT, TREND_HEIGHT = 8, 24, 160


def marker(index: int, x: float, y: float) -> str:
    """A different shape per series, so that lines differ by more than colour."""
    x, y = round(x, 1), round(y, 1)
    left, right, top, bottom = round(x - 5, 1), round(x + 5, 1), round(y - 5, 1), round(y + 4, 1)
    shapes = [
        f"M{round(x - 4, 1)} {y}a4 4 0 1 0 8 0a4 4 0 1 0 -8 0Z",  # circle
        f"M{round(x - 4, 1)} {round(y - 4, 1)}h8v8h-8Z",  # square
        f"M{x} {top}L{right} {bottom}L{left} {bottom}Z",  # triangle
        f"M{x} {top}L{right} {y}L{x} {round(y + 5, 1)}L{left} {y}Z",  # diamond
    ]
    return shapes[index % len(shapes)]


def _trend_y(value: float) -> float:
    return round(TREND_TOP + (5 - value) / 4 * TREND_HEIGHT, 1)


def _trend_xs(count: int) -> list[float]:
    left, right = TREND_LEFT + 16, WIDTH - 16
    if count == 1:
        return [round((left + right) / 2, 1)]
    step = (right - left) / (count - 1)
    return [round(left + i * step, 1) for i in range(count)]


def _trend_frame(chart: Chart, x_labels: list[str], xs: list[float]) -> None:
    for value in SCALE:
        y = _trend_y(value)
        chart.lines.append(Line(TREND_LEFT, y, WIDTH, y, "ln-chart__grid"))
        chart.texts.append(Text(TREND_LEFT - 6, y + 4, str(value), anchor="end"))
    stride = math.ceil(len(x_labels) / 5)  # at most about five labels fit under the axis
    bottom = TREND_TOP + TREND_HEIGHT + 18
    for i, (x, label) in enumerate(zip(xs, x_labels, strict=True)):
        if i % stride == 0 or i == len(xs) - 1:
            # Keep the label inside the drawing: about 7.5 units per character at 14 units.
            half = len(label) * 3.8
            middle = round(min(max(x, TREND_LEFT + half), WIDTH - half), 1)
            chart.texts.append(Text(middle, bottom, label, anchor="middle"))


def trend_chart(
    *, chart_id: str, title: str, x_labels: list[str], series: list[tuple[str, list[float | None]]]
) -> Chart:
    """A line per series over the rounds (the latest MAX_TREND_POINTS), gaps where a round has
    no value. The description lists every value."""
    described = [
        f"{x_label}: " + ", ".join(f"{label} {fmt(values[i])}" for label, values in series)
        for i, x_label in enumerate(x_labels)
    ]
    chart = Chart(
        id=chart_id,
        title=title,
        description=_describe(_("Average per dimension on a scale from 1 to 5."), described),
        height=TREND_TOP + TREND_HEIGHT + 26,
    )
    x_labels = x_labels[-MAX_TREND_POINTS:]
    xs = _trend_xs(len(x_labels))
    _trend_frame(chart, x_labels, xs)
    for index, (label, all_values) in enumerate(series):
        values = all_values[-MAX_TREND_POINTS:]
        css = f"ln-chart__line ln-chart__line--{index}"
        chart.legend.append(
            LegendItem(label, css, marker(index, 12, 8), f"ln-chart__marker--{index}")
        )
        d, pen_down = "", False
        for x, value in zip(xs, values, strict=True):
            if value is None:
                pen_down = False
                continue
            y = _trend_y(value)
            d += f"{'L' if pen_down else 'M'}{x} {y}"
            pen_down = True
            chart.paths.append(Path(marker(index, x, y), f"ln-chart__marker--{index}"))
        if d:
            chart.paths.insert(0, Path(d, css))
    return chart
