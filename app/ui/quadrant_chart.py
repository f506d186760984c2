"""Impact × effort: the four quadrants with each action as a numbered dot."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.analysis.actions import HIGH_EFFORT

# Top-left is high impact and low effort: the quick wins, where the eye starts.
CELLS = (
    ("Quick win", 0, 0, "#2e7d32"),
    ("Major project", 1, 0, "#1565c0"),
    ("Fill-in", 0, 1, "#6d6d6d"),
    ("Time sink", 1, 1, "#c62828"),
)


@dataclass(frozen=True, slots=True)
class Dot:
    """One action on the chart: its row number, effort 1–5 and whether its impact is high."""

    number: int
    effort: int
    high_impact: bool
    relative_impact: float  # 0..1 within its half, for the vertical place


class QuadrantChart(QWidget):
    """A small 2 × 2 chart; dots share a cell without hiding each other."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dots: tuple[Dot, ...] = ()
        self.setMinimumSize(260, 220)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAccessibleName("Impact and effort of the actions")

    def set_dots(self, dots: Sequence[Dot]) -> None:
        self.dots = tuple(dots)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(26, 6, -6, -24)
        self._draw_cells(painter, area)
        self._draw_axes(painter, area)
        self._draw_dots(painter, area)

    def _cell(self, area: QRectF, column: int, row: int) -> QRectF:
        width, height = area.width() / 2, area.height() / 2
        return QRectF(area.left() + column * width, area.top() + row * height, width, height)

    def _draw_cells(self, painter: QPainter, area: QRectF) -> None:
        for name, column, row, colour in CELLS:
            rect = self._cell(area, column, row)
            tint = QColor(colour)
            tint.setAlpha(28)
            painter.fillRect(rect.adjusted(1, 1, -1, -1), tint)
            painter.setPen(QColor(colour))
            font = QFont(self.font())
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(rect.adjusted(6, 4, -6, -4), Qt.AlignmentFlag.AlignTop, name)

    def _draw_axes(self, painter: QPainter, area: QRectF) -> None:
        text = self.palette().color(QPalette.ColorRole.Text)
        painter.setPen(QPen(text, 1))
        painter.setFont(self.font())
        painter.drawRect(area)
        bottom = QRectF(area.left(), area.bottom() + 2, area.width(), 20)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft, "low effort")
        painter.drawText(bottom, Qt.AlignmentFlag.AlignRight, "high effort")
        painter.save()
        painter.translate(area.left() - 6, area.bottom())
        painter.rotate(-90)
        side = QRectF(0, -16, area.height(), 16)
        painter.drawText(side, Qt.AlignmentFlag.AlignLeft, "low impact")
        painter.drawText(side, Qt.AlignmentFlag.AlignRight, "high impact")
        painter.restore()

    def _draw_dots(self, painter: QPainter, area: QRectF) -> None:
        radius = 10.0
        for dot in self.dots:
            centre = self._place(area, dot, radius)
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(self.palette().color(QPalette.ColorRole.Highlight))
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(self.palette().color(QPalette.ColorRole.HighlightedText))
            box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(dot.number))

    def _place(self, area: QRectF, dot: Dot, radius: float) -> QPointF:
        """Effort 1–5 across; within a half, higher impact higher up; same spots nudged."""
        column = 1 if dot.effort >= HIGH_EFFORT else 0
        cell = self._cell(area, column, 0 if dot.high_impact else 1).adjusted(
            radius + 4, radius + 22, -radius - 4, -radius - 4
        )
        low, high = (HIGH_EFFORT, 5) if column else (1, HIGH_EFFORT - 1)
        across = (dot.effort - low) / max(high - low, 1)
        same = sum(1 for other in self.dots if other.number < dot.number and _near(other, dot))
        x = cell.left() + across * cell.width() + same * (radius * 1.6) % max(cell.width(), 1)
        y = cell.bottom() - dot.relative_impact * cell.height()
        return QPointF(min(x, cell.right()), y)


def _near(first: Dot, second: Dot) -> bool:
    return (
        first.effort == second.effort
        and first.high_impact == second.high_impact
        and abs(first.relative_impact - second.relative_impact) < 0.1
    )
