"""The swimlane map drawn as PDF vectors from the shared ``MapGeometry`` (one layout, three
renderers): a tile of the map, its routed edges with arrow heads and labels, and its cut marks
(the shapes are drawn by ``mapshapes``)."""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from app.export.pdf.fonts import REGULAR
from app.export.pdf.mapshapes import (
    View,
    draw_lane,
    draw_link,
    draw_node,
    draw_section_title,
)
from app.export.pdf.styles import ACCENT, MUTED, WARN
from app.export.pdf.tiles import Tile, label_width
from app.swimlane.geometry import EdgePath, MapGeometry, Point, Rect


class MapTile(Flowable):  # type: ignore[misc]
    """One tile of the map; ``marks`` puts a numbered badge on the steps of top findings.

    With ``text=False`` (overview thumbnails) only shapes and lines are drawn.
    """

    def __init__(
        self,
        geometry: MapGeometry,
        tile: Tile,
        marks: Mapping[str, str] | None = None,
        *,
        text: bool = True,
    ) -> None:
        super().__init__()
        self.geometry = geometry
        self.tile = tile
        self.marks = dict(marks or {})
        self.text = text
        lanes = geometry.lanes[tile.lane_first : tile.lane_last + 1]
        self._top = lanes[0].rect.y if lanes else 0.0
        if tile.section < 0 and tile.lane_first == 0:
            self._top = 0.0  # the whole map: with the first section's title band, if any
        bottom = lanes[-1].rect.bottom if lanes else geometry.height
        self._label = label_width(geometry)
        self.width = (tile.x1 - tile.x0 + self._label) * tile.scale
        self.height = (bottom - self._top) * tile.scale
        self._lanes = lanes
        view = Rect(tile.x0, self._top, tile.x1 - tile.x0, bottom - self._top)
        self._titles = [
            section for section in geometry.sections if view.overlaps(section.title_rect)
        ]
        self._nodes = [node for node in geometry.nodes if view.overlaps(node.rect)]
        self._links = [link for link in geometry.links if view.overlaps(link.rect)]
        self._pieces = [
            (edge, piece)
            for edge in geometry.edges
            for piece in edge.pieces
            if view.overlaps(_piece_bounds(edge, piece))
        ]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (self.width, self.height)

    def draw(self) -> None:
        self.draw_on(self.canv)

    def draw_on(self, canvas: Canvas) -> None:
        """Draw the tile with its bottom-left corner at the canvas origin."""
        view = View(self.tile, self._top, self.height, self._label)
        canvas.saveState()
        count = max(self.geometry.lane_count, 1)
        for position, lane in enumerate(self._lanes):
            index = (self.tile.lane_first + position) % count
            draw_lane(canvas, view, lane, index, self.width, self.geometry, self.text)
        if self.text:
            for section in self._titles:
                draw_section_title(canvas, view, section)
        clip = canvas.beginPath()
        clip.rect(view.size(self._label), 0, self.width - view.size(self._label), self.height)
        canvas.clipPath(clip, stroke=0, fill=0)
        for edge, piece in self._pieces:
            _draw_edge(canvas, view, edge, piece, self.geometry, self.text)
        for node in self._nodes:
            mark = self.marks.get(node.step_id, "")
            draw_node(canvas, view, node, self.geometry, mark, self.text)
        for link in self._links:
            draw_link(canvas, view, link, self.geometry, self.text)
        canvas.restoreState()
        _draw_cut_marks(canvas, view, self.width, self.height)


def _piece_bounds(edge: EdgePath, piece: tuple[Point, ...]) -> Rect:
    """The rectangle around one drawn line of an edge, with its label if it carries it."""
    xs = [point.x for point in piece]
    ys = [point.y for point in piece]
    if edge.label_rect is not None and piece is edge.points:
        xs += [edge.label_rect.x, edge.label_rect.right]
        ys += [edge.label_rect.y, edge.label_rect.bottom]
    if not xs:
        return Rect(0.0, 0.0, 0.0, 0.0)
    return Rect(min(xs) - 8, min(ys) - 8, max(xs) - min(xs) + 16, max(ys) - min(ys) + 16)


def _draw_edge(
    canvas: Canvas,
    view: View,
    edge: EdgePath,
    piece: tuple[Point, ...],
    geometry: MapGeometry,
    text: bool,
) -> None:
    if len(piece) < 2:
        return
    canvas.setStrokeColor(WARN if edge.is_back_edge else MUTED)
    canvas.setFillColor(WARN if edge.is_back_edge else MUTED)
    canvas.setLineWidth(0.9 if edge.is_back_edge else 0.7)
    canvas.setDash(3, 2) if edge.is_back_edge else canvas.setDash()
    path = canvas.beginPath()
    path.moveTo(view.x(piece[0].x), view.y(piece[0].y))
    for point in piece[1:]:
        path.lineTo(view.x(point.x), view.y(point.y))
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.setDash()
    _draw_arrow(canvas, view, piece[-2], piece[-1])
    if text and piece is edge.points and edge.label_rect is not None and edge.label_lines:
        _draw_edge_label(canvas, view, edge, geometry)


def _draw_arrow(canvas: Canvas, view: View, before: Point, tip: Point) -> None:
    length, half = view.size(8), view.size(3.5)
    dx, dy = view.x(tip.x) - view.x(before.x), view.y(tip.y) - view.y(before.y)
    norm = max((dx * dx + dy * dy) ** 0.5, 1e-9)
    ux, uy = dx / norm, dy / norm
    tx, ty = view.x(tip.x), view.y(tip.y)
    path = canvas.beginPath()
    path.moveTo(tx, ty)
    path.lineTo(tx - ux * length - uy * half, ty - uy * length + ux * half)
    path.lineTo(tx - ux * length + uy * half, ty - uy * length - ux * half)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _draw_edge_label(canvas: Canvas, view: View, edge: EdgePath, geometry: MapGeometry) -> None:
    rect = edge.label_rect
    assert rect is not None
    size = view.size(geometry.font_size * 0.9)
    leading = view.size(geometry.line_height)
    canvas.setFont(REGULAR, size)
    canvas.setFillColor(WARN if edge.is_back_edge else MUTED)
    top = view.y(rect.y)
    for number, line in enumerate(edge.label_lines):
        canvas.drawString(view.x(rect.x), top - size - number * leading, line)


def _draw_cut_marks(canvas: Canvas, view: View, width: float, height: float) -> None:
    """A dashed accent line where the map continues on another tile."""
    tile = view.tile
    canvas.saveState()
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1.2)
    canvas.setDash(4, 3)
    if tile.has_right:
        canvas.line(width, 0, width, height)
    if tile.has_left:
        canvas.line(view.size(view.label_width), 0, view.size(view.label_width), height)
    if tile.has_below:
        canvas.line(0, 0, width, 0)
    if tile.has_above:
        canvas.line(0, height, width, height)
    canvas.restoreState()
