"""The Simulate tab's two small charts, painted directly: a lead-time histogram and
utilisation bars (a role at or above 100 % is drawn red)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.process.durations import format_duration

BAR = QColor("#4a7ab5")
FULL = QColor("#c62828")
TEXT = QColor("#333333")


class HistogramChart(QWidget):
    """Counts of lead times in equal bins, labelled at both ends with durations."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edges: Sequence[float] = ()
        self.counts: Sequence[int] = ()
        self.setMinimumHeight(140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_histogram(self, edges: Sequence[float], counts: Sequence[int]) -> None:
        self.edges, self.counts = edges, counts
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(8, 8, -8, -24)
        if not self.counts or area.width() <= 0:
            painter.setPen(TEXT)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No lead times yet")
            return
        top = max(self.counts) or 1
        width = area.width() / len(self.counts)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR)
        for index, count in enumerate(self.counts):
            height = area.height() * count / top
            painter.drawRect(
                QRectF(area.left() + index * width + 1, area.bottom() - height, width - 2, height)
            )
        painter.setPen(TEXT)
        baseline = QRectF(area.left(), area.bottom() + 4, area.width(), 18)
        painter.drawText(baseline, Qt.AlignmentFlag.AlignLeft, format_duration(self.edges[0]))
        painter.drawText(baseline, Qt.AlignmentFlag.AlignRight, format_duration(self.edges[-1]))
        painter.drawText(baseline, Qt.AlignmentFlag.AlignHCenter, "lead time")


class UtilisationBars(QWidget):
    """One labelled horizontal bar per (scenario, role), 0–100 %; overloaded bars red."""

    ROW = 20

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: Sequence[tuple[str, float]] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def show_bars(self, rows: Sequence[tuple[str, float]]) -> None:
        """``rows``: a label and a utilisation (a fraction; 1 or more = overloaded)."""
        self.rows = rows
        self.setMinimumHeight(max(1, len(rows)) * self.ROW + 8)
        self.updateGeometry()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        label_width = self.width() * 0.6
        track = self.width() - label_width - 60
        for index, (label, share) in enumerate(self.rows):
            y = 4 + index * self.ROW
            painter.setPen(TEXT)
            text_box = QRectF(0, y, label_width - 6, self.ROW - 4)
            elided = self.fontMetrics().elidedText(
                label, Qt.TextElideMode.ElideRight, int(text_box.width())
            )
            painter.drawText(text_box, Qt.AlignmentFlag.AlignRight, elided)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(FULL if share >= 1 else BAR)
            painter.drawRect(QRectF(label_width, y + 2, max(0.0, track * min(share, 1.0)), 12))
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(label_width + track + 4, y, 56, self.ROW - 4),
                Qt.AlignmentFlag.AlignLeft,
                f"{share:.0%}",
            )
