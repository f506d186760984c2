"""The map's graphics items: lane bands, step shapes and routed edges.

Each item keeps the geometry value it was built from, so the scene can compare the next
layout's value with it and touch only the items that changed.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.swimlane.geometry import EdgePath, LaneBand, NodeBox, Point, Rect
from app.ui.map.badges import paint_badges, paint_share
from app.ui.map.look import Look, mix
from app.ui.map.overlay import StepDecor

CORNER = 6.0
ARROW_LENGTH = 8.0
ARROW_HALF_WIDTH = 4.0
BEND_RADIUS = 4.0
DRAG_THRESHOLD = 4.0
LABEL_PADDING = 6.0
CENTRED = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter


def qrect(rect: Rect, dx: float = 0.0, dy: float = 0.0) -> QRectF:
    """A geometry rectangle as a QRectF, shifted by (dx, dy)."""
    return QRectF(rect.x + dx, rect.y + dy, rect.width, rect.height)


def paint_lines(painter: QPainter, lines: tuple[str, ...], box: QRectF, line_height: float) -> None:
    """Lines centred as a block in ``box``, each centred horizontally."""
    top = box.y() + (box.height() - len(lines) * line_height) / 2
    for index, line in enumerate(lines):
        row = QRectF(box.x(), top + index * line_height, box.width(), line_height)
        painter.drawText(row, CENTRED, line)


class LaneItem(QGraphicsItem):
    """One lane: a band across the map with its name in a cell at the left."""

    def __init__(self, look: Look, band: LaneBand, index: int) -> None:
        super().__init__()
        self.look = look
        self.setZValue(-10)
        self.band = band
        self.index = index
        self._rect = qrect(band.rect)

    def set_band(self, band: LaneBand, index: int) -> None:
        if band.rect != self.band.rect:
            self.prepareGeometryChange()
            self._rect = qrect(band.rect)
        self.band, self.index = band, index
        self.update()

    @property
    def lane_id(self) -> str:
        return self.band.lane_id

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        theme = self.look.theme
        painter.fillRect(self._rect, theme.lane_fills[self.index % 2])
        cell = qrect(self.band.label_rect)
        painter.fillRect(cell, theme.label_fill)
        pen = QPen(theme.lane_line, 1.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawLine(self._rect.topLeft(), self._rect.topRight())
        painter.drawLine(self._rect.bottomLeft(), self._rect.bottomRight())
        painter.drawLine(cell.topRight(), cell.bottomRight())
        painter.setPen(theme.text)
        painter.setFont(self.look.lane_font)
        text = cell.adjusted(LABEL_PADDING, 0, -LABEL_PADDING, 0)
        top = text.y() + (text.height() - len(self.band.lines) * self.look.line_height) / 2
        for index, line in enumerate(self.band.lines):
            row = QRectF(text.x(), top + index * self.look.line_height, text.width(), 0)
            row.setHeight(self.look.line_height)
            painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        scene = self.scene()
        if scene is not None and hasattr(scene, "lane_menu_requested"):
            scene.lane_menu_requested.emit(self.lane_id, event.screenPos())
            event.accept()


class StepItem(QGraphicsItem):
    """One step: circle (start/end), diamond (decision) or rounded box, with its badges.

    It can be dragged up or down only; dropping it on another lane asks the scene to move it.
    """

    def __init__(self, look: Look, node: NodeBox, decor: StepDecor) -> None:
        super().__init__()
        self.look = look
        flags = QGraphicsItem.GraphicsItemFlag
        self.setFlags(flags.ItemIsSelectable | flags.ItemIsMovable)
        self.setZValue(10)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._dragging = False
        self._press_y = 0.0
        self._grab_y = 0.0
        self.node = node
        self.decor = decor
        self._apply_geometry()

    @property
    def step_id(self) -> str:
        return self.node.step_id

    def set_node(self, node: NodeBox, decor: StepDecor) -> None:
        """Show a new geometry and decor for the same step; a step that only moved (an insert
        shifts everything after it) is moved, not rebuilt."""
        geometry_changed = node.rect != self.node.rect or node.text_rect != self.node.text_rect
        moved_only = geometry_changed and _same_shape(self.node, node)
        self.node, self.decor = node, decor
        if moved_only:
            self.setPos(node.rect.x, node.rect.y)
        elif geometry_changed:
            self.prepareGeometryChange()
            self._apply_geometry()
        self.update()

    def _apply_geometry(self) -> None:
        rect = self.node.rect
        self._box = QRectF(0, 0, rect.width, rect.height)
        text = self.node.text_rect or rect
        self._text = qrect(text, -rect.x, -rect.y)
        self._outline = _shape_path(self.node.shape, self._box)
        hit = QPainterPath(self._outline)
        if self.node.shape == "circle":
            hit.addRect(self._text)
        self._hit = hit
        self._bounds = self._box.united(self._text).adjusted(-12, -12, 12, 12)
        self.setPos(rect.x, rect.y)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._hit

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        theme, look = self.look.theme, self.look
        fill = theme.terminal_fill if self.node.shape == "circle" else theme.box_fill
        if look.heat and self.decor.heat >= 0.02:
            fill = mix(fill, theme.heat, 0.08 + 0.4 * self.decor.heat)
        width = 2.6 if self.node.kind == "end" else 1.2
        pen = QPen(theme.box_line, width)
        if self.isSelected():
            pen = QPen(theme.selection, 3.0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(QBrush(fill))
        painter.drawPath(self._outline)
        if option.levelOfDetailFromTransform(painter.worldTransform()) < 0.3:
            return
        painter.setFont(look.font)
        painter.setPen(theme.text)
        paint_lines(painter, self.node.lines, self._text, look.line_height)
        badges = (
            self.decor.badges
            if look.badges
            else tuple(b for b in self.decor.badges if b == "approval")
        )
        paint_badges(painter, look, badges, QPointF(self._box.right() + 4, self._box.top()))
        if look.share and self.decor.share >= 0.005:
            paint_share(painter, look, self.decor.share, QPointF(0, self._box.bottom()))

    # Dragging to another lane: vertical only, resolved on release.

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press_y = self.pos().y()
        self._grab_y = event.scenePos().y()
        self._dragging = event.button() == Qt.MouseButton.LeftButton
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self._dragging:
            super().mouseMoveEvent(event)
            return
        self.setPos(self.node.rect.x, self._press_y + event.scenePos().y() - self._grab_y)
        event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        moved = abs(self.pos().y() - self._press_y) > DRAG_THRESHOLD
        self._dragging = False
        centre_y = self.pos().y() + self.node.rect.height / 2
        self.setPos(self.node.rect.x, self.node.rect.y)
        scene = self.scene()
        if moved and scene is not None and hasattr(scene, "drop_step"):
            scene.drop_step(self.step_id, centre_y)


class EdgeItem(QGraphicsItem):
    """One flow: an orthogonal line with rounded bends, an arrow head and its label.

    Rework (back) edges are dashed, so they read as "sent back" in greyscale too.
    """

    def __init__(self, look: Look, edge: EdgePath) -> None:
        super().__init__()
        self.look = look
        self.setZValue(0)
        self.edge = edge
        self._built_from = edge
        self._build()

    def set_edge(self, edge: EdgePath) -> None:
        """Show a new path; one that is the built path moved as a whole is only moved."""
        shift = edge_shift(self._built_from, edge)
        self.edge = edge
        if shift is not None:
            self.setPos(*shift)
        else:
            self.prepareGeometryChange()
            self._built_from = edge
            self._build()
            self.setPos(0.0, 0.0)
        self.update()

    def _build(self) -> None:
        self._path = QPainterPath()
        self._arrows: list[QPolygonF] = []
        bounds = QRectF()
        for piece in self.edge.pieces:
            points = [QPointF(p.x, p.y) for p in piece]
            arrow = _arrow_head(piece)
            if len(points) >= 2:
                points[-1] = _pull_back(piece[-2], piece[-1], ARROW_LENGTH - 1)
            line = _rounded_polyline(points, BEND_RADIUS)
            self._path.addPath(line)
            self._arrows.append(arrow)
            bounds = bounds.united(line.boundingRect()).united(arrow.boundingRect())
        self._label = qrect(self.edge.label_rect) if self.edge.label_rect else None
        if self._label is not None:
            bounds = bounds.united(self._label)
        self._bounds = bounds.adjusted(-3, -3, 3, 3)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # edges never take clicks from the steps and lanes below

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        theme = self.look.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(theme.edge, 1.3)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if self.edge.is_back_edge:
            pen.setDashPattern([4.0, 3.0])
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.edge)
        for arrow in self._arrows:
            painter.drawPolygon(arrow)
        if self._label is not None and self.edge.label_lines:
            if option.levelOfDetailFromTransform(painter.worldTransform()) < 0.3:
                return
            painter.setFont(self.look.font)
            painter.setPen(theme.muted)
            paint_lines(painter, self.edge.label_lines, self._label, self.look.line_height)


def _same_shape(old: NodeBox, new: NodeBox) -> bool:
    """Whether ``new`` is ``old`` moved: same shape, size and text box within it."""
    if old.shape != new.shape or (old.rect.width, old.rect.height) != (
        new.rect.width,
        new.rect.height,
    ):
        return False
    if old.text_rect is None or new.text_rect is None:
        return old.text_rect is new.text_rect
    before = (old.text_rect.x - old.rect.x, old.text_rect.y - old.rect.y)
    after = (new.text_rect.x - new.rect.x, new.text_rect.y - new.rect.y)
    size = (old.text_rect.width, old.text_rect.height) == (
        new.text_rect.width,
        new.text_rect.height,
    )
    return size and before == after


def edge_shift(old: EdgePath, new: EdgePath) -> tuple[float, float] | None:
    """(dx, dy) when ``new`` is the path ``old`` moved as a whole, else None."""
    if len(old.points) != len(new.points) or not old.points:
        return None
    dx, dy = new.points[0].x - old.points[0].x, new.points[0].y - old.points[0].y
    for a, b in zip(old.points, new.points, strict=True):
        if abs(b.x - a.x - dx) > 1e-9 or abs(b.y - a.y - dy) > 1e-9:
            return None
    if (old.label_rect is None) != (new.label_rect is None):
        return None
    if old.label_rect is not None and new.label_rect is not None:
        was, now = old.label_rect, new.label_rect
        if (was.width, was.height) != (now.width, now.height):
            return None
        if abs(now.x - was.x - dx) > 1e-9 or abs(now.y - was.y - dy) > 1e-9:
            return None
    return dx, dy


def _shape_path(shape: str, box: QRectF) -> QPainterPath:
    path = QPainterPath()
    if shape == "circle":
        path.addEllipse(box)
    elif shape == "diamond":
        c = box.center()
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(c.x(), box.top()),
                    QPointF(box.right(), c.y()),
                    QPointF(c.x(), box.bottom()),
                    QPointF(box.left(), c.y()),
                    QPointF(c.x(), box.top()),
                ]
            )
        )
    else:
        path.addRoundedRect(box, CORNER, CORNER)
    return path


def _pull_back(before: Point, end: Point, distance: float) -> QPointF:
    """``end`` moved ``distance`` back towards ``before`` (where the arrow head starts)."""
    dx, dy = end.x - before.x, end.y - before.y
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    step = min(distance, length) / length
    return QPointF(end.x - dx * step, end.y - dy * step)


def _arrow_head(points: tuple[Point, ...]) -> QPolygonF:
    if len(points) < 2:
        return QPolygonF()
    before, tip = points[-2], points[-1]
    dx, dy = tip.x - before.x, tip.y - before.y
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / length, dy / length
    base = QPointF(tip.x - ux * ARROW_LENGTH, tip.y - uy * ARROW_LENGTH)
    nx, ny = -uy * ARROW_HALF_WIDTH, ux * ARROW_HALF_WIDTH
    return QPolygonF(
        [
            QPointF(tip.x, tip.y),
            QPointF(base.x() + nx, base.y() + ny),
            QPointF(base.x() - nx, base.y() - ny),
        ]
    )


def _rounded_polyline(points: list[QPointF], radius: float) -> QPainterPath:
    """A polyline whose bends are rounded with quadratic curves of at most ``radius``."""
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(points[0])
    for index in range(1, len(points) - 1):
        before, corner, after = points[index - 1], points[index], points[index + 1]
        into = _towards(corner, before, radius)
        out = _towards(corner, after, radius)
        path.lineTo(into)
        path.quadTo(corner, out)
    if len(points) > 1:
        path.lineTo(points[-1])
    return path


def _towards(origin: QPointF, target: QPointF, distance: float) -> QPointF:
    dx, dy = target.x() - origin.x(), target.y() - origin.y()
    length = (dx * dx + dy * dy) ** 0.5
    if length == 0:
        return QPointF(origin)
    step = min(distance, length / 2) / length
    return QPointF(origin.x() + dx * step, origin.y() + dy * step)
