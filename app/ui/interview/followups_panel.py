"""The follow-up questions of the step just added, each with its answer field, and for a rule
with a one-key choice (what a wait is for) a row answered by pressing one key."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
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
    """The follow-up questions of the step just added, each with its answer field.

    Alt and a choice's key answer it from any field of the parent page. The key is taken
    before the field sees it (an application event filter, while a choice is shown): Qt's
    shortcut map lost such keys when they came queued at typing speed.
    """

    answered = Signal(object, str)  # the next snapshot, the undo text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Ask about the step you just added", parent)
        self.layout_ = QVBoxLayout(self)
        self.process = Process(name="")
        self.step_id = ""
        self.keys: OneKeyChoice | None = None
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Alt+key of the choice shown, pressed in a field of this page: answer it."""
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        key = self._alt_choice(watched, event)
        if key is None:
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress and self.keys is not None:
            self.keys.pick(key)  # answers the step shown now, not a later one
        return True

    def _alt_choice(self, watched: QObject, event: QEvent) -> str | None:
        page = self.parentWidget()
        if (
            self.keys is None
            or page is None
            or not isinstance(event, QKeyEvent)
            or event.modifiers() != Qt.KeyboardModifier.AltModifier
            or not isinstance(watched, QWidget)
            or not (watched is page or page.isAncestorOf(watched))
            or not self.isVisible()
        ):
            return None
        text = event.text() or (chr(event.key()) if 0 < event.key() < 0x110000 else "")
        option = self.keys.choice.option(text) if text else None
        return option.key if option is not None else None

    def show_followups(
        self, process: Process, step_id: str, followups: tuple[FollowUp, ...]
    ) -> None:
        self._listen(False)
        self.process, self.step_id, self.keys = process, step_id, None
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: a hidden button's Alt+key no longer competes
                widget.deleteLater()
        for followup in followups:
            self._add(followup)
        self.setVisible(bool(followups))
        self._listen(self.keys is not None)

    def _listen(self, on: bool) -> None:
        """Watch the keys of the whole application only while a choice is shown."""
        application = QApplication.instance()
        if application is None:
            return
        if on:
            application.installEventFilter(self)
        else:
            application.removeEventFilter(self)

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
            self.keys = keys

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
    """A follow-up's options, each picked by pressing its key (Delete clears the answer); the
    panel also takes Alt and the key from any field of its page."""

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
            button = QRadioButton(f"{option.key.upper()}  {option.label}", self)
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
