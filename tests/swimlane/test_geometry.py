"""The geometry value types: rectangle helpers and lookups by id."""

from __future__ import annotations

import pytest

from app.swimlane.geometry import LaneBand, MapGeometry, NodeBox, Point, Rect


def test_rect_helpers() -> None:
    rect = Rect(10, 20, 30, 40)
    assert (rect.right, rect.bottom) == (40, 60)
    assert rect.center == Point(25, 40)
    assert rect.contains(Point(10, 60))
    assert not rect.contains(Point(9.9, 30))
    assert rect.contains_rect(Rect(10, 20, 30, 40))
    assert not rect.contains_rect(Rect(11, 20, 30, 40))


def test_rects_that_only_touch_do_not_overlap() -> None:
    rect = Rect(0, 0, 10, 10)
    assert not rect.overlaps(Rect(10, 0, 10, 10))
    assert not rect.overlaps(Rect(0, 10, 10, 10))
    assert rect.overlaps(Rect(9, 9, 10, 10))


def test_on_border() -> None:
    rect = Rect(0, 0, 10, 10)
    assert rect.on_border(Point(10, 5))
    assert rect.on_border(Point(5, 0))
    assert not rect.on_border(Point(5, 5))
    assert not rect.on_border(Point(11, 5))
    assert not rect.on_border(Point(0, 11))


def make_geometry() -> MapGeometry:
    lane = LaneBand("a", "A", Rect(0, 0, 100, 50), Rect(0, 0, 20, 50))
    node = NodeBox("s", "a", "task", "box", Rect(30, 10, 40, 30), ("S",), "S", 0)
    return MapGeometry(100, 50, (lane,), (node,), (), (Rect(30, 0, 40, 50),))


def test_lookups_by_id() -> None:
    geometry = make_geometry()
    assert geometry.node("s").full_text == "S"
    assert geometry.find_node("nope") is None
    assert geometry.lane("a").name == "A"
    assert geometry.node_at(Point(35, 15)) == geometry.node("s")
    assert geometry.node_at(Point(5, 5)) is None
    with pytest.raises(KeyError):
        geometry.node("nope")


def test_geometries_compare_by_value() -> None:
    assert make_geometry() == make_geometry()
