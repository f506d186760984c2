"""The questions kept for the next interview where accounts differ (the Accounts tab), shown
above any interview under way, each with its answer field (kept like a follow-up's answer)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from app.accounts.questions import AccountQuestion, account_questions
from app.interview import answer_followup, interview_state
from app.interview.followups import stored_answers
from app.interview.progress import INTERVIEW_KEY
from app.process.model import Process
from app.ui.interview.fields import LongTextEdit

MAX_BODY_HEIGHT = 280  # pixels: about three questions, then it scrolls


class AccountQuestionsBox(QFrame):
    """A fold-out list of the questions, each with its answer; hidden when there are none."""

    edited = Signal(object, str)  # the next snapshot, the undo text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.process = Process(name="")
        self.asked: tuple[AccountQuestion, ...] = ()
        self.answers: dict[str, LongTextEdit] = {}
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self._fold)
        inner = QWidget(self)
        self.rows = QVBoxLayout(inner)
        self.rows.setContentsMargins(8, 0, 8, 4)
        self.body = QScrollArea(self)  # many questions scroll; the interview keeps its room
        self.body.setWidget(inner)
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setMaximumHeight(MAX_BODY_HEIGHT)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)
        self.body.hide()
        self.hide()

    def show_process(self, process: Process) -> None:
        """List the questions of ``process``; a field being typed in is never replaced."""
        self.process = process
        asked = account_questions(process)
        under_way = INTERVIEW_KEY in process.extra and interview_state(process).stage != "done"
        self.setVisible(under_way and bool(asked))
        if [q.id for q in asked] != [q.id for q in self.asked]:
            self._rebuild(asked)
        answers = stored_answers(process.extra)
        for question in asked:
            editor = self.answers[question.id]
            if not editor.hasFocus():
                editor.setText(answers.get(question.rule_id, ""))
        open_ = sum(1 for q in asked if not answers.get(q.rule_id, "").strip())
        self.toggle.setText(
            f"Ask {'them' if len(asked) > 1 else 'it'} too: {len(asked)} question"
            f"{'s' if len(asked) != 1 else ''} from where accounts differ ({open_} not answered)"
        )

    def _rebuild(self, asked: tuple[AccountQuestion, ...]) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.asked, self.answers = asked, {}
        for question in asked:
            text = QLabel(f"{question.text} Because {question.reason}.", self.body.widget())
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            answer = LongTextEdit(self.body.widget())
            answer.setAccessibleName(f"Answer: {question.text}")
            answer.editing_finished.connect(lambda q=question, a=answer: self._answer(q, a.text()))
            self.answers[question.id] = answer
            self.rows.addWidget(text)
            self.rows.addWidget(answer)

    def _fold(self, shown: bool) -> None:
        self.body.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _answer(self, question: AccountQuestion, text: str) -> None:
        if text == stored_answers(self.process.extra).get(question.rule_id, ""):
            return
        updated = answer_followup(self.process, None, question.rule_id, text)
        self.edited.emit(updated, "Answer a question from the accounts")
