"""One question on screen: its prompt, the field to type in, its help and its error line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from app.interview import Question
from app.ui.date_field import DateField
from app.ui.line_edit import LineEdit


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


class CompletingLineEdit(LineEdit):
    """A line that completes what is typed from a list, in place and without a popup.

    The rest of the first matching choice is appended and selected, so typing on replaces it
    and Tab keeps it. An exact match wins over a longer one ("Finance" stays "Finance" even
    with "Finance team" in the list); deleting never completes. A popup would take the keys
    typed at full speed away from the field, so there is none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices: list[str] = []
        self.textEdited.connect(self._complete)
        self._typed_length = 0

    def set_choices(self, choices: list[str]) -> None:
        self.choices = list(choices)

    def _complete(self, text: str) -> None:
        grew = len(text) > self._typed_length
        self._typed_length = len(text)
        if not grew or not text.strip() or self.cursorPosition() != len(text):
            return
        match = completion(text, self.choices)
        if match and len(match) > len(text):
            self.setText(text + match[len(text) :])
            self.setSelection(len(text), len(match) - len(text))


def completion(typed: str, choices: list[str]) -> str:
    """The choice that completes ``typed``: an exact match first, else the first that starts
    with it (ignoring case); "" when none does."""
    folded = typed.casefold()
    exact = next((c for c in choices if c.casefold() == folded), "")
    return exact or next((c for c in choices if c.casefold().startswith(folded)), "")


TextField = LineEdit | LongTextEdit | DateField


def unsaved(field: QLineEdit | LongTextEdit | DateField) -> bool:
    """True when the user typed in ``field`` since it was last filled or saved."""
    if isinstance(field, LongTextEdit):
        return field.document().isModified()
    line = field.line if isinstance(field, DateField) else field
    return line.isModified()


def mark_saved(field: QLineEdit | LongTextEdit | DateField) -> None:
    """What ``field`` shows is saved: a reload may replace it again."""
    if isinstance(field, LongTextEdit):
        field.document().setModified(False)
    else:
        (field.line if isinstance(field, DateField) else field).setModified(False)


FIELD_PREFIX = "field_"  # object names of the fields the cursor is remembered in


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
        self.field.setObjectName(FIELD_PREFIX + question.id)
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
        """Show the stored answer, unless the user has typed a different one not saved yet
        (the cursor may already have left: a stage change moves it before the field saves)."""
        if (self.field.hasFocus() or unsaved(self.field)) and self.typed() != text:
            return
        mark_saved(self.field)
        if self.typed() == text:
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


class OneKeyCombo(QComboBox):
    """A choice answered with one key: the first letter of an entry picks it at once.

    QComboBox's own search joins letters typed within a moment ("r" then "y" looks for "ry"),
    so a fast typist's answer to the next step could find nothing.
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:
        letter = event.text().casefold()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if plain and len(letter) == 1 and letter.isalnum():
            index = next(
                (i for i in range(self.count()) if self.itemText(i).casefold().startswith(letter)),
                -1,
            )
            if index >= 0:
                self.setCurrentIndex(index)
                self.activated.emit(index)
            return
        super().keyPressEvent(event)
