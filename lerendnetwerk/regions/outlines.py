"""A district's outline on the public map: a simplified polygon as an SVG path.

Only absolute straight lines are allowed ("M x y L x y ... Z"), so the outline can be checked,
measured (its centre carries the label) and placed in an SVG without trusting free text.
Coordinates share one drawing space per region; the map fits its view box around them.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

Point = tuple[float, float]

_TOKEN = re.compile(r"[MLZ]|-?\d+(?:\.\d+)?")
_ALLOWED = re.compile(r"^[MLZ0-9.,\s-]*$")
MAX_COORDINATE = 10_000


def outline_points(outline: str) -> list[Point]:
    """The polygon's corners, in order; ValueError for anything but "M x y (L) x y ... Z"."""
    if not _ALLOWED.match(outline):
        raise ValueError("only M, L, Z and numbers")
    tokens = _TOKEN.findall(outline.replace(",", " "))
    if not tokens or tokens[0] != "M":
        raise ValueError("an outline starts with M")
    if "M" in tokens[1:]:
        raise ValueError("one polygon per district")
    if "Z" in tokens and tokens.index("Z") != len(tokens) - 1:
        raise ValueError("Z closes the polygon at the end")
    numbers = [float(token) for token in tokens if token not in {"M", "L", "Z"}]
    if len(numbers) % 2 or len(numbers) < 6:
        raise ValueError("at least three points, each with x and y")
    if any(not 0 <= n <= MAX_COORDINATE for n in numbers):
        raise ValueError("coordinates from 0 to 10000")
    return [(numbers[i], numbers[i + 1]) for i in range(0, len(numbers), 2)]


def validate_outline(outline: str) -> None:
    if not outline:
        return
    try:
        outline_points(outline)
    except ValueError:
        raise ValidationError(
            _(
                "Draw the outline as a polygon of straight lines: M x y L x y … Z, with at least "
                "three points and coordinates from 0 to 10000."
            )
        ) from None


def centroid(points: list[Point]) -> Point:
    """The polygon's centre of area (where its label goes); the mean of its corners for a
    polygon without area."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, [*points[1:], points[0]], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(area) < 1e-9:
        return (sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points))
    return (cx / (3 * area), cy / (3 * area))
