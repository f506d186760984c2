"""Drawing the map's shapes on a PDF canvas: lane bands, steps, connectors and their text.

``View`` turns map coordinates into page coordinates for one tile (page y grows upward).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.export.pdf.fonts import BOLD, REGULAR
from app.export.pdf.styles import ACCENT, ACCENT_TINT, INK, PAPER_TINT, RULE, WARN
from app.export.pdf.tiles import Tile
from app.swimlane.geometry import LaneBand, LinkMark, MapGeometry, MapSection, NodeBox, Rect

WHITE = colors.white


@dataclass(frozen=True, slots=True)
class View:
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


def draw_lane(
    canvas: Canvas,
    view: View,
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


def draw_section_title(canvas: Canvas, view: View, section: MapSection) -> None:
    """ "Section 2 of 7" in the band above a section of a folded map."""
    rect = section.title_rect
    size = view.size(9.5)
    canvas.setFont(BOLD, size)
    canvas.setFillColor(ACCENT)
    canvas.drawString(view.size(4), view.y(rect.center.y) - size * 0.35, section.title)


def _draw_lane_label(canvas: Canvas, view: View, lane: LaneBand, geometry: MapGeometry) -> None:
    """The lane name in the label column, which every tile repeats at its left."""
    rect = lane.label_rect
    centre_x = view.size(rect.x + rect.width / 2)
    centre_y = view.y(rect.y + rect.height / 2)
    _centred_lines(canvas, view, lane.lines, centre_x, centre_y, geometry, REGULAR)


def _centred_lines(
    canvas: Canvas,
    view: View,
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


def draw_node(
    canvas: Canvas, view: View, node: NodeBox, geometry: MapGeometry, mark: str, text: bool
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
    draw_text_block(canvas, view, node.lines, text_rect, geometry)
    if node.badges:
        _draw_badge(canvas, view, rect, " · ".join(node.badges))
    if mark:
        _draw_mark(canvas, x, y + h, view.size(9), mark)


def draw_text_block(
    canvas: Canvas, view: View, lines: Sequence[str], rect: Rect, geometry: MapGeometry
) -> None:
    centre = rect.center
    _centred_lines(canvas, view, lines, view.x(centre.x), view.y(centre.y), geometry, REGULAR)


def _draw_badge(canvas: Canvas, view: View, rect: Rect, text: str) -> None:
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


def draw_link(
    canvas: Canvas, view: View, link: LinkMark, geometry: MapGeometry, text: bool
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
    draw_text_block(canvas, view, link.lines, link.text_rect, geometry)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` in the plan's font (the layout's text measure)."""
    return float(stringWidth(text, BOLD if bold else REGULAR, size))
