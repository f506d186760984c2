"""The follow-up questions of the step just added, each with its answer field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from app.interview import FollowUp, answer_followup
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
