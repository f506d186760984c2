"""The map view: zoom (Ctrl+wheel, pinch, keys), pan (drag, scrollbars, Space+drag), fit,
and keyboard moves between steps (arrows, Tab) with Enter to edit.

A map opens fitted to the width of the view but never below ``LEGIBLE_ZOOM`` (the map's
11 px text stays at 8 px or more): a long map scrolls instead of shrinking into a smudge.
The lane names stay pinned at the left while the map scrolls sideways (``LanePins``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QNativeGestureEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGestureEvent, QGraphicsView, QLabel, QPinchGesture, QWidget

from app.ui.map.scene import MapScene

MIN_ZOOM = 0.05
MAX_ZOOM = 4.0
ZOOM_STEP = 1.2
LEGIBLE_ZOOM = 0.75
ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


class MapView(QGraphicsView):
    """Shows a ``MapScene``; emits ``edit_requested`` when Enter is pressed on a step."""

    edit_requested = Signal(str)
    zoom_changed = Signal(float)

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.map_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Swimlane map")
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._space_held = False
        from app.ui.map.lane_pins import LanePins

        self.lane_pins = LanePins(self)

    # Zoom

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        """Scale the view by ``factor``, kept within the zoom limits."""
        target = min(max(self.zoom() * factor, MIN_ZOOM), MAX_ZOOM)
        factor = target / self.zoom()
        if abs(factor - 1) > 1e-9:
            self.scale(factor, factor)
            self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self._zoom_about_centre(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_about_centre(1 / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self._zoom_about_centre(1 / self.zoom())

    def _zoom_about_centre(self, factor: float) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.zoom_by(factor)
        self.setTransformationAnchor(anchor)

    def fit(self) -> None:
        """Show the whole map, never enlarged past 100 % (small text for a big map)."""
        rect: QRectF = self.map_scene.sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.resetTransform()
        self.zoom_changed.emit(self.zoom())

    def fit_width(self) -> None:
        """Fit the map's width, never below the legible zoom nor past 100 %; scroll for the
        rest. The view starts at the map's top left."""
        rect: QRectF = self.map_scene.sceneRect()
        viewport = self.viewport().rect()
        if rect.isEmpty() or viewport.isEmpty():
            return
        zoom = legible_fit(viewport.width(), rect.width())
        self.resetTransform()
        self.scale(zoom, zoom)
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        self.zoom_changed.emit(self.zoom())

    def show_start(self) -> None:
        """The first look at a map: fitted to the width, legible, from its top left."""
        self.fit_width()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.zoom_by(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QNativeGestureEvent) and (
            event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom_by(1 + event.value())
            return True
        if isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self.zoom_by(pinch.scaleFactor())
                return True
        return super().viewportEvent(event)

    # Keyboard

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self._tab_to_step(
                -1 if key == Qt.Key.Key_Backtab else 1
            ):
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in ARROWS and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.move_selection(*ARROWS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            selected = self.map_scene.selected_step_ids()
            if selected:
                self.edit_requested.emit(selected[0])
        elif key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self.setInteractive(False)
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space_held:
            self._space_held = False
            self.setInteractive(True)
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    def _order(self) -> list[str]:
        model = self.map_scene.model
        return [node.step_id for node in model.geometry.nodes] if model else []

    def _tab_to_step(self, offset: int) -> bool:
        """Select the next/previous step in reading order; False at either end."""
        order = self._order()
        selected = self.map_scene.selected_step_ids()
        if not order:
            return False
        index = order.index(selected[0]) + offset if selected else (0 if offset > 0 else -1)
        if not -len(order) <= index < len(order) or (selected and index < 0):
            return False
        self.select_and_show(order[index])
        return True

    def move_selection(self, dx: int, dy: int) -> None:
        """Select the nearest step in a direction (arrow keys); the first step when none is."""
        model = self.map_scene.model
        if model is None or not model.geometry.nodes:
            return
        selected = self.map_scene.selected_step_ids()
        if not selected:
            self.select_and_show(model.geometry.nodes[0].step_id)
            return
        here = model.geometry.node(selected[0]).rect.center
        best: tuple[float, str] | None = None
        for node in model.geometry.nodes:
            c = node.rect.center
            ahead = (c.x - here.x) * dx + (c.y - here.y) * dy
            if ahead <= 1:
                continue
            across = abs((c.y - here.y) * dx) + abs((c.x - here.x) * dy)
            score = ahead + 2 * across
            if best is None or score < best[0]:
                best = (score, node.step_id)
        if best is not None:
            self.select_and_show(best[1])

    def select_and_show(self, step_id: str) -> None:
        item = self.map_scene.select_step(step_id)
        if item is not None:
            self.ensureVisible(item, 48, 48)

    def centre_on_point(self, point: QPointF) -> None:
        self.centerOn(point)


def legible_fit(available: float, width: float) -> float:
    """The zoom that fits ``width`` into ``available`` pixels, kept legible and at most 1."""
    if width <= 0:
        return 1.0
    return min(max(available / width, LEGIBLE_ZOOM), 1.0)


def zoom_text(zoom: float) -> str:
    """The zoom read-out: “85 %”."""
    return f"{round(zoom * 100)} %"


class ZoomReadout(QLabel):
    """The zoom of a view as text, kept current (a read-out, not a button)."""

    def __init__(self, view: MapView, parent: QWidget | None = None) -> None:
        super().__init__(zoom_text(view.zoom()), parent)
        self.setAccessibleName("Zoom")
        self.setToolTip("Zoom of the map (Ctrl+wheel or Ctrl +/- to change it)")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("400 %") + 16)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        view.zoom_changed.connect(lambda zoom: self.setText(zoom_text(zoom)))
