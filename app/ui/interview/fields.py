"""One question on screen: its prompt, the field to type in, its help and its error line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from app.interview import Question
from app.ui.date_field import DateField


class LongTextEdit(QPlainTextEdit):
    """Multi-line text whose end of editing is announced like QLineEdit.editingFinished.

    Tab moves on (it does not type a tab), so the form can be filled from the keyboard.
    """

    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        if self.toPlainText() != text:
            self.setPlainText(text)


class LineEdit(QLineEdit):
    """A line where Enter accepts the answer and moves to the next field."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        accept = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        super().keyPressEvent(event)
        if accept and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.focusNextChild()


TextField = LineEdit | LongTextEdit | DateField


class QuestionRow(QWidget):
    """The prompt as a label, the field, the help in a quieter line, and an error line."""

    answered = Signal(str, str)  # question id, the text as typed

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.prompt = QLabel(question.prompt, self)
        self.prompt.setWordWrap(True)
        font = self.prompt.font()
        font.setBold(True)
        self.prompt.setFont(font)
        self.field: TextField = _field_for(question, self)
        self.field.setAccessibleName(question.prompt)
        self.prompt.setBuddy(self.field)
        if question.help:
            self.field.setToolTip(question.help)
        self.help = QLabel(question.help, self)
        self.help.setWordWrap(True)
        self.help.setEnabled(False)  # drawn in the palette's quieter text colour
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(3)
        for widget in (self.prompt, self.field, self.help, self.error):
            layout.addWidget(widget)
        self.help.setVisible(bool(question.help))
        finished = (
            self.field.editingFinished
            if isinstance(self.field, LineEdit)
            else self.field.editing_finished
        )
        finished.connect(lambda: self.answered.emit(question.id, self.typed()))

    def typed(self) -> str:
        """The answer as typed; a date the field understood is passed on as ISO."""
        if isinstance(self.field, DateField):
            day = self.field.valid_date()
            return day.isoformat() if day else self.field.text()
        return self.field.text()

    def show_answer(self, text: str) -> None:
        """Show the stored answer, unless the user is typing a different one right now."""
        if self.field.hasFocus() and self.typed() != text:
            return
        if isinstance(self.field, DateField):
            self.field.set_date(dt.date.fromisoformat(text) if text else None)
        else:
            self.field.setText(text)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


def _field_for(question: Question, parent: QWidget) -> TextField:
    if question.input == "longtext":
        return LongTextEdit(parent)
    if question.input == "date":
        return DateField(parent, past=True)
    return LineEdit(parent)
