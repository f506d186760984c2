"""The fields of one step as the person describes it, in the order the talk goes."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.interview import LATER, NEXT, Outcome, StepDraft, needs_predecessor
from app.interview.ids import find_lane, same_name
from app.interview.parsing import read_lane_name
from app.process.durations import DurationError, format_duration, parse_duration
from app.process.model import Process
from app.ui.interview.fields import (
    FIELD_PREFIX,
    CompletingLineEdit,
    LongTextEdit,
    OneKeyCombo,
    mark_saved,
    unsaved,
)
from app.ui.interview.outcomes_editor import OutcomesEditor
from app.ui.line_edit import LineEdit

KINDS = {
    "task": "Task",
    "approval": "Approval",
    "decision": "Decision or check",
    "end": "End: it is done",
}
# What a decision or approval usually leads to, offered so the talk is not slowed down: the
# first way goes on with the next step described, the other is followed later.
TYPICAL_OUTCOMES = {
    "approval": (Outcome("Approved", None, NEXT), Outcome("Sent back", None, LATER)),
    "decision": (Outcome("Yes", None, NEXT), Outcome("No", None, LATER)),
}


# "Does the customer care about this step?": each answer starts with its own key.
VALUE_ANSWERS = {
    "": "(not asked yet)",  # starts with no letter: Y, R and N each pick their answer
    "value-added": "Yes: the customer would pay for it",
    "business-necessary": "Required: law, contract or the business needs it",
    "non-value-added": "No: the customer would not miss it",
}


class StepForm(QWidget):
    """The fields of one step, in the order the talk goes; errors shown beside each field.

    Nothing here is rebuilt while it is typed in: a reload updates the completers' lists and
    every field but the one that has the cursor.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.process = Process(name="")
        self._build_fields()
        self.errors: dict[str, QLabel] = {}
        self.hints: dict[str, QLabel] = {}
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label, widget in self._rows():
            widget.setAccessibleName(label or str(widget.property("text")))
            widget.setObjectName(FIELD_PREFIX + key)
            self._add_row(key, label, widget)
        self.set_predecessors(None)
        self._connect()
        self._chain_tab_order()

    def _build_fields(self) -> None:
        self.name = LineEdit(self)
        self.name.setPlaceholderText("Verb + object, e.g. “Check the invoice against the PO”")
        self.lane = CompletingLineEdit(self)
        self.lane.setPlaceholderText("A role, e.g. Finance — type a new one to add a lane")
        self.lane_rate = LineEdit(self)
        self.systems = LineEdit(self)
        self.systems.setPlaceholderText("e.g. ERP, Outlook, the shared spreadsheet")
        self.touch = LineEdit(self)
        self.touch.setPlaceholderText("e.g. 10 min, 1.5 h")
        self.wait = LineEdit(self)
        self.wait.setPlaceholderText("e.g. 2 days — how long it sits before this step starts")
        self.kind = OneKeyCombo(self)
        for key, words in KINDS.items():
            self.kind.addItem(words, key)
        self.outcomes = OutcomesEditor(self)
        self.back = SendBackFields(self)
        self.value = OneKeyCombo(self)
        for key, words in VALUE_ANSWERS.items():
            self.value.addItem(words, key)
        self.value.setToolTip("Type Y, R or N to answer; leave it on “not asked” if unsure")
        self.why = LongTextEdit(self)
        self.habit = QCheckBox("Done out of habit (“we've always done it”)", self)
        self.rekeys = QCheckBox("Types in data that already exists elsewhere", self)
        self.pain = LongTextEdit(self)
        self.after = QComboBox(self)
        self.after.setToolTip(
            "Nothing is waiting for a next step (every way out went to steps already "
            "described): say which step this one follows"
        )

    def _rows(self) -> tuple[tuple[str, str, QWidget], ...]:
        return (
            ("after", "Comes after", self.after),
            ("name", "What happens", self.name),
            ("lane", "Who does it", self.lane),
            ("lane_rate", "Hourly cost", self.lane_rate),
            ("systems", "Tools or systems", self.systems),
            ("touch", "Hands-on time", self.touch),
            ("wait", "Wait before it", self.wait),
            ("kind", "Kind", self.kind),
            ("outcomes", "Outcomes", self.outcomes),
            ("back_share", "Comes back", self.back),
            ("value", "Customer cares?", self.value),
            ("why", "Why it exists", self.why),
            ("habit", "", self.habit),
            ("rekeys", "", self.rekeys),
            ("pain_points", "What goes wrong", self.pain),
        )

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
        if key in ("touch", "wait", "lane", "lane_rate"):
            hint = QLabel(box)
            hint.setEnabled(False)
            hint.setWordWrap(True)
            column.addWidget(hint)
            self.hints[key] = hint
        self.form.addRow(f"{label}:" if label and not label.endswith("?") else label, box)

    def _connect(self) -> None:
        self.after.activated.connect(lambda _index: self.changed.emit())
        for line in (self.name, self.lane, self.lane_rate, self.systems, self.touch, self.wait):
            line.editingFinished.connect(self.changed)
        for long_text in (self.why, self.pain):
            long_text.editing_finished.connect(self.changed)
        self.touch.textChanged.connect(self._show_hints)
        self.wait.textChanged.connect(self._show_hints)
        self.lane.textChanged.connect(self._show_hints)
        self.kind.activated.connect(lambda _index: self._kind_changed())
        self.value.activated.connect(lambda _index: self.changed.emit())
        for box in (self.habit, self.rekeys):
            box.toggled.connect(lambda _on: self.changed.emit())
        self.outcomes.changed.connect(self.changed)
        self.outcomes.rows_changed.connect(self._chain_tab_order)
        self.back.changed.connect(self.changed)

    def _chain_tab_order(self) -> None:
        """Tab follows the form top to bottom (widgets are not created in that order)."""
        chain: list[QWidget] = []
        for _key, _label, widget in self._rows():
            if widget is self.outcomes:
                chain += self.outcomes.focus_chain()
            elif widget is self.back:
                chain += [self.back.target, self.back.share]
            else:
                chain.append(widget)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _set_row_visible(self, widget: QWidget, visible: bool) -> None:
        """Show or hide a whole row: its label, field, error and hint (no gap left behind)."""
        widget.setVisible(visible)
        box = widget.parentWidget()
        if box is not None:
            self.form.setRowVisible(box, visible)

    def _kind_changed(self, *, announce: bool = True) -> None:
        kind = self.kind.currentData()
        branching = kind in ("approval", "decision")
        current = self.outcomes.outcomes()
        untouched = not current or current in TYPICAL_OUTCOMES.values()
        if branching and untouched and current != TYPICAL_OUTCOMES[kind]:
            self.outcomes.set_outcomes(self.process, TYPICAL_OUTCOMES[kind])
        self._set_row_visible(self.outcomes, branching)
        self._set_row_visible(self.back, kind == "task")
        if announce:
            self.changed.emit()

    # What the form shows -------------------------------------------------------------------

    def set_process(self, process: Process) -> None:
        """The process the step is added to: its roles, steps and currency for the answers."""
        self.process = process
        self.lane.set_choices([lane.name for lane in process.lanes])
        self.back.set_steps(process)
        self._show_hints()

    def _show_hints(self) -> None:
        for key in ("touch", "wait"):
            self.hints[key].setText(_understood(getattr(self, key).text()))
        name, _kind = read_lane_name(self.lane.text())
        lane = find_lane(self.process, name) if name else None
        self.hints["lane"].setText(f"New role: {name} — a new lane" if name and not lane else "")
        asks_rate = bool(name) and (lane is None or lane.hourly_rate is None)
        asks_rate = asks_rate and not self.process.hourly_rate
        self._set_row_visible(self.lane_rate, asks_rate)
        currency = self.process.currency or "money"
        self.lane_rate.setPlaceholderText(
            f"What an hour of {name or 'their'} time costs, in {currency}"
        )
        self.hints["lane_rate"].setText("Leave blank if not known: costs then say “not known”.")
        for hint in self.hints.values():
            hint.setVisible(bool(hint.text()) and hint.parentWidget() is not None)

    def draft(self) -> StepDraft:
        kind = self.kind.currentData()
        return StepDraft(
            name=self.name.text(),
            lane=self.lane.text(),
            systems=self.systems.text(),
            touch=self.touch.text(),
            wait=self.wait.text(),
            kind=kind,
            outcomes=self.outcomes.outcomes() if kind in ("approval", "decision") else (),
            why=self.why.text(),
            habit=self.habit.isChecked(),
            rekeys=self.rekeys.isChecked(),
            pain_points=self.pain.text(),
            after=str(self.after.currentData() or "") if self.asks_after() else "",
            value=str(self.value.currentData() or ""),
            lane_rate=self.lane_rate.text() if not self.lane_rate.isHidden() else "",
            back_to=self.back.step_id() if kind == "task" else "",
            back_share=self.back.share.text() if kind == "task" else "",
        )

    def asks_after(self) -> bool:
        """True when the form asks which step this one follows (nothing waits for it)."""
        return not self.after.isHidden()

    def set_predecessors(self, process: Process | None) -> None:
        """Ask which step this one follows, only when nothing waits for a next step."""
        asked = process is not None and needs_predecessor(process)
        self._set_row_visible(self.after, asked)
        if not asked or process is None:
            return
        wanted = [(step.name, step.id) for step in reversed(process.steps) if step.kind != "end"]
        shown = [
            (self.after.itemText(i), self.after.itemData(i)) for i in range(self.after.count())
        ]
        if wanted == shown:
            return
        current = self.after.currentData()
        self.after.blockSignals(True)
        self.after.clear()
        for name, step_id in wanted:  # the latest first: usually the one
            self.after.addItem(name, step_id)
        self.after.setCurrentIndex(max(0, self.after.findData(current)))
        self.after.blockSignals(False)

    def show_draft(self, process: Process, draft: StepDraft, *, keep_typing: bool = True) -> None:
        """Fill the fields from a stored draft without announcing changes.

        With ``keep_typing`` the field that has the cursor keeps its text (it is newer than the
        draft); a step just added clears every field, the focused one too.
        """
        self.set_process(process)
        for line, text in (
            (self.name, draft.name),
            (self.lane, draft.lane),
            (self.lane_rate, draft.lane_rate),
            (self.systems, draft.systems),
            (self.touch, draft.touch),
            (self.wait, draft.wait),
            (self.why, draft.why),
            (self.pain, draft.pain_points),
        ):
            if not (keep_typing and (line.hasFocus() or unsaved(line))):
                with QSignalBlocker(line):
                    line.setText(text)
                mark_saved(line)
        for combo, key in ((self.kind, draft.kind), (self.value, draft.value)):
            if not (keep_typing and combo.hasFocus()):
                with QSignalBlocker(combo):
                    combo.setCurrentIndex(max(0, combo.findData(key)))
        for box, on in ((self.habit, draft.habit), (self.rekeys, draft.rekeys)):
            with QSignalBlocker(box):
                box.setChecked(on)
        if draft.after and self.after.findData(draft.after) >= 0:
            with QSignalBlocker(self.after):
                self.after.setCurrentIndex(self.after.findData(draft.after))
        self.outcomes.set_outcomes(process, draft.outcomes)
        self.back.show_values(draft.back_to, draft.back_share, keep_typing=keep_typing)
        self._kind_changed(announce=False)
        self._show_hints()

    def show_errors(self, errors: dict[str, str]) -> None:
        shown = {("back_share" if key == "back_to" else key): text for key, text in errors.items()}
        for key, label in self.errors.items():
            label.setText(shown.get(key, ""))
            label.setVisible(key in shown)

    def shown_errors(self) -> set[str]:
        """The keys of the errors on screen (a send-back error shows under "back_share")."""
        keys = {key for key, label in self.errors.items() if not label.isHidden()}
        return keys | ({"back_to"} if "back_share" in keys else set())

    def mark_saved(self) -> None:
        """The draft holds what every field shows: a reload may fill them again."""
        lines = (self.name, self.lane, self.lane_rate, self.systems, self.touch, self.wait)
        for field in (*lines, self.why, self.pain, self.back.target, self.back.share):
            mark_saved(field)
        for row in self.outcomes.rows:
            row.mark_saved()

    def first_error_field(self, errors: dict[str, str]) -> QWidget | None:
        """The field of the first error, in the order of the form."""
        keys = {("back_share" if key == "back_to" else key) for key in errors}
        return next((widget for key, _label, widget in self._rows() if key in keys), None)


class SendBackFields(QWidget):
    """A plain step that sometimes sends the work back: to which earlier step, how often."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.process = Process(name="")
        self.target = CompletingLineEdit(self)
        self.target.setPlaceholderText("Sometimes comes back to… (an earlier step; blank if never)")
        self.target.setAccessibleName("Sometimes sends the work back to")
        self.share = LineEdit(self)
        self.share.setPlaceholderText("how often: 1 in 5")
        self.share.setAccessibleName("How often it comes back")
        self.share.setMaximumWidth(150)
        self.setFocusProxy(self.target)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.target, 1)
        row.addWidget(self.share)
        for line in (self.target, self.share):
            line.editingFinished.connect(self.changed)

    def set_steps(self, process: Process) -> None:
        self.process = process
        self.target.set_choices(
            [step.name for step in process.steps if step.kind not in ("start", "end")]
        )

    def step_id(self) -> str:
        """The id of the step named, its typed text when it names none ("" when blank)."""
        typed = self.target.text().strip()
        for step in self.process.steps:
            if same_name(step.name, typed) and step.kind not in ("start", "end"):
                return step.id
        return typed

    def show_values(self, back_to: str, share: str, *, keep_typing: bool) -> None:
        step = self.process.step_by_id().get(back_to)
        for line, text in ((self.target, step.name if step else back_to), (self.share, share)):
            if not (keep_typing and (line.hasFocus() or unsaved(line))):
                with QSignalBlocker(line):
                    line.setText(text)
                mark_saved(line)


def _understood(text: str) -> str:
    """What a typed time is read as, shown under the field while typing."""
    if not text.strip():
        return ""
    try:
        return f"= {format_duration(parse_duration(text))}"
    except DurationError:
        return ""
