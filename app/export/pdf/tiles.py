"""Which part of the map each PDF page shows, never below 6-point text.

A map that fits one page with its text at ``MIN_TEXT`` points or more takes one page. A folded
map (see ``app.swimlane.fold``) gets an overview sheet and then its sections, all at one scale,
as many to a page as fit. A map that is neither (many lanes, few columns) or a section taller
than a page is cut at column gaps and lane borders, never inside a shape.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.swimlane.geometry import MapGeometry, MapSection
from app.swimlane.style import DEFAULT_STYLE

MIN_TEXT = 6.0
MIN_SCALE = MIN_TEXT / DEFAULT_STYLE.font_size
MAX_SCALE = 1.0


@dataclass(frozen=True, slots=True)
class Tile:
    """One drawn part of the map: an x range (after the lane labels), a lane range, a scale.

    ``lane_first``/``lane_last`` index ``geometry.lanes``; ``section`` is the 0-based section
    drawn, or -1 for an unfolded map; ``part`` counts the tiles of that section (or map).
    """

    x0: float
    x1: float
    lane_first: int
    lane_last: int
    scale: float
    part: int
    parts: int
    columns: tuple[int, int]
    has_left: bool = False
    has_right: bool = False
    has_above: bool = False
    has_below: bool = False
    section: int = -1


def label_width(geometry: MapGeometry) -> float:
    """The width of the lane label column at the left of the map."""
    return geometry.lanes[0].label_rect.width if geometry.lanes else 0.0


def fit_scale(width: float, height: float, room_width: float, room_height: float) -> float:
    """The largest scale (at most 1) at which ``width`` × ``height`` fits the room."""
    return min(MAX_SCALE, room_width / max(width, 1.0), room_height / max(height, 1.0))


def whole_map(geometry: MapGeometry, scale: float) -> Tile:
    """The whole map as one tile."""
    last_column = max(len(geometry.columns) - 1, 0)
    lanes = max(len(geometry.lanes) - 1, 0)
    return Tile(label_width(geometry), geometry.width, 0, lanes, scale, 1, 1, (0, last_column))


def one_page(geometry: MapGeometry, width: float, height: float) -> Tile | None:
    """The whole map on one page when its text stays at least ``MIN_TEXT`` points there."""
    scale = fit_scale(geometry.width, geometry.height, width, height)
    if scale < MIN_SCALE - 1e-9 and geometry.lanes:
        return None
    return whole_map(geometry, max(scale, 0.01))


def section_scale(
    geometry: MapGeometry, width: float, page_height: float, title_room: float
) -> float:
    """One scale for every section page: the largest (up to the page width) that needs no more
    pages than text at ``MIN_TEXT`` points does, sections packed in order, as many as fit."""
    widest = max((section.rect.width for section in geometry.sections), default=geometry.width)
    scale = min(MAX_SCALE, width / widest)
    if scale <= MIN_SCALE:
        return MIN_SCALE
    fewest = section_pages(geometry, MIN_SCALE, page_height, title_room)
    while scale > MIN_SCALE and section_pages(geometry, scale, page_height, title_room) > fewest:
        scale -= 0.01
    return max(scale, MIN_SCALE)


def section_pages(
    geometry: MapGeometry, scale: float, page_height: float, title_room: float
) -> int:
    """How many pages the sections take at ``scale``, each kept whole on its page."""
    pages, used = 1, 0.0
    for section in geometry.sections:
        need = section.rect.height * scale + title_room
        if used and used + need > page_height:
            pages, used = pages + 1, 0.0
        used += need
    return pages


def section_tiles(
    geometry: MapGeometry, section: MapSection, scale: float, width: float, height: float
) -> list[Tile]:
    """A section as one tile, or cut into page-sized tiles when it is too big at ``scale``."""
    count = geometry.lane_count
    first_lane = (section.number - 1) * count
    lanes = (first_lane, first_lane + count - 1)
    column_ranges = _column_ranges(geometry, section.columns, width / scale - label_width(geometry))
    lane_ranges = _lane_ranges(geometry, lanes, height / scale)
    tiles: list[Tile] = []
    total = len(column_ranges) * len(lane_ranges)
    for row, (top, bottom) in enumerate(lane_ranges):
        for place, (first, last) in enumerate(column_ranges):
            x0 = _left(geometry, first, section.columns[0])
            x1 = _right(geometry, last, section.columns[1], section.rect.right)
            edges = (place > 0, place < len(column_ranges) - 1, row > 0, row < len(lane_ranges) - 1)
            part = len(tiles) + 1
            tiles.append(
                Tile(
                    x0,
                    x1,
                    top,
                    bottom,
                    scale,
                    part,
                    total,
                    (first, last),
                    *edges,
                    section.number - 1,
                )
            )
    return tiles


def unfolded_tiles(geometry: MapGeometry, width: float, height: float) -> list[Tile]:
    """A big map that is not folded, cut into page-sized tiles at ``MIN_SCALE``."""
    section = MapSection(
        1, 1, geometry.lanes[0].rect, geometry.lanes[0].rect, (0, len(geometry.columns) - 1)
    )
    tiles = section_tiles(geometry, section, MIN_SCALE, width, height)
    return [_unsectioned(tile, geometry) for tile in tiles]


def _unsectioned(tile: Tile, geometry: MapGeometry) -> Tile:
    x1 = geometry.width if tile.columns[1] == len(geometry.columns) - 1 else tile.x1
    return Tile(
        tile.x0,
        x1,
        tile.lane_first,
        tile.lane_last,
        tile.scale,
        tile.part,
        tile.parts,
        tile.columns,
        tile.has_left,
        tile.has_right,
        tile.has_above,
        tile.has_below,
    )


def _left(geometry: MapGeometry, column: int, first: int) -> float:
    """Where a tile starting at ``column`` begins: the previous column's right edge (so the gap
    shows on both tiles), or the lane labels' edge at the start of a section."""
    if column == first:
        return label_width(geometry)
    return geometry.columns[column - 1].right


def _right(geometry: MapGeometry, column: int, last: int, section_right: float) -> float:
    return geometry.columns[column + 1].x if column < last else section_right


def _column_ranges(
    geometry: MapGeometry, columns: tuple[int, int], room: float
) -> list[tuple[int, int]]:
    """Runs of whole columns of a section, each as wide as fits in ``room`` (at least one)."""
    first_of_section, last_of_section = columns
    ranges: list[tuple[int, int]] = []
    first = first_of_section
    while first <= last_of_section:
        last = first
        left = _left(geometry, first, first_of_section)
        while last < last_of_section and geometry.columns[last + 1].right - left <= room:
            last += 1
        ranges.append((first, last))
        first = last + 1
    return ranges


def _lane_ranges(
    geometry: MapGeometry, lanes: tuple[int, int], room: float
) -> list[tuple[int, int]]:
    first_lane, last_lane = lanes
    ranges: list[tuple[int, int]] = []
    first = first_lane
    for index in range(first_lane, last_lane + 1):
        top = geometry.lanes[first].rect.y
        if index > first and geometry.lanes[index].rect.bottom - top > room + 1e-6:
            ranges.append((first, index - 1))
            first = index
    ranges.append((first, last_lane))
    return ranges
