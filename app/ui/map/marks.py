"""Editing affordances drawn over the map: the connect handle of the selected step and a
marker on each step with a problem (its reason as tooltip, its quick fixes on a click).

These items belong to the page, not to the scene's diff of the layout: the page places them
again after every update.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.analysis.problems import Problem
from app.analysis.structure import map_structure
from app.analysis.validate import check_chain
from app.process.model import Process
from app.swimlane.geometry import Rect
from app.ui.map import menus
from app.ui.map.items import StepItem

if TYPE_CHECKING:
    from app.ui.map.page import MapPage

HANDLE_RADIUS = 7.0
MARK_RADIUS = 8.0
PROBLEM_RED = QColor("#c62828")
HANDLE_BLUE = QColor("#1565c0")


class ConnectHandle(QGraphicsItem):
    """A round handle on the right edge of the selected step: drag it onto another step to
    connect them (``dropped(source, scene point)`` decides what is there)."""

    def __init__(self, dropped: Callable[[str, QPointF], None]) -> None:
        super().__init__()
        self.dropped = dropped
        self.step_id = ""
        self.setZValue(30)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip("Drag onto another step to connect to it")
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self._line: QGraphicsLineItem | None = None

    def place(self, step_id: str, box: Rect) -> None:
        """Sit on the middle of the right edge of ``box``."""
        self.step_id = step_id
        self.setPos(box.x + box.width, box.y + box.height / 2)

    def boundingRect(self) -> QRectF:
        r = HANDLE_RADIUS + 1
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(
        self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("white"), 2))
        painter.setBrush(QBrush(HANDLE_BLUE))
        painter.drawEllipse(QPointF(0, 0), HANDLE_RADIUS, HANDLE_RADIUS)
        painter.setPen(QPen(QColor("white"), 1.6))
        painter.drawLine(QPointF(-3, 0), QPointF(3, 0))
        painter.drawLine(QPointF(1, -2.5), QPointF(3, 0))
        painter.drawLine(QPointF(1, 2.5), QPointF(3, 0))

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene = self.scene()
        if scene is None:
            return
        self._line = QGraphicsLineItem(QLineF(self.pos(), event.scenePos()))
        self._line.setPen(QPen(HANDLE_BLUE, 2, Qt.PenStyle.DashLine))
        self._line.setZValue(29)
        scene.addItem(self._line)
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._line is not None:
            self._line.setLine(QLineF(self.pos(), event.scenePos()))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._line is not None and self._line.scene() is not None:
            self._line.scene().removeItem(self._line)
        self._line = None
        self.dropped(self.step_id, event.scenePos())


class ProblemMark(QGraphicsItem):
    """A red "!" on the top-left corner of a step with problems (the badges sit top-right);
    a click opens its fixes."""

    def __init__(self, step_id: str, problems: list[Problem], clicked: Callable[[str], None]):
        super().__init__()
        self.step_id = step_id
        self.problems = problems
        self.clicked = clicked
        self.setZValue(25)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("\n".join(problem.message for problem in problems))
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)

    def place(self, box: Rect) -> None:
        self.setPos(box.x + 2, box.y + 2)

    def boundingRect(self) -> QRectF:
        r = MARK_RADIUS + 1
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(
        self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None
    ) -> None:
        paint_round_mark(painter, self.boundingRect(), PROBLEM_RED, "!")

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.clicked(self.step_id)


def paint_round_mark(painter: QPainter, box: QRectF, colour: QColor, glyph: str) -> None:
    """A white-rimmed disc of ``colour`` with a bold white ``glyph``: a mark on a step."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("white"), 1.5))
    painter.setBrush(QBrush(colour))
    painter.drawEllipse(QPointF(0, 0), MARK_RADIUS, MARK_RADIUS)
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(12)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, glyph)


def problems_by_step(problems: tuple[Problem, ...]) -> dict[str, list[Problem]]:
    """Each step id with the problems that name it, in report order."""
    found: dict[str, list[Problem]] = {}
    for problem in problems:
        for step_id in problem.step_ids:
            found.setdefault(step_id, []).append(problem)
    return found


class MapAffordances:
    """Keeps the page's problem marks and connect handle in step with the map shown."""

    def __init__(self, page: MapPage) -> None:
        self.page = page
        self.problems: tuple[Problem, ...] = ()
        self.marks: dict[str, ProblemMark] = {}
        self.handle = ConnectHandle(self.handle_dropped)

    def show_problems(self, process: Process) -> None:
        """A mark on every step the map checks name, with the reasons and quick fixes."""
        scene = self.page.scene
        structure = map_structure(process)  # the walks the overlay's metrics just made
        self.problems = check_chain(
            structure.chain, search=structure.search, components=structure.components
        )
        found = problems_by_step(self.problems)
        for step_id in [s for s in self.marks if s not in found]:
            scene.removeItem(self.marks.pop(step_id))
        for step_id, problems in found.items():
            node = scene.model.geometry.find_node(step_id) if scene.model else None
            if node is None:
                continue
            mark = self.marks.get(step_id)
            if mark is None or mark.problems != problems:
                if mark is not None:
                    scene.removeItem(mark)
                mark = self.marks[step_id] = ProblemMark(step_id, problems, self.fix_menu)
                scene.addItem(mark)
            mark.place(node.rect)

    def fix_menu(self, step_id: str) -> None:
        """The step's menu, its problems and quick fixes first, under its mark."""
        page = self.page
        page.select_step(step_id)
        item = self.marks.get(step_id)
        if item is not None:
            where = page.view.mapToGlobal(page.view.mapFromScene(item.scenePos()))
            menus.step_menu(page, [step_id]).exec(where)

    def place_handle(self) -> None:
        """The connect handle on the one selected step (none on an end: it has no way out)."""
        scene, process = self.page.scene, self.page.process
        selected = scene.selected_step_ids()
        node = (
            scene.model.geometry.find_node(selected[0])
            if scene.model and len(selected) == 1
            else None
        )
        step = process.step_by_id().get(selected[0]) if node and process else None
        if node is None or step is None or step.kind == "end":
            if self.handle.scene() is not None:
                scene.removeItem(self.handle)
            return
        if self.handle.scene() is None:
            scene.addItem(self.handle)
        self.handle.place(node.step_id, node.rect)

    def handle_dropped(self, source: str, point: QPointF) -> None:
        """The handle was let go: connect to the step under it, if any."""
        for item in self.page.scene.items(point):
            if isinstance(item, StepItem) and item.step_id != source:
                self.page.editor.connect(source, item.step_id)
                return
