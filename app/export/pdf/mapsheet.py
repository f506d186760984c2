"""The overview of a folded map: every section as a numbered thumbnail, in reading order."""

from __future__ import annotations

import math

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from app.export.pdf.fonts import BOLD
from app.export.pdf.mapdraw import MapTile
from app.export.pdf.styles import ACCENT
from app.export.pdf.tiles import Tile, label_width
from app.swimlane.geometry import MapGeometry, MapSection

WHITE = colors.white

_GUTTER = 8.0
_BADGE = 7.0
# Thumbnails this large or more carry their text (4.4 points and up), for a map of few sections.
TEXT_SCALE = 0.4


def sheet_grid(geometry: MapGeometry, width: float, height: float) -> tuple[int, float]:
    """How many thumbnails go across, and their scale, so the sections are drawn largest."""
    count = len(geometry.sections)
    best = (1, 0.0)
    for across in range(1, count + 1):
        rows = math.ceil(count / across)
        cell_width = (width - (across - 1) * _GUTTER) / across
        cell_height = (height - (rows - 1) * _GUTTER) / rows
        scale = min(cell_width / geometry.width, cell_height / _tallest(geometry))
        if scale > best[1]:
            best = (across, scale)
    return best


def _tallest(geometry: MapGeometry) -> float:
    return max(section.rect.height for section in geometry.sections)


class SectionSheet(Flowable):  # type: ignore[misc]
    """All sections of a folded map on one page, each marked with its number."""

    def __init__(self, geometry: MapGeometry, width: float, height: float) -> None:
        super().__init__()
        self.geometry = geometry
        self.across, self.scale = sheet_grid(geometry, width, height)
        self.cell_width = geometry.width * self.scale
        self.cell_height = _tallest(geometry) * self.scale
        rows = math.ceil(len(geometry.sections) / self.across)
        self.width = self.across * self.cell_width + (self.across - 1) * _GUTTER
        self.height = rows * self.cell_height + (rows - 1) * _GUTTER

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (self.width, self.height)

    def draw(self) -> None:
        canvas: Canvas = self.canv
        for index, section in enumerate(self.geometry.sections):
            row, place = divmod(index, self.across)
            x = place * (self.cell_width + _GUTTER)
            top = self.height - row * (self.cell_height + _GUTTER)
            thumbnail = MapTile(self.geometry, self._tile(section), text=self.scale >= TEXT_SCALE)
            canvas.saveState()
            canvas.translate(x, top - thumbnail.height)
            thumbnail.draw_on(canvas)
            canvas.restoreState()
            _badge(canvas, x, top, str(section.number))

    def _tile(self, section: MapSection) -> Tile:
        count = self.geometry.lane_count
        first = (section.number - 1) * count
        return Tile(
            label_width(self.geometry),
            section.rect.right,
            first,
            first + count - 1,
            self.scale,
            section.number,
            len(self.geometry.sections),
            section.columns,
            section=section.number - 1,
        )


def _badge(canvas: Canvas, x: float, top: float, number: str) -> None:
    """The section number in an accent disc at the thumbnail's top-left corner."""
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.setStrokeColor(WHITE)
    canvas.circle(x + _BADGE, top - _BADGE, _BADGE, stroke=1, fill=1)
    canvas.setFillColor(WHITE)
    canvas.setFont(BOLD, _BADGE * 1.1 if len(number) < 3 else _BADGE * 0.85)
    canvas.drawCentredString(x + _BADGE, top - _BADGE * 1.38, number)
    canvas.restoreState()
