"""The map's drawing: outlines checked and measured, labels placed, the grid for a region
without outlines."""

import pytest
from django.core.exceptions import ValidationError

from lerendnetwerk.public.map import district_map, label_lines, level
from lerendnetwerk.regions.models import District, Region
from lerendnetwerk.regions.outlines import centroid, outline_points, validate_outline

SQUARE = "M 0 0 L 10 0 L 10 10 L 0 10 Z"


def district(name: str, slug: str, outline: str = "", pk: int = 1) -> District:
    return District(pk=pk, region=Region(name="R", slug="r"), name=name, slug=slug, outline=outline)


def test_an_outline_is_a_polygon_of_straight_lines():
    assert outline_points(SQUARE) == [(0, 0), (10, 0), (10, 10), (0, 10)]
    assert outline_points("M 1.5,2 3,4 5,6") == [(1.5, 2), (3, 4), (5, 6)]


@pytest.mark.parametrize(
    "outline",
    [
        "L 0 0 L 1 1 L 2 0 Z",  # no start
        "M 0 0 L 1 1 Z",  # two points
        "M 0 0 C 1 1 2 2 3 3 Z",  # curves
        "M 0 0 L 1 1 L 2 0 Z M 5 5 L 6 6 L 7 5 Z",  # two polygons
        'M 0 0 L 1 1 L 2 0 Z" onload="alert(1)',  # anything else
        "M 0 0 L 1 1 L 20000 0 Z",  # far away
    ],
)
def test_anything_else_is_refused(outline):
    with pytest.raises(ValueError):
        outline_points(outline)
    with pytest.raises(ValidationError):
        validate_outline(outline)


def test_no_outline_is_fine():
    validate_outline("")


def test_the_label_sits_at_the_centre_of_the_area():
    assert centroid(outline_points(SQUARE)) == pytest.approx((5, 5))
    # An L-shape's centre is pulled towards its larger arm.
    x, y = centroid(outline_points("M 0 0 L 30 0 L 30 10 L 10 10 L 10 30 L 0 30 Z"))
    assert x == pytest.approx(y) and 8 < x < 15


def test_long_names_go_on_two_lines():
    assert label_lines("West") == ["West"]
    assert label_lines("Vleuten-De Meern") == ["Vleuten-", "De Meern"]
    assert label_lines("Leidsche Rijn") == ["Leidsche", "Rijn"]
    assert label_lines("Binnenstad") == ["Binnenstad"]


def test_darker_with_more_networks():
    assert [level(n) for n in (0, 1, 2, 3, 9)] == [0, 1, 2, 3, 3]


def test_districts_with_outlines_make_a_schematic_map():
    drawn = district_map(
        [
            (district("Noord", "noord", SQUARE, pk=1), 2),
            (district("Zuid", "zuid", "M 0 10 L 10 10 L 10 20 L 0 20 Z", pk=2), 0),
        ],
        current="zuid",
    )
    assert drawn.schematic
    assert drawn.view_box == "-6 -6 22 32"
    noord, zuid = drawn.areas
    assert (noord.path, noord.x, noord.count, noord.level) == (SQUARE, "5", 2, 2)
    assert not noord.current and zuid.current


def test_one_district_without_an_outline_makes_it_a_grid_in_name_order():
    drawn = district_map(
        [
            (district("Zuid", "zuid", SQUARE, pk=1), 1),
            (district("Centrum", "centrum", pk=2), 0),
            (district("Noord", "noord", SQUARE, pk=3), 4),
        ]
    )
    assert not drawn.schematic
    assert [area.district.slug for area in drawn.areas] == ["centrum", "noord", "zuid"]
    assert [area.count for area in drawn.areas] == [0, 4, 1]
    # Three squares side by side, none overlapping.
    xs = [float(area.x) for area in drawn.areas]
    assert xs == sorted(xs) and xs[1] - xs[0] >= 96


def test_numbers_are_written_with_a_decimal_point_in_every_language():
    drawn = district_map([(district("Noord", "noord", "M 0 0 L 1 0 L 0 1 Z"), 1)])
    assert drawn.areas[0].x == "0.3"
    assert "," not in drawn.view_box
