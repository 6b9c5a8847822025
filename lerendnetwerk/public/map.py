"""The district map beside the district overview's list: shapes, labels and counts for an SVG
drawn on the server (public/_map.html). Nothing is fetched from elsewhere.

A region whose districts all have an outline (regions/outlines.py) gets a schematic map of those
outlines; any other region gets a grid of equal squares, one per district, in name order.
"""

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lerendnetwerk.regions.outlines import Point, centroid, outline_points

if TYPE_CHECKING:
    from lerendnetwerk.regions.models import District

# Names longer than this go on two lines, split at their first space or hyphen.
LINE_LENGTH = 10
# The grid's squares, and the margin around either kind of map, in drawing units.
CELL_WIDTH, CELL_HEIGHT, GAP, MARGIN = 96, 72, 8, 6
GRID_COLUMNS = 4
# Counts at or above these get a darker fill: none, one, a few, many.
LEVELS = (1, 2, 3)
# The labels' line height and the baseline's distance from a line's top, in drawing units
# (public.css sets the font sizes to match).
LINE_HEIGHT, BASELINE = 18, 14


@dataclass(frozen=True)
class MapArea:
    """One district on the map. Coordinates are strings, written as SVG wants them: a Dutch
    page would otherwise print decimal commas."""

    district: "District"
    path: str
    x: str  # the label's centre line
    lines: list[tuple[str, str]]  # the name's lines with their baselines
    count_y: str
    count: int
    level: int
    current: bool


@dataclass(frozen=True)
class DistrictMap:
    view_box: str
    areas: list[MapArea]
    schematic: bool  # drawn from outlines (True) or a grid of squares (False)


def label_lines(name: str) -> list[str]:
    if len(name) <= LINE_LENGTH:
        return [name]
    cuts = [i for i, char in enumerate(name) if char in " -"]
    if not cuts:
        return [name]
    # The cut nearest the middle keeps both lines short.
    cut = min(cuts, key=lambda i: abs(i - len(name) / 2))
    head, tail = name[: cut + 1].strip(), name[cut + 1 :].strip()
    return [head, tail] if tail else [head]


def level(count: int) -> int:
    return sum(count >= threshold for threshold in LEVELS)


def _number(value: float) -> str:
    return f"{round(value, 1):g}"


def _polygon(points: list[Point]) -> str:
    corners = " L ".join(f"{_number(x)} {_number(y)}" for x, y in points)
    return f"M {corners} Z"


def _baselines(name: str, y: float) -> tuple[list[tuple[str, str]], str]:
    """The name's lines and then the count, centred around `y`."""
    lines = label_lines(name)
    top = y - LINE_HEIGHT * (len(lines) + 1) / 2
    rows = [(line, _number(top + BASELINE + i * LINE_HEIGHT)) for i, line in enumerate(lines)]
    return rows, _number(top + BASELINE + len(lines) * LINE_HEIGHT)


def _grid(districts: "list[District]") -> "list[tuple[District, list[Point]]]":
    columns = min(GRID_COLUMNS, len(districts)) or 1
    shapes: list[tuple[District, list[Point]]] = []
    for i, district in enumerate(districts):
        row, column = divmod(i, columns)
        x, y = float(column * (CELL_WIDTH + GAP)), float(row * (CELL_HEIGHT + GAP))
        shapes.append(
            (
                district,
                [
                    (x, y),
                    (x + CELL_WIDTH, y),
                    (x + CELL_WIDTH, y + CELL_HEIGHT),
                    (x, y + CELL_HEIGHT),
                ],
            )
        )
    return shapes


def district_map(counts: "list[tuple[District, int]]", *, current: str = "") -> DistrictMap:
    """The map of these districts with their counts; `current` is the chosen district's slug."""
    districts = [district for district, _count in counts]
    schematic = bool(districts) and all(district.outline for district in districts)
    shapes: list[tuple[District, list[Point]]] = []
    if schematic:
        try:
            shapes = [(district, outline_points(district.outline)) for district in districts]
        except ValueError:
            schematic = False
    if not schematic:
        shapes = _grid(sorted(districts, key=lambda district: district.name))
    number = {district.pk: count for district, count in counts}
    areas = []
    for district, points in shapes:
        x, y = centroid(points)
        lines, count_y = _baselines(district.name, y)
        areas.append(
            MapArea(
                district=district,
                path=_polygon(points),
                x=_number(x),
                lines=lines,
                count_y=count_y,
                count=number[district.pk],
                level=level(number[district.pk]),
                current=district.slug == current,
            )
        )
    corners = [point for _district, points in shapes for point in points] or [(0.0, 0.0)]
    left = math.floor(min(x for x, _ in corners)) - MARGIN
    top = math.floor(min(y for _, y in corners)) - MARGIN
    right = math.ceil(max(x for x, _ in corners)) + MARGIN
    bottom = math.ceil(max(y for _, y in corners)) + MARGIN
    return DistrictMap(
        view_box=f"{left} {top} {right - left} {bottom - top}", areas=areas, schematic=schematic
    )
