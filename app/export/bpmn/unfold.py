"""A folded map's sections laid side by side, for BPMN diagram interchange.

BPMN draws a lane as one shape, so the sections the screen and the PDF stack top to bottom
are placed left to right here, in the same order, each lane as tall as its tallest section.
Every shape, waypoint and label keeps its place inside its section and lane; the lettered
connectors become the link events that join the sections.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import accumulate

from app.swimlane.geometry import EdgePath, LaneBand, LinkMark, MapGeometry, NodeBox, Point, Rect


class _Placement:
    """Where each (section, lane) band of the folded map goes in the side-by-side diagram."""

    def __init__(self, geometry: MapGeometry) -> None:
        self.geometry = geometry
        self.count = geometry.lane_count
        sections = len(geometry.sections)
        bands = geometry.lanes
        self.heights = [
            max(bands[s * self.count + lane].rect.height for s in range(sections))
            for lane in range(self.count)
        ]
        self.tops = list(accumulate(self.heights, initial=0.0))[:-1]
        self.label = bands[0].label_rect.width if bands else 0.0
        self.stride = geometry.width - self.label

    def band_at(self, y: float) -> tuple[int, LaneBand]:
        """The section and band that hold height ``y`` (the nearest one on a border)."""
        bands = self.geometry.lanes
        for index, band in enumerate(bands):
            if band.rect.y <= y < band.rect.bottom:
                return index, band
        return len(bands) - 1, bands[-1]

    def point(self, point: Point) -> Point:
        index, band = self.band_at(point.y)
        section, lane = divmod(index, self.count)
        return Point(point.x + section * self.stride, self.tops[lane] + point.y - band.rect.y)

    def rect(self, rect: Rect) -> Rect:
        corner = self.point(Point(rect.x, rect.y))
        return Rect(corner.x, corner.y, rect.width, rect.height)

    def lane(self, band: LaneBand, lane: int) -> LaneBand:
        top, height = self.tops[lane], self.heights[lane]
        width = self.label + self.stride * len(self.geometry.sections)
        return replace(
            band,
            rect=Rect(0.0, top, width, height),
            label_rect=Rect(0.0, top, self.label, height),
            section=0,
        )


def side_by_side(geometry: MapGeometry) -> MapGeometry:
    """``geometry`` itself when it is not folded; else its sections left to right."""
    if not geometry.sections:
        return geometry
    place = _Placement(geometry)
    lanes = tuple(place.lane(band, i) for i, band in enumerate(geometry.lanes[: place.count]))
    return MapGeometry(
        width=lanes[0].rect.width if lanes else geometry.width,
        height=sum(place.heights),
        lanes=lanes,
        nodes=tuple(_node(place, node) for node in geometry.nodes),
        edges=tuple(_edge(place, edge) for edge in geometry.edges),
        columns=(),
        font_size=geometry.font_size,
        line_height=geometry.line_height,
        links=tuple(_link(place, link) for link in geometry.links),
    )


def _node(place: _Placement, node: NodeBox) -> NodeBox:
    text = None if node.text_rect is None else place.rect(node.text_rect)
    return replace(node, rect=place.rect(node.rect), text_rect=text, section=0)


def _edge(place: _Placement, edge: EdgePath) -> EdgePath:
    label = None if edge.label_rect is None else place.rect(edge.label_rect)
    return replace(
        edge,
        points=tuple(place.point(point) for point in edge.points),
        continued=tuple(place.point(point) for point in edge.continued),
        label_rect=label,
    )


def _link(place: _Placement, link: LinkMark) -> LinkMark:
    return replace(link, rect=place.rect(link.rect), text_rect=place.rect(link.text_rect))
