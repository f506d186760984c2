"""Hold one review: its questions, the charts of the goal metrics, answers, verdict and notes.

The verdict starts from what the charts say (fading if any goal metric fades, met if every
judged one is met, else holding); the reviewer has the last word.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.analysis.goals import metric_label
from app.analysis.monitoring import metric_chart, suggested_verdict, value_text
from app.analysis.reviews import ReviewGuide, complete_review, load_review_questions
from app.process.control import REVIEW_VERDICTS, Control, Review, ReviewVerdict
from app.process.model import Process
from app.ui.control.chart import ControlChart
from app.ui.date_field import DateField

VERDICT_WORDS: Mapping[ReviewVerdict, str] = {
    "holding": "Holding: the gain is in place",
    "fading": "Fading: the gain is slipping back",
    "met": "Met: the target is reached and held",
    "reopened": "Reopened: the improvement needs another round",
}


class ReviewDialog(QDialog):
    """One review of one process; ``completed_control()`` gives the control with it recorded."""

    def __init__(
        self,
        process: Process,
        review: Review,
        *,
        today: dt.date,
        guides: Mapping[str, ReviewGuide] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.process = process
        self.review = review
        self.guide = (guides or load_review_questions())[review.kind]
        self.setWindowTitle(f"{self.guide.title} of {process.name}")
        self.charts = [
            (goal.metric, metric_chart(process, goal.metric))
            for goal in process.goals
            if process.control.measurements_of(goal.metric)
        ]
        self.answers: dict[str, QPlainTextEdit] = {}
        self._build(today)

    def _build(self, today: dt.date) -> None:
        columns = QHBoxLayout()
        columns.addWidget(self._chart_column(), 3)
        columns.addLayout(self._form(today), 2)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        record = buttons.button(QDialogButtonBox.StandardButton.Save)
        record.setText("Record review")
        self.done_on.line.textChanged.connect(lambda: record.setEnabled(not self.done_on.error()))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        heading = QLabel(
            f"{self.guide.title}, due {self.review.due:%d %B %Y}. {self.guide.purpose}", self
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)
        self.resize(1280, 820)

    def _chart_column(self) -> QWidget:
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        if not self.charts:
            empty = QLabel(
                "No measurements of the goal metrics yet: add them on the Control tab "
                "to see the chart here.",
                column,
            )
            empty.setWordWrap(True)
            layout.addWidget(empty)
        for metric, chart in self.charts:
            widget = ControlChart(column)
            widget.set_chart(
                chart,
                title=metric_label(metric).capitalize(),
                format_value=self._formatter(metric),
            )
            widget.canvas.setMinimumHeight(300)
            layout.addWidget(widget)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(column)
        return scroll

    def _formatter(self, metric: str) -> Callable[[float], str]:
        return lambda value: value_text(self.process, metric, value)

    def _form(self, today: dt.date) -> QVBoxLayout:
        form = QVBoxLayout()
        for question in self.guide.questions:
            answer = QPlainTextEdit(self)
            answer.setAccessibleName(question.text)
            answer.setPlaceholderText(question.hint)
            answer.setPlainText(self.review.answers.get(question.id, ""))
            answer.setTabChangesFocus(True)
            answer.setMinimumHeight(60)
            label = QLabel(question.text, self)
            label.setWordWrap(True)
            label.setBuddy(answer)
            form.addWidget(label)
            form.addWidget(answer)
            self.answers[question.id] = answer
        self.verdict = QComboBox(self)
        self.verdict.setAccessibleName("Verdict")
        for verdict in REVIEW_VERDICTS:
            self.verdict.addItem(VERDICT_WORDS[verdict], verdict)
        start = self.review.verdict or suggested_verdict([chart for _, chart in self.charts])
        self.verdict.setCurrentIndex(self.verdict.findData(start))
        self.held_default = self.review.done_on or today
        self.done_on = DateField(self, past=True, today=lambda: today)
        self.done_on.setAccessibleName("Held on")
        self.done_on.set_date(self.held_default)
        self.notes = QPlainTextEdit(self)
        self.notes.setAccessibleName("Notes")
        self.notes.setPlainText(self.review.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        bottom = QFormLayout()
        bottom.addRow("Verdict:", self.verdict)
        bottom.addRow("Held on:", self.done_on)
        bottom.addRow("Notes:", self.notes)
        hint = QLabel(
            "The verdict is suggested from the charts: change it if the answers say otherwise.",
            self,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout()
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(bottom)
        layout.addWidget(hint)
        return layout

    def current_verdict(self) -> ReviewVerdict:
        verdict: ReviewVerdict = self.verdict.currentData()
        return verdict

    def completed_control(self, control: Control) -> Control:
        """``control`` with this review recorded as held, with its answers and verdict."""
        answers = {
            key: edit.toPlainText().strip()
            for key, edit in self.answers.items()
            if edit.toPlainText().strip()
        }
        return complete_review(
            control,
            self.review.id,
            done_on=self.done_on.valid_date() or self.held_default,
            verdict=self.current_verdict(),
            answers=answers,
            notes=self.notes.toPlainText().strip(),
        )
