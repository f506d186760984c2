"""Walk me through it: one step at a time, with the follow-ups that its answers call for.

The step being typed is kept as a draft in the process (so an interrupted interview resumes
with it); adding the step (Ctrl+Enter) is one undoable edit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.interview import (
    LATER,
    NEXT,
    FollowUp,
    Outcome,
    QuestionBank,
    StepDraft,
    add_step,
    answer_followup,
    current_draft,
    draft_errors,
    needs_predecessor,
    next_question,
    save_draft,
)
from app.process.durations import DurationError, format_duration, parse_duration
from app.process.model import Process
from app.ui.interview.fields import LineEdit, LongTextEdit
from app.ui.interview.outcomes_editor import OutcomesEditor

KINDS = {
    "task": "Task",
    "approval": "Approval",
    "decision": "Decision or check",
    "end": "End: it is done",
}
ADD_SHORTCUT = "Ctrl+Return"
# What a decision or approval usually leads to, offered so the talk is not slowed down: the
# first way goes on with the next step described, the other is followed later.
TYPICAL_OUTCOMES = {
    "approval": (Outcome("Approved", None, NEXT), Outcome("Sent back", None, LATER)),
    "decision": (Outcome("Yes", None, NEXT), Outcome("No", None, LATER)),
}


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


class StepForm(QWidget):
    """The fields of one step, in the order the talk goes; errors shown beside each field."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = LineEdit(self)
        self.name.setPlaceholderText("Verb + object, e.g. “Check the invoice against the PO”")
        self.lane = QComboBox(self)
        self.lane.setEditable(True)
        self.lane.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.systems = LineEdit(self)
        self.systems.setPlaceholderText("e.g. ERP, Outlook, the shared spreadsheet")
        self.touch = LineEdit(self)
        self.touch.setPlaceholderText("e.g. 10 min, 1.5 h")
        self.wait = LineEdit(self)
        self.wait.setPlaceholderText("e.g. 2 days — how long it sits before this step starts")
        self.kind = QComboBox(self)
        for key, words in KINDS.items():
            self.kind.addItem(words, key)
        self.outcomes = OutcomesEditor(self)
        self.why = LongTextEdit(self)
        self.habit = QCheckBox("Done out of habit (“we've always done it”)", self)
        self.rekeys = QCheckBox("Types in data that already exists elsewhere", self)
        self.pain = LongTextEdit(self)
        self.after = QComboBox(self)
        self.after.setToolTip(
            "Nothing is waiting for a next step (every way out went to steps already "
            "described): say which step this one follows"
        )
        self.errors: dict[str, QLabel] = {}
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label, widget in (
            ("after", "Comes after", self.after),
            ("name", "What happens", self.name),
            ("lane", "Who does it", self.lane),
            ("systems", "Tools or systems", self.systems),
            ("touch", "Hands-on time", self.touch),
            ("wait", "Wait before it", self.wait),
            ("kind", "Kind", self.kind),
            ("outcomes", "Outcomes", self.outcomes),
            ("why", "Why it exists", self.why),
            ("habit", "", self.habit),
            ("rekeys", "", self.rekeys),
            ("pain_points", "What goes wrong", self.pain),
        ):
            widget.setAccessibleName(label or str(widget.property("text")))
            self._add_row(key, label, widget)
        self.set_predecessors(None)
        self._connect()

    def _add_row(self, key: str, label: str, widget: QWidget) -> None:
        error = QLabel(self)
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        self.errors[key] = error
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        if key in ("touch", "wait"):
            hint = QLabel(box)
            hint.setEnabled(False)
            column.addWidget(hint)
            widget.textChanged.connect(lambda text, h=hint: h.setText(_understood(text)))  # type: ignore[attr-defined]
        self.form.addRow(f"{label}:" if label else "", box)

    def _connect(self) -> None:
        self.after.currentIndexChanged.connect(lambda _index: self.changed.emit())
        for line in (self.name, self.systems, self.touch, self.wait):
            line.editingFinished.connect(self.changed)
        for long_text in (self.why, self.pain):
            long_text.editing_finished.connect(self.changed)
        self.lane.currentTextChanged.connect(lambda _text: self.changed.emit())
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for box in (self.habit, self.rekeys):
            box.toggled.connect(lambda _on: self.changed.emit())
        self.outcomes.changed.connect(self.changed)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        branching = kind in ("approval", "decision")
        if branching and not self.outcomes.outcomes():
            self.outcomes.set_outcomes(self.outcomes.process, TYPICAL_OUTCOMES[kind])
        self.outcomes.setVisible(branching)
        box = self.outcomes.parentWidget()
        label = self.form.labelForField(box) if box is not None else None
        if label is not None:
            label.setVisible(branching)
        self.changed.emit()

    def set_lanes(self, names: list[str]) -> None:
        current = self.lane.currentText()
        self.lane.blockSignals(True)
        self.lane.clear()
        self.lane.addItems(names)
        self.lane.setCurrentText(current)
        completer = QCompleter(names, self.lane)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.lane.setCompleter(completer)
        self.lane.blockSignals(False)

    def draft(self) -> StepDraft:
        return StepDraft(
            name=self.name.text(),
            lane=self.lane.currentText(),
            systems=self.systems.text(),
            touch=self.touch.text(),
            wait=self.wait.text(),
            kind=self.kind.currentData(),
            outcomes=self.outcomes.outcomes() if self.outcomes.isVisible() else (),
            why=self.why.text(),
            habit=self.habit.isChecked(),
            rekeys=self.rekeys.isChecked(),
            pain_points=self.pain.text(),
            after=str(self.after.currentData() or "") if self._asks_after() else "",
        )

    def _asks_after(self) -> bool:
        return not self.after.isHidden()

    def set_predecessors(self, process: Process | None) -> None:
        """Ask which step this one follows, only when nothing waits for a next step."""
        asked = process is not None and needs_predecessor(process)
        box = self.after.parentWidget()
        label = self.form.labelForField(box) if box is not None else None
        for widget in (self.after, label):
            if widget is not None:
                widget.setVisible(asked)
        if not asked or process is None:
            return
        current = self.after.currentData()
        self.after.blockSignals(True)
        self.after.clear()
        for step in reversed(process.steps):  # the latest first: usually the one
            if step.kind != "end":
                self.after.addItem(step.name, step.id)
        index = self.after.findData(current)
        self.after.setCurrentIndex(max(0, index))
        self.after.blockSignals(False)

    def show_draft(self, process: Process, draft: StepDraft, *, keep_typing: bool = True) -> None:
        """Fill the fields from a stored draft without announcing changes.

        With ``keep_typing`` the field being typed in keeps its text (it is newer than the
        draft); a step just added clears every field, the focused one too.
        """
        widgets = (
            self.name,
            self.lane,
            self.systems,
            self.touch,
            self.wait,
            self.kind,
            self.why,
            self.pain,
            self.habit,
            self.rekeys,
            self.outcomes,
            self.after,
        )
        for widget in widgets:
            widget.blockSignals(True)
        for line, text in (
            (self.name, draft.name),
            (self.systems, draft.systems),
            (self.touch, draft.touch),
            (self.wait, draft.wait),
            (self.why, draft.why),
            (self.pain, draft.pain_points),
        ):
            if not (keep_typing and line.hasFocus()):
                line.setText(text)
        self.lane.setCurrentText(draft.lane)
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind)))
        self.habit.setChecked(draft.habit)
        self.rekeys.setChecked(draft.rekeys)
        if draft.after and self.after.findData(draft.after) >= 0:
            self.after.setCurrentIndex(self.after.findData(draft.after))
        self.outcomes.set_outcomes(process, draft.outcomes)
        for widget in widgets:
            widget.blockSignals(False)
        self._kind_changed_quietly()

    def _kind_changed_quietly(self) -> None:
        self.blockSignals(True)
        self._kind_changed()
        self.blockSignals(False)

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(errors.get(key, ""))
            label.setVisible(key in errors)


def _understood(text: str) -> str:
    """What a typed time is read as, shown under the field while typing."""
    if not text.strip():
        return ""
    try:
        return f"= {format_duration(parse_duration(text))}"
    except DurationError:
        return ""


class WalkPage(QWidget):
    """The question, the step form and its follow-ups on the left; the map grows on the right."""

    edited = Signal(object, str)  # an undoable edit: the next snapshot and its text
    draft_saved = Signal(object)  # a draft kept as typed (not an undo step)

    def __init__(
        self, bank: QuestionBank, map_widget: QWidget | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.bank = bank
        self.process = Process(name="")
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        font = self.prompt.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.prompt.setFont(font)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.help.setEnabled(False)
        self.form = StepForm(self)
        self.add_button = QPushButton(f"Add step ({ADD_SHORTCUT.replace('Return', 'Enter')})", self)
        self.add_button.setAccessibleName("Add step")
        self.add_button.setToolTip("Adds the step and clears the form for the next one")
        self.followups = FollowUpsPanel(self)
        left = self._left_column()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        if map_widget is not None:
            splitter.addWidget(map_widget)
            splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.form.changed.connect(self._save_draft)
        self.add_button.clicked.connect(self.add_current_step)
        shortcut = QShortcut(QKeySequence(ADD_SHORTCUT), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.add_current_step)
        self.followups.answered.connect(self.edited)

    def _left_column(self) -> QScrollArea:
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 16, 16, 16)
        column.addWidget(self.prompt)
        column.addWidget(self.help)
        column.addWidget(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        column.addLayout(row)
        column.addWidget(self.followups)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(460)
        return scroll

    def show_process(self, process: Process) -> None:
        self.process = process
        self.followups.process = process  # answers build on the latest snapshot
        question = next_question(process, bank=self.bank)
        steps_question = question if question and question.stage == "steps" else None
        first = steps_question or self.bank.steps[0]
        self.prompt.setText(first.prompt)
        self.help.setText(first.help)
        self.form.set_lanes([lane.name for lane in process.lanes])
        self.form.set_predecessors(process)
        self.form.show_draft(process, current_draft(process))

    def focus_first_field(self) -> None:
        self.form.name.setFocus()

    def _save_draft(self) -> None:
        draft = self.form.draft()
        self.form.show_errors({})
        if draft != current_draft(self.process):
            self.draft_saved.emit(save_draft(self.process, draft))

    def add_current_step(self) -> None:
        """Add the step in the form, or say beside each field what keeps it from being added."""
        draft = self.form.draft()
        errors = draft_errors(self.process, draft)
        if self.form.outcomes.problem():
            errors["outcomes"] = self.form.outcomes.problem()
        if errors:
            self.form.show_errors(errors)
            return
        result = add_step(self.process, draft, self.bank)
        if not result.ok:
            self.form.show_errors(dict(result.errors))
            return
        self.form.show_errors({})
        self.edited.emit(result.process, f"Add step “{draft.name.strip()}”")
        self.form.show_draft(result.process, current_draft(result.process), keep_typing=False)
        self.followups.show_followups(result.process, result.step_id, result.followups)
        self.focus_first_field()
