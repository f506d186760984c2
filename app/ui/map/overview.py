"""The overview of a big map: a small picture of the whole map with the visible part framed;
clicking or dragging in it moves the main view there.

It sits beside the map (under the step list), never on top of it, and takes the width it is
given; its height follows the map's proportions up to ``MAX_HEIGHT``.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui.map.view import MapView

MIN_WIDTH = 100
MAX_HEIGHT = 160
MIN_HEIGHT = 32


class Overview(QWidget):
    """A minimap of ``view``'s scene; the picture is redrawn only after the map changes."""

    def __init__(self, view: MapView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setAccessibleName("Map overview")
        self.setToolTip("Overview: click or drag to move around the map")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._image = QImage()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.redraw)
        view.map_scene.changed.connect(lambda _regions: self._timer.start())
        view.horizontalScrollBar().valueChanged.connect(self.update)
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.zoom_changed.connect(lambda _zoom: self.update())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(MIN_WIDTH)
        self.setFixedHeight(80)

    def _scale(self) -> tuple[float, float]:
        """Scene → overview, across and down; a very long map is stretched to ``MIN_HEIGHT``
        so its picture and frame stay big enough to see and to click."""
        rect = self.view.map_scene.sceneRect()
        if rect.isEmpty():
            return 1.0, 1.0
        across = min(
            (max(self.width(), MIN_WIDTH) - 2) / rect.width(), (MAX_HEIGHT - 2) / rect.height()
        )
        return across, max(across, (MIN_HEIGHT - 2) / rect.height())

    def redraw(self) -> None:
        """Paint the whole map into the cached picture."""
        rect = self.view.map_scene.sceneRect()
        across, down = self._scale()
        width, height = max(1, round(rect.width() * across)), max(1, round(rect.height() * down))
        self.setFixedHeight(height + 2)
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(self.view.map_scene.look.theme.background)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.map_scene.render(painter, QRectF(image.rect()), rect)
        painter.end()
        self._image = image
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.size().width() != event.oldSize().width():
            self._timer.start()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        theme = self.view.map_scene.look.theme
        painter.fillRect(self.rect(), theme.background)
        painter.drawImage(1, 1, self._image)
        visible = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        origin = self.view.map_scene.sceneRect().topLeft()
        across, down = self._scale()
        frame = QRectF(
            1 + (visible.x() - origin.x()) * across,
            1 + (visible.y() - origin.y()) * down,
            visible.width() * across,
            visible.height() * down,
        ).intersected(QRectF(self.rect()).adjusted(0, 0, -1, -1))
        fill = QColor(theme.selection)
        fill.setAlpha(40)
        painter.setPen(QPen(theme.selection, 1.5))
        painter.setBrush(fill)
        painter.drawRect(frame)
        painter.setPen(QPen(theme.lane_line, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._move_to(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._move_to(event.position())

    def _move_to(self, point: QPointF) -> None:
        origin = self.view.map_scene.sceneRect().topLeft()
        across, down = self._scale()
        self.view.centerOn(
            QPointF(origin.x() + (point.x() - 1) / across, origin.y() + (point.y() - 1) / down)
        )
