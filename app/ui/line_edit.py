"""The one-line field of the app's forms: Enter accepts the answer and moves on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit


class LineEdit(QLineEdit):
    """A line where Enter accepts the answer and moves to the next field."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        accept = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        super().keyPressEvent(event)
        plain = not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if accept and plain and self.hasFocus():  # Enter may have moved the cursor already
            self.focusNextChild()
