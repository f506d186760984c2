"""Stacking laid-out sections into one folded ``MapGeometry``: title bands, lanes, connectors.

Every section is shifted down below the one before it, with a title band above it; its lane
bands stretch to the widest section. Connector stand-in steps become ``LinkMark``s, and the two
halves of a flow between sections become one ``EdgePath`` (``points`` then ``continued``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from app.swimlane.cut import SectionPart
from app.swimlane.fold import LINK_COLUMN, Crossing, parse_link_id
from app.swimlane.geometry import (
    EdgePath,
    LaneBand,
    LinkMark,
    MapGeometry,
    MapSection,
    NodeBox,
    Point,
    Rect,
)
from app.swimlane.part import PartLayout
from app.swimlane.shapes import is_link

SECTION_TITLE = 28.0


def moved(rect: Rect, dy: float) -> Rect:
    return Rect(rect.x, rect.y + dy, rect.width, rect.height)


def _points(points: Sequence[Point], dy: float) -> tuple[Point, ...]:
    return tuple(Point(point.x, point.y + dy) for point in points)


def stack_sections(
    layouts: Sequence[PartLayout], parts: Sequence[SectionPart], crossings: Sequence[Crossing]
) -> MapGeometry:
    """One geometry with the sections top to bottom, joined by lettered connectors."""
    width = max(layout.geometry.width for layout in layouts)
    letters = {crossing.flow.index: crossing for crossing in crossings}
    lanes: list[LaneBand] = []
    nodes: list[NodeBox] = []
    links: list[LinkMark] = []
    columns: list[Rect] = []
    sections: list[MapSection] = []
    halves: dict[int, list[EdgePath]] = {}
    y = 0.0
    for index, (layout, part) in enumerate(zip(layouts, parts, strict=True)):
        geometry = layout.geometry
        title = Rect(0.0, y, width, SECTION_TITLE)
        y += SECTION_TITLE
        lanes += [_band(band, y, width, index) for band in geometry.lanes]
        for node in geometry.nodes:
            if is_link(node.step_id):
                links.append(_link(node, y, index, letters))
            else:
                nodes.append(_node(node, y, index, part))
        for edge in geometry.edges:
            halves.setdefault(edge.flow_index, []).append(_edge(edge, y))
        columns += [
            moved(rect, y)
            for rect, w in zip(geometry.columns, part.column_width, strict=True)
            if w != LINK_COLUMN
        ]
        area = Rect(0.0, y, width, geometry.height)
        sections.append(MapSection(index + 1, len(layouts), title, area, part.columns))
        y += geometry.height
    first = layouts[0].geometry
    return MapGeometry(
        width=width,
        height=y,
        lanes=tuple(lanes),
        nodes=tuple(nodes),
        edges=tuple(_join(halves[key], letters.get(key)) for key in sorted(halves)),
        columns=tuple(columns),
        font_size=first.font_size,
        line_height=first.line_height,
        sections=tuple(sections),
        links=tuple(links),
    )


def _band(band: LaneBand, dy: float, width: float, section: int) -> LaneBand:
    rect = Rect(0.0, band.rect.y + dy, width, band.rect.height)
    return replace(band, rect=rect, label_rect=moved(band.label_rect, dy), section=section)


def _node(node: NodeBox, dy: float, section: int, part: SectionPart) -> NodeBox:
    """A step of a section, moved down, with its column counted across the whole map."""
    offset = 1 if part.column_width and part.column_width[0] == LINK_COLUMN else 0
    return replace(
        node,
        rect=moved(node.rect, dy),
        text_rect=_text(node, dy),
        section=section,
        column=node.column - offset + part.columns[0],
    )


def _text(node: NodeBox, dy: float) -> Rect | None:
    return None if node.text_rect is None else moved(node.text_rect, dy)


def _edge(edge: EdgePath, dy: float) -> EdgePath:
    label = None if edge.label_rect is None else moved(edge.label_rect, dy)
    return replace(edge, points=_points(edge.points, dy), label_rect=label)


def _link(node: NodeBox, dy: float, index: int, letters: dict[int, Crossing]) -> LinkMark:
    direction, flow_index = parse_link_id(node.step_id)
    crossing = letters[flow_index]
    other = crossing.target_section if direction == "out" else crossing.source_section
    text = node.text_rect or node.rect
    name = f"to {other + 1}" if direction == "out" else f"from {other + 1}"
    return LinkMark(
        flow_index,
        crossing.letter,
        direction,
        index,
        other,
        node.lane_id,
        moved(node.rect, dy),
        moved(text, dy),
        (name,),
    )


def _join(halves: Sequence[EdgePath], crossing: Crossing | None) -> EdgePath:
    """A flow within a section as it is; one between sections as its two halves joined."""
    if crossing is None or len(halves) != 2:
        return halves[0]
    leaving, entering = halves
    if is_link(leaving.source):
        leaving, entering = entering, leaving
    return replace(
        leaving,
        target=entering.target,
        continued=entering.points,
        link=crossing.letter,
    )
