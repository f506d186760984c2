"""Cutting a big map into page-sized tiles: at column gaps and lane borders, never inside a box.

A map is drawn as large as fits, down to ``MIN_SCALE`` of the screen size (11 pt text becomes
6 pt); a map that would need less is split into tiles read left to right, then top to bottom.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.swimlane.geometry import MapGeometry

MIN_SCALE = 0.55
MAX_SCALE = 1.0
# A tiled map gets a one-page overview first when it fits at this scale or more.
OVERVIEW_SCALE = 0.25


@dataclass(frozen=True, slots=True)
class Tile:
    """One page's part of the map: geometry x range (after the lane labels), lane range, scale."""

    x0: float
    x1: float
    lane_first: int
    lane_last: int
    scale: float
    part: int
    parts: int
    columns: tuple[int, int]
    has_left: bool
    has_right: bool
    has_above: bool
    has_below: bool


def label_width(geometry: MapGeometry) -> float:
    """The width of the lane label column at the left of the map."""
    return geometry.lanes[0].label_rect.width if geometry.lanes else 0.0


def overview_tile(geometry: MapGeometry, width: float, height: float) -> Tile | None:
    """The whole map on one page for orientation, or None when it would be too small to see."""
    fit = min(MAX_SCALE, width / max(geometry.width, 1.0), height / max(geometry.height, 1.0))
    if fit < OVERVIEW_SCALE or not geometry.lanes:
        return None
    columns = (0, max(len(geometry.columns) - 1, 0))
    return Tile(
        label_width(geometry),
        geometry.width,
        0,
        len(geometry.lanes) - 1,
        fit,
        0,
        0,
        columns,
        False,
        False,
        False,
        False,
    )


def plan_tiles(geometry: MapGeometry, width: float, height: float) -> tuple[Tile, ...]:
    """The tiles that show ``geometry`` in a ``width`` × ``height`` area, in reading order."""
    fit = min(MAX_SCALE, width / max(geometry.width, 1.0), height / max(geometry.height, 1.0))
    if fit >= MIN_SCALE or not geometry.lanes or not geometry.columns:
        scale = max(fit, 0.01)
        columns = (0, max(len(geometry.columns) - 1, 0))
        return (
            Tile(
                label_width(geometry),
                geometry.width,
                0,
                len(geometry.lanes) - 1,
                scale,
                1,
                1,
                columns,
                False,
                False,
                False,
                False,
            ),
        )
    scale = _tiling_scale(geometry, width, height)
    x_ranges = _column_ranges(geometry, width / scale - label_width(geometry))
    lane_ranges = _lane_ranges(geometry, height / scale)
    count = len(x_ranges) * len(lane_ranges)
    tiles: list[Tile] = []
    for row, (first_lane, last_lane) in enumerate(lane_ranges):
        for column, (first, last) in enumerate(x_ranges):
            x0, x1 = _left(geometry, first), _right(geometry, last)
            lanes_height = geometry.lanes[last_lane].rect.bottom - geometry.lanes[first_lane].rect.y
            content_width = x1 - x0 + label_width(geometry)
            tile_scale = min(scale, width / content_width, height / lanes_height)
            tiles.append(
                Tile(
                    x0,
                    x1,
                    first_lane,
                    last_lane,
                    tile_scale,
                    len(tiles) + 1,
                    count,
                    (first, last),
                    column > 0,
                    column < len(x_ranges) - 1,
                    row > 0,
                    row < len(lane_ranges) - 1,
                )
            )
    return tuple(tiles)


def _tiling_scale(geometry: MapGeometry, width: float, height: float) -> float:
    """The largest scale (≥ MIN_SCALE) that needs no more tiles than MIN_SCALE does."""

    def pieces(scale: float) -> int:
        columns = len(_column_ranges(geometry, width / scale - label_width(geometry)))
        return columns * len(_lane_ranges(geometry, height / scale))

    fewest = pieces(MIN_SCALE)
    scale = min(MAX_SCALE, max(MIN_SCALE, height / geometry.height))
    while scale > MIN_SCALE and pieces(scale) > fewest:
        scale -= 0.01
    return max(scale, MIN_SCALE)


def _left(geometry: MapGeometry, column: int) -> float:
    """Where a tile starting at ``column`` begins: the previous column's right edge, so the
    gap with its edges and labels shows on both tiles."""
    return geometry.columns[column - 1].right if column else label_width(geometry)


def _right(geometry: MapGeometry, column: int) -> float:
    last = len(geometry.columns) - 1
    return geometry.columns[column + 1].x if column < last else geometry.width


def _column_ranges(geometry: MapGeometry, room: float) -> list[tuple[int, int]]:
    """Runs of whole columns, each as wide as fits in ``room`` (at least one column)."""
    ranges: list[tuple[int, int]] = []
    first = 0
    count = len(geometry.columns)
    while first < count:
        last = first
        while last + 1 < count and _right(geometry, last + 1) - _left(geometry, first) <= room:
            last += 1
        ranges.append((first, last))
        first = last + 1
    return ranges


def _lane_ranges(geometry: MapGeometry, room: float) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    first = 0
    for index, lane in enumerate(geometry.lanes):
        top = geometry.lanes[first].rect.y
        if index > first and lane.rect.bottom - top > room + 1e-6:
            ranges.append((first, index - 1))
            first = index
    ranges.append((first, len(geometry.lanes) - 1))
    return ranges
