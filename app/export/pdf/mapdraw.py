"""The swimlane map drawn as PDF vectors from the shared ``MapGeometry`` (one layout, three
renderers): lane bands, step shapes, routed edges with arrow heads, labels."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from app.export.pdf.fonts import BOLD, REGULAR
from app.export.pdf.styles import ACCENT, ACCENT_TINT, INK, MUTED, PAPER_TINT, RULE, WARN
from app.export.pdf.tiles import Tile, label_width
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

WHITE = colors.white


@dataclass(frozen=True, slots=True)
class _View:
    """Geometry → page coordinates for one tile (page y grows upward)."""

    tile: Tile
    top: float
    height: float
    label_width: float

    def x(self, x: float) -> float:
        return (x - self.tile.x0 + self.label_width) * self.tile.scale

    def y(self, y: float) -> float:
        return self.height - (y - self.top) * self.tile.scale

    def size(self, length: float) -> float:
        return length * self.tile.scale


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
        view = _View(self.tile, self._top, self.height, self._label)
        canvas.saveState()
        count = max(self.geometry.lane_count, 1)
        for position, lane in enumerate(self._lanes):
            index = (self.tile.lane_first + position) % count
            _draw_lane(canvas, view, lane, index, self.width, self.geometry, self.text)
        if self.text:
            for section in self._titles:
                _draw_section_title(canvas, view, section)
        clip = canvas.beginPath()
        clip.rect(view.size(self._label), 0, self.width - view.size(self._label), self.height)
        canvas.clipPath(clip, stroke=0, fill=0)
        for edge, piece in self._pieces:
            _draw_edge(canvas, view, edge, piece, self.geometry, self.text)
        for node in self._nodes:
            mark = self.marks.get(node.step_id, "")
            _draw_node(canvas, view, node, self.geometry, mark, self.text)
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


def _draw_lane(
    canvas: Canvas,
    view: _View,
    lane: LaneBand,
    index: int,
    width: float,
    geometry: MapGeometry,
    text: bool,
) -> None:
    top, bottom = view.y(lane.rect.y), view.y(lane.rect.bottom)
    canvas.setFillColor(PAPER_TINT if index % 2 == 0 else WHITE)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.rect(0, bottom, width, top - bottom, stroke=1, fill=1)
    canvas.setFillColor(ACCENT_TINT)
    canvas.rect(0, bottom, view.size(lane.label_rect.width), top - bottom, stroke=1, fill=1)
    if text:
        _draw_lane_label(canvas, view, lane, geometry)


def _draw_section_title(canvas: Canvas, view: _View, section: MapSection) -> None:
    """ "Section 2 of 7" in the band above a section of a folded map."""
    rect = section.title_rect
    size = view.size(9.5)
    canvas.setFont(BOLD, size)
    canvas.setFillColor(ACCENT)
    canvas.drawString(view.size(4), view.y(rect.center.y) - size * 0.35, section.title)


def _draw_lane_label(canvas: Canvas, view: _View, lane: LaneBand, geometry: MapGeometry) -> None:
    """The lane name in the label column, which every tile repeats at its left."""
    rect = lane.label_rect
    centre_x = view.size(rect.x + rect.width / 2)
    centre_y = view.y(rect.y + rect.height / 2)
    _centred_lines(canvas, view, lane.lines, centre_x, centre_y, geometry, REGULAR)


def _centred_lines(
    canvas: Canvas,
    view: _View,
    lines: Sequence[str],
    centre_x: float,
    centre_y: float,
    geometry: MapGeometry,
    font: str,
) -> None:
    size = view.size(geometry.font_size)
    leading = view.size(geometry.line_height)
    first = centre_y + (len(lines) - 1) * leading / 2 - size * 0.35
    canvas.setFont(font, size)
    canvas.setFillColor(INK)
    for number, line in enumerate(lines):
        canvas.drawCentredString(centre_x, first - number * leading, line)


def _draw_node(
    canvas: Canvas, view: _View, node: NodeBox, geometry: MapGeometry, mark: str, text: bool
) -> None:
    rect = node.rect
    x, y = view.x(rect.x), view.y(rect.bottom)
    w, h = view.size(rect.width), view.size(rect.height)
    canvas.setStrokeColor(INK)
    canvas.setFillColor(WHITE)
    canvas.setLineWidth(0.8)
    if node.shape == "circle":
        canvas.setLineWidth(2.0 if node.kind == "end" else 0.9)
        canvas.circle(x + w / 2, y + h / 2, min(w, h) / 2, stroke=1, fill=1)
    elif node.shape == "diamond":
        path = canvas.beginPath()
        path.moveTo(x + w / 2, y + h)
        path.lineTo(x + w, y + h / 2)
        path.lineTo(x + w / 2, y)
        path.lineTo(x, y + h / 2)
        path.close()
        canvas.drawPath(path, stroke=1, fill=1)
    else:
        if node.kind == "approval":
            canvas.setStrokeColor(ACCENT)
            canvas.setLineWidth(1.4)
        canvas.roundRect(x, y, w, h, view.size(5), stroke=1, fill=1)
    if not text:
        return
    text_rect = node.text_rect or rect
    _draw_text_block(canvas, view, node.lines, text_rect, geometry)
    if node.badges:
        _draw_badge(canvas, view, rect, " · ".join(node.badges))
    if mark:
        _draw_mark(canvas, x, y + h, view.size(9), mark)


def _draw_text_block(
    canvas: Canvas, view: _View, lines: Sequence[str], rect: Rect, geometry: MapGeometry
) -> None:
    centre = rect.center
    _centred_lines(canvas, view, lines, view.x(centre.x), view.y(centre.y), geometry, REGULAR)


def _draw_badge(canvas: Canvas, view: _View, rect: Rect, text: str) -> None:
    size = view.size(8)
    canvas.setFont(BOLD, size)
    canvas.setFillColor(ACCENT)
    label = text.upper()
    right = view.x(rect.right) - view.size(5)
    canvas.drawRightString(right, view.y(rect.y) - size - view.size(2), label)


def _draw_mark(canvas: Canvas, x: float, y: float, radius: float, mark: str) -> None:
    canvas.setFillColor(WARN)
    canvas.setStrokeColor(WHITE)
    canvas.setLineWidth(0.8)
    canvas.circle(x, y, radius, stroke=1, fill=1)
    canvas.setFillColor(WHITE)
    canvas.setFont(BOLD, radius * 1.2)
    canvas.drawCentredString(x, y - radius * 0.42, mark)


def _draw_edge(
    canvas: Canvas,
    view: _View,
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


def draw_link(
    canvas: Canvas, view: _View, link: LinkMark, geometry: MapGeometry, text: bool
) -> None:
    """An off-page connector: a double circle with its letter, "to 3" or "from 2" below."""
    rect = link.rect
    cx, cy = view.x(rect.center.x), view.y(rect.center.y)
    radius = view.size(min(rect.width, rect.height) / 2)
    canvas.setStrokeColor(ACCENT)
    canvas.setFillColor(WHITE if link.direction == "in" else ACCENT_TINT)
    canvas.setLineWidth(0.9)
    canvas.circle(cx, cy, radius, stroke=1, fill=1)
    canvas.circle(cx, cy, radius * 0.8, stroke=1, fill=0)
    if not text:
        return
    canvas.setFont(BOLD, view.size(geometry.font_size * 0.9))
    canvas.setFillColor(INK)
    canvas.drawCentredString(cx, cy - view.size(geometry.font_size * 0.32), link.letter)
    _draw_text_block(canvas, view, link.lines, link.text_rect, geometry)


def _draw_arrow(canvas: Canvas, view: _View, before: Point, tip: Point) -> None:
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


def _draw_edge_label(canvas: Canvas, view: _View, edge: EdgePath, geometry: MapGeometry) -> None:
    rect = edge.label_rect
    assert rect is not None
    size = view.size(geometry.font_size * 0.9)
    leading = view.size(geometry.line_height)
    canvas.setFont(REGULAR, size)
    canvas.setFillColor(WARN if edge.is_back_edge else MUTED)
    top = view.y(rect.y)
    for number, line in enumerate(edge.label_lines):
        canvas.drawString(view.x(rect.x), top - size - number * leading, line)


def _draw_cut_marks(canvas: Canvas, view: _View, width: float, height: float) -> None:
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


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` in the plan's font (the layout's text measure)."""
    return float(stringWidth(text, BOLD if bold else REGULAR, size))
