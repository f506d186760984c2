"""Renaming a step in place on the map (F2): a line edit over its box, saved when left."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsView, QLineEdit

from app.swimlane.geometry import Rect


class InPlaceRename(QLineEdit):
    """Edits one step's name over its box: Enter or leaving saves, Escape puts it back."""

    def __init__(self, view: QGraphicsView, save: Callable[[str, str], object]) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.save = save
        self.step_id = ""
        self.setAccessibleName("Step name")
        self.hide()
        self.editingFinished.connect(self._finish)
        self.installEventFilter(self)

    def start(self, step_id: str, name: str, box: Rect) -> None:
        """Show over ``box`` with the whole name selected."""
        self.step_id = step_id
        top_left = self.view.mapFromScene(box.x, box.y)
        bottom_right = self.view.mapFromScene(box.x + box.width, box.bottom)
        width = max(bottom_right.x() - top_left.x(), 160)
        height = self.sizeHint().height()
        centre_x = (top_left.x() + bottom_right.x()) // 2
        middle = (top_left.y() + bottom_right.y()) // 2
        self.setGeometry(centre_x - width // 2, middle - height // 2, width, height)
        self.setText(name)
        self.selectAll()
        self.show()
        self.setFocus()

    def _finish(self) -> None:
        if not self.isVisible() or not self.step_id:
            return
        step_id, self.step_id = self.step_id, ""
        self.hide()
        self.view.setFocus()
        self.save(step_id, self.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        if event.key() == Qt.Key.Key_Escape:
            self.step_id = ""
            self.hide()
            self.view.setFocus()
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Consumed here: a line edit passes Return on, and the map would open the editor.
            self._finish()
            return True
        return False
