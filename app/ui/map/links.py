"""Items of a folded map: the off-page connectors and the section titles.

A connector is drawn as BPMN draws a link event: a double circle, its letter inside, and
"to 3" or "from 2" below it; the sending end is tinted, the receiving end white.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from app.swimlane.geometry import LinkMark, MapSection
from app.ui.map.items import CENTRED, paint_lines, qrect
from app.ui.map.look import Look, mix

TITLE_INDENT = 8.0


class LinkItem(QGraphicsItem):
    """One off-page connector of a flow between two sections."""

    def __init__(self, look: Look, link: LinkMark) -> None:
        super().__init__()
        self.look = look
        self.setZValue(10)
        self.link = link
        self._bounds = QRectF()
        self._apply()

    def set_link(self, link: LinkMark) -> None:
        self.prepareGeometryChange()
        self.link = link
        self._apply()
        self.update()

    def _apply(self) -> None:
        self._circle = qrect(self.link.rect)
        self._text = qrect(self.link.text_rect)
        self._bounds = self._circle.united(self._text).adjusted(-2, -2, 2, 2)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        theme = self.look.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(theme.selection, 1.4))
        sending = self.link.direction == "out"
        fill = mix(theme.box_fill, theme.selection, 0.18) if sending else theme.box_fill
        painter.setBrush(QBrush(fill))
        painter.drawEllipse(self._circle)
        inner = self._circle.adjusted(3, 3, -3, -3)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(inner)
        painter.setPen(theme.text)
        painter.setFont(self.look.small_font)
        painter.drawText(self._circle, CENTRED, self.link.letter)
        painter.setFont(self.look.font)
        paint_lines(painter, self.link.lines, self._text, self.look.line_height)


class SectionTitleItem(QGraphicsItem):
    """ "Section 2 of 7" in the band above a section."""

    def __init__(self, look: Look, section: MapSection) -> None:
        super().__init__()
        self.look = look
        self.setZValue(-5)
        self.section = section
        self._rect = qrect(section.title_rect)

    def set_section(self, section: MapSection) -> None:
        self.prepareGeometryChange()
        self.section = section
        self._rect = qrect(section.title_rect)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(self.look.theme.muted)
        painter.setFont(self.look.lane_font)
        text = self._rect.adjusted(TITLE_INDENT, 0, 0, 0)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(text, align, self.section.title)
