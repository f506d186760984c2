"""Who and what: the Define questions of the interview, saved as each one is answered."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.interview import Question, QuestionBank, apply_define_answer, interview_state
from app.interview.session import UNTITLED
from app.process.model import Process
from app.ui.date_field import DateField
from app.ui.interview.fields import QuestionRow, mark_saved
from app.ui.interview.stage_nav import nav_row, stage_buttons
from app.ui.line_edit import LineEdit


def answer_text(process: Process, question: Question) -> str:
    """What is stored for a Define question, written back as the user would type it."""
    owner, name = question.fills.split(".", 1)
    if owner == "interview":
        index = interview_state(process).interview_index
        if index >= len(process.interviews):
            return ""
        value = getattr(process.interviews[index], name)
        return value.isoformat() if name == "date" and value else str(value or "")
    if name == "lanes":
        return ", ".join(
            f"{lane.name} (system)" if lane.kind == "system" else lane.name
            for lane in process.lanes
        )
    if name == "rates":
        return rates_text(process)
    if name == "runs_per_year":
        return f"{process.runs_per_year:g} per year" if process.runs_per_year else ""
    if name == "name" and process.name == UNTITLED:
        return ""
    return str(getattr(process, name))


def rates_text(process: Process) -> str:
    """The hourly costs as the user would type them: "45, Finance 55"."""
    items = [f"{process.hourly_rate:g}"] if process.hourly_rate else []
    items += [f"{lane.name} {lane.hourly_rate:g}" for lane in process.lanes if lane.hourly_rate]
    return ", ".join(items)


class DefinePage(QScrollArea):
    """The Define questions in the bank's order; each answer goes through the interview logic."""

    answer_given = Signal(object, str)  # the next snapshot, the undo text
    next_requested = Signal()

    def __init__(self, bank: QuestionBank, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bank = bank
        self.process = Process(name="")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        body.setMaximumWidth(720)
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 16, 24, 24)
        intro = QLabel(
            "Before any step: who you are talking to, and the process as a whole. Roles, not "
            "names, become the swimlanes. Skip what you don't know yet — it is listed as "
            "missing at the end.",
            body,
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.rows: dict[str, QuestionRow] = {}
        for question in bank.define:
            row = QuestionRow(question, body)
            row.answered.connect(self._answer)
            self.rows[question.id] = row
            column.addWidget(row)
        last = self.rows[bank.define[-1].id].field if bank.define else None
        if isinstance(last, LineEdit):  # Enter on the last answer goes on to the steps
            last.returnPressed.connect(self.next_requested)
        _back, self.next_button = stage_buttons(
            body, "", "Walk me through it", self.next_requested, self.next_requested
        )
        column.addLayout(nav_row(None, self.next_button))
        column.addStretch(1)
        self.setWidget(body)

    def show_process(self, process: Process) -> None:
        self.process = process
        for row in self.rows.values():
            row.show_answer(answer_text(process, row.question))

    def focus_question(self, question_id: str) -> None:
        """The cursor in ``question_id``'s field, else in the first question not answered."""
        row = self.rows.get(question_id) or self._first_empty()
        if row is not None:
            row.field.setFocus()
            self.ensureWidgetVisible(row)

    def _first_empty(self) -> QuestionRow | None:
        rows = list(self.rows.values())
        return next(
            (row for row in rows if not row.field.text().strip()), rows[0] if rows else None
        )

    def _answer(self, question_id: str, text: str) -> None:
        row = self.rows[question_id]
        if isinstance(row.field, DateField) and row.field.error():
            return  # the field says under itself why it is not a date; nothing is saved
        if text == answer_text(self.process, row.question):
            row.show_error("")
            mark_saved(row.field)
            return
        result = apply_define_answer(self.process, question_id, text, self.bank)
        row.show_error(result.error or result.note)
        if result.ok:
            mark_saved(row.field)
            self.answer_given.emit(result.process, f"Answer “{row.question.prompt}”")
