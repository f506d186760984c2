"""How the map answers the mouse and keys beyond drawing: context menus on steps, flows and
lanes; a rubber band (Shift- or Ctrl-drag on empty space); Shift+arrows to add the next step
to the selection; dragging a lane's name to reorder the lanes.

One event filter on the view and its viewport, so the view's own behaviour stays as it is.
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QGraphicsView, QMenu

from app.swimlane.geometry import MapGeometry, Point
from app.ui.map import menus
from app.ui.map.items import StepItem

if TYPE_CHECKING:
    from app.ui.map.page import MapPage

ARROW_KEYS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
FLOW_REACH_PIXELS = 6.0  # how near a right-click must be to a flow's line, on screen
BAND_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier


def flow_at(geometry: MapGeometry, x: float, y: float, reach: float) -> int | None:
    """The index of the flow whose drawn line passes within ``reach`` of (x, y), the nearest."""
    best: tuple[float, int] | None = None
    for edge in geometry.edges:
        for a, b in itertools.pairwise(edge.points):
            distance = _distance_to_segment(x, y, a, b)
            if distance <= reach and (best is None or distance < best[0]):
                best = (distance, edge.flow_index)
    return best[1] if best else None


def _distance_to_segment(x: float, y: float, a: Point, b: Point) -> float:
    dx, dy = b.x - a.x, b.y - a.y
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - a.x) * dx + (y - a.y) * dy) / length))
    return math.hypot(x - (a.x + t * dx), y - (a.y + t * dy))


class MapInteraction(QObject):
    """The event filter that gives the map its editing gestures."""

    def __init__(self, page: MapPage) -> None:
        super().__init__(page)
        self.page = page
        self.view = page.view
        self._lane_drag: str | None = None
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        page.steps.installEventFilter(self)
        page.steps.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        page.steps.customContextMenuRequested.connect(self._list_menu)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in (self.view, self.page.steps) and isinstance(event, QKeyEvent):
            return self._key_event(event)
        if watched is not self.view.viewport():
            return False
        if isinstance(event, QContextMenuEvent):
            menu = self.menu_at(event.pos())
            if menu is not None:
                menu.exec(event.globalPos())
            return True
        if isinstance(event, QMouseEvent):
            return self._mouse(event)
        return False

    # Menus

    def menu_at(self, pos: QPoint) -> QMenu | None:
        """The context menu for what is under ``pos`` (viewport coordinates)."""
        page = self.page
        for item in self.view.items(pos):
            if isinstance(item, StepItem):
                if item.step_id not in page.scene.selected_step_ids():
                    page.scene.select_step(item.step_id)
                return menus.step_menu(page, page.scene.selected_step_ids())
        point = self.view.mapToScene(pos)
        reach = FLOW_REACH_PIXELS / max(self.view.zoom(), 0.01)
        model = page.scene.model
        flow = flow_at(model.geometry, point.x(), point.y(), reach) if model else None
        if flow is not None:
            return menus.flow_menu(page, flow)
        lane = page.scene.lane_at(point.y())
        return menus.lane_menu(page, lane) if lane is not None else None

    def _list_menu(self, pos: QPoint) -> None:
        """The step list's right-click: the same menu as on the map, for the selected steps."""
        if self.page.selected:
            menus.step_menu(self.page, self.page.selected).exec(
                self.page.steps.viewport().mapToGlobal(pos)
            )

    # Keys

    def _key_event(self, event: QKeyEvent) -> bool:
        """Delete is taken before the window's shortcuts see it (the window's Edit menu has a
        Delete of its own for the process list, which would make the key ambiguous)."""
        deleting = event.key() == Qt.Key.Key_Delete and not event.modifiers()
        if event.type() == QEvent.Type.ShortcutOverride and deleting and self.page.selected:
            event.accept()
            return True
        if event.type() != QEvent.Type.KeyPress:
            return False
        if deleting and self.page.selected:
            self.page.editor.delete(self.page.selected)
            return True
        return self._key(event)

    def _key(self, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        if key in ARROW_KEYS and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
            self.extend_selection(*ARROW_KEYS[key])
            return True
        return False

    def extend_selection(self, dx: int, dy: int) -> None:
        """Add the nearest step in a direction to the selection."""
        scene = self.page.scene
        kept = scene.selected_step_ids()
        self.view.move_selection(dx, dy)
        for step_id in kept:
            item = scene.steps.get(step_id)
            if item is not None:
                item.setSelected(True)

    # Mouse

    def _mouse(self, event: QMouseEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            return self._press(event)
        if kind == QEvent.Type.MouseButtonRelease:
            return self._release(event)
        return False

    def _press(self, event: QMouseEvent) -> bool:
        pos = event.position().toPoint()
        over_item = any(isinstance(i, StepItem) for i in self.view.items(pos))
        if over_item:
            return False
        if event.modifiers() & BAND_MODIFIERS:
            self.view.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            return False
        self._lane_drag = self._lane_header_at(pos)
        return False

    def _release(self, event: QMouseEvent) -> bool:
        if self.view.dragMode() == QGraphicsView.DragMode.RubberBandDrag:
            # After the view has finished the band: in hand-drag mode a release on empty space
            # would clear the selection the band just made.
            QTimer.singleShot(0, self._end_band)
        dragged, self._lane_drag = self._lane_drag, None
        if dragged is None:
            return False
        lane = self.page.scene.lane_at(self.view.mapToScene(event.position().toPoint()).y())
        if lane is not None and lane != dragged and self.page.process is not None:
            order = [ln.id for ln in self.page.process.lanes]
            self.page.editor.move_lane_to(dragged, order.index(lane))
        return False

    def _end_band(self) -> None:
        self.view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)

    def _lane_header_at(self, pos: QPoint) -> str | None:
        model = self.page.scene.model
        if model is None:
            return None
        point = self.view.mapToScene(pos)
        for band in model.geometry.lanes:
            box = band.label_rect
            if box.x <= point.x() <= box.x + box.width and box.y <= point.y() <= box.bottom:
                return band.lane_id
        return None
