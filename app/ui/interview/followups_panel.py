"""The follow-up questions of the step just added, each with its answer field, and for a rule
with a one-key choice (what a wait is for) a row answered by pressing one key."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.interview import FollowUp, answer_followup, choose_answer
from app.interview.choices import FollowUpChoice
from app.process.model import Process
from app.ui.interview.fields import LongTextEdit


class FollowUpsPanel(QGroupBox):
    """The follow-up questions of the step just added, each with its answer field."""

    answered = Signal(object, str)  # the next snapshot, the undo text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Ask about the step you just added", parent)
        self.layout_ = QVBoxLayout(self)
        self.process = Process(name="")
        self.step_id = ""
        self.hide()

    def show_followups(
        self, process: Process, step_id: str, followups: tuple[FollowUp, ...]
    ) -> None:
        self.process, self.step_id = process, step_id
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        for followup in followups:
            self._add(followup)
        self.setVisible(bool(followups))

    def _add(self, followup: FollowUp) -> None:
        reason = QLabel(f"Because {followup.reason}:", self)
        reason.setWordWrap(True)
        reason.setTextFormat(Qt.TextFormat.PlainText)
        questions = QLabel("\n".join(f"• {q}" for q in followup.questions), self)
        questions.setWordWrap(True)
        questions.setTextFormat(Qt.TextFormat.PlainText)
        answer = LongTextEdit(self)
        answer.setAccessibleName(f"Answer: {followup.questions[0] if followup.questions else ''}")
        answer.setText(followup.answer)
        answer.editing_finished.connect(lambda: self._answer(followup, answer.text()))
        for widget in (reason, questions, answer):
            self.layout_.addWidget(widget)
        if followup.choice is not None:
            keys = OneKeyChoice(followup.choice, followup.chosen, self)
            keys.chosen.connect(lambda key: self._choose(followup, key))
            self.layout_.addWidget(keys)

    def _choose(self, followup: FollowUp, key: str) -> None:
        updated = choose_answer(self.process, followup, key)
        if updated != self.process:
            self.answered.emit(updated, "Say what a wait is for")

    def _answer(self, followup: FollowUp, text: str) -> None:
        if text == followup.answer:
            return
        updated = answer_followup(self.process, followup.step_id, followup.rule_id, text)
        self.answered.emit(updated, "Answer a follow-up question")

    def follow(self, process: Process, *, another: bool) -> None:
        """Keep answering on the latest snapshot; hide when the step is gone (an undo, a
        delete) or another process is shown, so only the open process is ever asked about."""
        self.process = process
        if another or self.step_id not in process.step_by_id():
            self.show_followups(process, "", ())


class OneKeyChoice(QFrame):
    """A follow-up's options, each picked by pressing its key (Delete clears the answer), or
    by Alt and the key from anywhere in the window (the buttons' mnemonics), without leaving
    the field being typed in."""

    chosen = Signal(str)  # the key of the option picked, "" when cleared

    def __init__(self, choice: FollowUpChoice, value: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = choice
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("oneKeyChoice")
        self.setStyleSheet("#oneKeyChoice:focus { border: 2px solid palette(highlight); }")
        keys = " or ".join(option.key.upper() for option in choice.options)
        alt = ", ".join(f"Alt+{option.key.upper()}" for option in choice.options)
        self.setAccessibleName(f"{choice.prompt} Press {keys}")
        layout = QVBoxLayout(self)
        prompt = QLabel(f"{choice.prompt} Press {keys} here, or {alt} from any field:", self)
        prompt.setWordWrap(True)
        prompt.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(prompt)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for option in choice.options:
            button = QRadioButton(f"&{option.key.upper()}  {option.label}", self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setChecked(option.value == value)
            button.clicked.connect(lambda _=False, key=option.key: self.pick(key))
            self.group.addButton(button)
            self.buttons[option.key] = button
            layout.addWidget(button)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            super().keyPressEvent(event)  # shortcuts (Ctrl+Enter…) are the form's
        elif event.text() and self.choice.option(event.text()) is not None:
            self.pick(event.text().casefold())
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.pick("")
        else:
            super().keyPressEvent(event)

    def pick(self, key: str) -> None:
        """Show ``key``'s option as the answer and say so ("" clears)."""
        self.group.setExclusive(False)
        for option_key, button in self.buttons.items():
            button.setChecked(option_key == key)
        self.group.setExclusive(True)
        self.chosen.emit(key)
