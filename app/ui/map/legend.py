"""The legend: what shapes, badges, dashes and fills mean, painted like the map paints them."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QLinearGradient, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from app.ui.map.account_marks import DIFFER_MEANING, paint_differ
from app.ui.map.badges import BADGE_SIZE, BADGES, paint_badge, paint_share
from app.ui.map.evidence_marks import SAID_MEANING, paint_swatch
from app.ui.map.look import Look, mix

ROW = 17.0
SWATCH = 34.0
PAD = 7.0


def legend_rows(look: Look) -> list[tuple[str, str]]:
    """(symbol, meaning) rows for the overlays that are on."""
    rows = [
        ("circle", "Start / end (thick rim)"),
        ("box", "Task or approval"),
        ("diamond", "Decision"),
        ("dash", "Sent back (rework)"),
    ]
    if look.heat:
        rows.append(("heat", "Wait before the step: light → long"))
    if look.share:
        rows.append(("share", "Share of lead time"))
    if look.said_recorded:
        rows.append(("said", SAID_MEANING))
    if look.accounts_differ:
        rows.append(("differ", DIFFER_MEANING))
    names = tuple(BADGES) if look.badges else ("approval",)
    rows += [(f"badge:{name}", BADGES[name].meaning) for name in names]
    return rows


class LegendWidget(QWidget):
    """A strip under the map: symbol and meaning side by side, wrapped to the width."""

    def __init__(self, look: Look, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.look = look
        self.setAccessibleName("Map legend")
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.setFont(font)
        self.refresh()

    def refresh(self) -> None:
        rows = legend_rows(self.look)
        self.setToolTip("Legend: " + "; ".join(meaning for _, meaning in rows))
        self.setMinimumHeight(self._height_for(max(self.width(), 400)))
        self.update()

    def _cells(self, width: int) -> list[tuple[str, str, QRectF]]:
        cells = []
        x, y = PAD, PAD / 2
        for symbol, meaning in legend_rows(self.look):
            cell = SWATCH + PAD + self.fontMetrics().horizontalAdvance(meaning) + 2 * PAD
            if x + cell > width and x > PAD:
                x, y = PAD, y + ROW
            cells.append((symbol, meaning, QRectF(x, y, cell, ROW)))
            x += cell
        return cells

    def _height_for(self, width: int) -> int:
        cells = self._cells(width)
        return round((cells[-1][2].bottom() if cells else 0) + PAD / 2)

    def resizeEvent(self, event: object) -> None:
        self.setMinimumHeight(self._height_for(self.width()))

    def sizeHint(self) -> QSize:
        return QSize(600, self._height_for(600))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        theme = self.look.theme
        painter.fillRect(self.rect(), theme.background)
        painter.setPen(QPen(theme.lane_line, 1))
        painter.drawLine(0, 0, self.width(), 0)
        for symbol, meaning, cell in self._cells(self.width()):
            self._symbol(painter, symbol, QRectF(cell.x(), cell.y() + 3, SWATCH, ROW - 6))
            painter.setPen(theme.text)
            painter.setFont(self.font())
            text = cell.adjusted(SWATCH + PAD, 0, 0, 0)
            painter.drawText(text, Qt.AlignmentFlag.AlignVCenter, meaning)
        painter.end()

    def _symbol(self, painter: QPainter, symbol: str, rect: QRectF) -> None:
        theme = self.look.theme
        painter.setPen(QPen(theme.box_line, 2.2 if symbol == "circle" else 1.1))
        painter.setBrush(theme.box_fill)
        centre = rect.center()
        if symbol == "circle":
            painter.drawEllipse(centre, rect.height() / 2, rect.height() / 2)
        elif symbol == "box":
            painter.drawRoundedRect(rect, 3, 3)
        elif symbol == "diamond":
            h, w = rect.height() / 2, rect.width() / 2
            points = [QPointF(centre.x(), centre.y() - h), QPointF(centre.x() + w, centre.y())]
            points += [QPointF(centre.x(), centre.y() + h), QPointF(centre.x() - w, centre.y())]
            painter.drawPolygon(points)
        elif symbol == "dash":
            pen = QPen(theme.edge, 1.3)
            pen.setDashPattern([4.0, 3.0])
            painter.setPen(pen)
            painter.drawLine(QPointF(rect.left(), centre.y()), QPointF(rect.right(), centre.y()))
        elif symbol == "heat":
            gradient = QLinearGradient(rect.topLeft(), rect.topRight())
            gradient.setColorAt(0, mix(theme.box_fill, theme.heat, 0.08))
            gradient.setColorAt(1, mix(theme.box_fill, theme.heat, 0.48))
            painter.setBrush(gradient)
            painter.drawRoundedRect(rect, 3, 3)
        elif symbol == "share":
            paint_share(painter, self.look, 0.18, QPointF(rect.left() + 4, centre.y()))
        elif symbol == "said":
            paint_swatch(painter, rect)
        elif symbol == "differ":
            paint_differ(painter, centre)
        elif symbol.startswith("badge:"):
            badge = QRectF(0, 0, BADGE_SIZE + (6 if symbol.endswith("rekeyed") else 0), 15)
            badge.moveCenter(centre)
            paint_badge(painter, self.look, symbol.split(":", 1)[1], badge)
