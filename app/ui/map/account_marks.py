"""Where accounts differ, drawn on the map: an amber mark at the top-left corner of each
step two interviewees told differently, who said what in its tooltip (the Accounts tab)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from app.accounts.review import map_differences
from app.process.model import Process
from app.swimlane.geometry import Rect
from app.ui.map.marks import MARK_RADIUS, paint_round_mark

if TYPE_CHECKING:
    from app.ui.map.page import MapPage

DIFFER_AMBER = QColor("#b26a00")
DIFFER_MEANING = "Accounts differ here (Accounts tab)"
MAX_TOOLTIP_LINES = 8


class AccountMark(QGraphicsItem):
    """An amber "≠" on a step the accounts disagree about."""

    def __init__(self, step_id: str, details: list[str]) -> None:
        super().__init__()
        self.step_id = step_id
        self.details = details
        self.setZValue(25)
        lines = details[:MAX_TOOLTIP_LINES]
        more = len(details) - len(lines)
        tail = [f"…and {more} more (Accounts tab)"] if more > 0 else []
        self.setToolTip("The accounts differ:\n" + "\n".join([*lines, *tail]))

    def place(self, box: Rect) -> None:
        """Top-left, beside the problem mark: the bottom is the evidence card's, the top
        right the badges'."""
        self.setPos(box.x + 2 + 2 * MARK_RADIUS + 3, box.y + 2)

    def boundingRect(self) -> QRectF:
        r = MARK_RADIUS + 1
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(
        self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None
    ) -> None:
        paint_differ(painter, QPointF(0, 0))


def paint_differ(painter: QPainter, centre: QPointF) -> None:
    """The mark, centred on ``centre`` (the map's marks and the legend's swatch)."""
    painter.save()
    painter.translate(centre)
    r = MARK_RADIUS + 1
    paint_round_mark(painter, QRectF(-r, -r, 2 * r, 2 * r), DIFFER_AMBER, "≠")
    painter.restore()


class AccountMarks:
    """Keeps one mark on each step where accounts differ, in step with the map shown."""

    def __init__(self, page: MapPage) -> None:
        self.page = page
        self.scene = page.scene
        self.marks: dict[str, AccountMark] = {}

    def show(self, process: Process | None) -> None:
        """Mark the steps of ``process`` the accounts differ about (none for another map)."""
        found = map_differences(process) if process is not None else {}
        model = getattr(self.scene, "model", None)
        for step_id in [s for s in self.marks if s not in found]:
            self.scene.removeItem(self.marks.pop(step_id))
        for step_id, details in found.items():
            node = model.geometry.find_node(step_id) if model is not None else None
            if node is None:
                continue
            mark = self.marks.get(step_id)
            if mark is None or mark.details != details:
                if mark is not None:
                    self.scene.removeItem(mark)
                mark = self.marks[step_id] = AccountMark(step_id, details)
                self.scene.addItem(mark)
            mark.place(node.rect)
        if self.page.look.accounts_differ != bool(self.marks):  # the legend says what ≠ is
            self.page.look.accounts_differ = bool(self.marks)
            self.page.legend.refresh()
