"""Lane names pinned at the left of a map view while the map is scrolled sideways.

The lane cells are part of the map, so they scroll out of view on a long map; this strip
takes their place, level with each lane at the current zoom and scroll, and lets clicks
through to the map (it holds names, not controls).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.swimlane.geometry import LaneBand
    from app.ui.map.view import MapView

WIDTH = 116
PADDING = 6


class LanePins(QWidget):
    """A strip over the left edge of ``view`` with every lane's name, shown once scrolled."""

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.view = view
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName("Lane names")
        view.horizontalScrollBar().valueChanged.connect(self.refresh)
        view.verticalScrollBar().valueChanged.connect(self.refresh)
        view.zoom_changed.connect(lambda _zoom: self.refresh())
        view.map_scene.changed.connect(lambda _regions: self.refresh())
        view.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self.refresh()
        return False

    def bands(self) -> tuple[LaneBand, ...]:
        model = self.view.map_scene.model
        return model.geometry.lanes if model is not None else ()

    def needed(self) -> bool:
        """True when the map's own lane cells are scrolled (even partly) out of view."""
        bands = self.bands()
        if not bands:
            return False
        cell = bands[0].label_rect
        right = self.view.mapFromScene(QPointF(cell.x + cell.width, cell.y)).x()
        return right < cell.width * self.view.zoom() - 1

    def refresh(self, *_args: object) -> None:
        shown = self.needed()
        if shown:
            viewport = self.view.viewport().geometry()
            self.setGeometry(viewport.x(), viewport.y(), WIDTH, viewport.height())
            self.raise_()
            self.update()
        self.setVisible(shown)

    def paintEvent(self, event: QPaintEvent) -> None:
        look = self.view.map_scene.look
        painter = QPainter(self)
        painter.setFont(look.lane_font)
        fill = QColor(look.theme.label_fill)  # opaque: no step shows through a name
        for band in self.bands():
            top = self.view.mapFromScene(QPointF(0, band.rect.y)).y()
            bottom = self.view.mapFromScene(QPointF(0, band.rect.y + band.rect.height)).y()
            cell = QRectF(0, top, WIDTH - 1, bottom - top)
            painter.fillRect(cell, fill)
            painter.setPen(QPen(look.theme.lane_line, 1))
            painter.drawLine(cell.topLeft(), cell.topRight())
            painter.drawLine(cell.topRight(), cell.bottomRight())
            painter.setPen(look.theme.text)
            painter.setClipRect(cell)
            text = cell.adjusted(PADDING, 2, -PADDING, -2)
            flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
            painter.drawText(text, int(flags) | int(Qt.TextFlag.TextWordWrap), band.name)
            painter.setClipping(False)
        painter.end()
