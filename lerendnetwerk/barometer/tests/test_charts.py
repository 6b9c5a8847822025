"""The chart geometry and its SVG: images with a title and a description with the numbers."""

import re

from django.template.loader import render_to_string
from django.utils import translation

from lerendnetwerk.barometer.charts import (
    WIDTH,
    AverageRow,
    Chart,
    averages_chart,
    distribution_chart,
    trend_chart,
)
from lerendnetwerk.barometer.results import Tally


def _svg(chart: Chart) -> str:
    return render_to_string("barometer/charts/_chart.html", {"chart": chart})


def test_an_averages_chart_is_an_image_with_the_numbers_in_its_description():
    with translation.override("nl"):
        chart = averages_chart(
            chart_id="c",
            title="Gemiddeld",
            rows=[AverageRow("Het onderwerp", 3.75, 3.5), AverageRow("Band", None, 4.0)],
            comparison_label="Regio",
        )
        svg = _svg(chart)
    assert 'role="img"' in svg and 'aria-labelledby="c-title"' in svg
    assert '<title id="c-title">Gemiddeld</title>' in svg
    found = re.search(r'<desc id="c-desc">(.*?)</desc>', svg)
    assert found is not None
    desc = found.group(1)
    assert "Het onderwerp: 3,8 (Regio: 3,5)" in desc and "Band: –" in desc
    # Geometry is written with a decimal point whatever the language.
    view_box = re.search(r'viewBox="[^"]+"', svg)
    assert re.search(r'width="[0-9.]+"', svg) and view_box and "," not in view_box[0]
    assert "style=" not in svg


def test_bars_grow_with_the_value_and_stay_inside_the_drawing():
    chart = averages_chart(
        chart_id="c", title="t", rows=[AverageRow("a", 1.0), AverageRow("b", 5.0)]
    )
    low, high = chart.rects
    assert 0 < low.width < high.width
    assert high.x + high.width <= WIDTH


def test_a_distribution_splits_the_full_width_by_count():
    chart = distribution_chart(chart_id="d", title="t", rows=[("Stelling", Tally((1, 0, 1, 0, 2)))])
    assert [r.css.split("--")[1] for r in chart.rects] == ["1", "3", "5"]
    assert sum(r.width for r in chart.rects) == WIDTH
    assert [t.text for t in chart.texts if t.css == "ln-chart__seg-text"] == ["1", "1", "2"]
    assert len(chart.legend) == 5


def test_a_trend_breaks_its_line_where_a_round_has_no_value():
    with translation.override("nl"):
        chart = trend_chart(
            chart_id="t",
            title="Trend",
            x_labels=["1-1-2025", "1-4-2025", "1-7-2025"],
            series=[("A", [3.0, None, 4.0]), ("B", [2.0, 2.5, 3.0])],
        )
    lines = [p for p in chart.paths if p.css.startswith("ln-chart__line ")]
    a_line = next(p for p in lines if p.css.endswith("--0"))
    assert a_line.d.count("M") == 2 and "L" not in a_line.d
    markers = [p for p in chart.paths if p.css.startswith("ln-chart__marker")]
    assert len(markers) == 5
    assert "1-4-2025: A –, B 2,5" in chart.description
    # The series differ by marker shape, not only by colour.
    assert chart.legend[0].marker != chart.legend[1].marker
