"""The attendance trend as a sparkline: a small SVG in the style of the Netwerkbarometer's
charts (barometer/charts.py), an image with a title and a description that carries the
numbers. `templates/signals/_sparkline.html` draws it."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lerendnetwerk.barometer.charts import Chart, Line, Path, marker
from lerendnetwerk.meetings.selectors import AttendancePoint

WIDTH, HEIGHT, PAD = 96, 28, 4


def _y(percentage: int) -> float:
    return round(HEIGHT - PAD - percentage / 100 * (HEIGHT - 2 * PAD), 1)


def attendance_sparkline(*, chart_id: str, points: list[AttendancePoint]) -> Chart | None:
    """A line over the attendance rates (0-100 %), with a dot at the last meeting; None
    without recorded meetings."""
    if not points:
        return None
    values = ", ".join(
        _("%(day)s %(percentage)d%%")
        % {"day": date_format(p.day, "j M"), "percentage": p.percentage}
        for p in points
    )
    chart = Chart(
        id=chart_id,
        title=_("Attendance trend"),
        description=_("Share of the invited who came, last %(n)d meetings: %(values)s.")
        % {"n": len(points), "values": values},
        width=WIDTH,
        height=HEIGHT,
    )
    chart.lines.append(Line(0, HEIGHT - PAD, WIDTH, HEIGHT - PAD, "ln-chart__grid"))
    step = (WIDTH - 2 * PAD) / max(len(points) - 1, 1)
    xs = [round(PAD + i * step, 1) for i in range(len(points))]
    if len(points) == 1:
        xs = [WIDTH / 2]
    d = "".join(
        f"{'L' if i else 'M'}{x} {_y(p.percentage)}"
        for i, (x, p) in enumerate(zip(xs, points, strict=True))
    )
    chart.paths.append(Path(d, "ln-chart__line ln-chart__line--0 ln-sparkline__line"))
    last = points[-1]
    chart.paths.append(Path(marker(0, xs[-1], _y(last.percentage)), "ln-chart__marker--0"))
    return chart
