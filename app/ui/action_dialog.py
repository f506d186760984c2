"""The dialog that adds or edits one improvement action.

Steps are ticked from the process's steps, the finding is picked from the findings of the map,
and the time saved a year is either left to the finding (blank) or typed as a duration
("300 h", "2 weeks"). The "optimize before you automate" sentence shows as the fields change;
it warns and never blocks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.analysis.actions import automation_warning, estimated_impact, impact_words
from app.analysis.finding import Finding
from app.process.durations import DurationError, format_duration, parse_duration
from app.process.model import ACTION_STATUSES, ECRS_VERBS, Action, Process
from app.ui.date_field import DateField
from app.ui.future_change_fields import FutureChangeFields
from app.ui.plan_edits import with_action

ID_ROLE = Qt.ItemDataRole.UserRole
VERB_HINTS = {
    "eliminate": "Eliminate: stop doing it",
    "combine": "Combine: merge it with another step",
    "rearrange": "Rearrange: change the order or who does it",
    "simplify": "Simplify: make it easier or shorter",
    "automate": "Automate: let a system do it (after the four above)",
}


class ActionDialog(QDialog):
    """Edits one action; ``action()`` reads the fields back."""

    def __init__(
        self,
        process: Process,
        action: Action,
        findings: Sequence[Finding],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.process = process
        self.original = action
        self.findings = tuple(findings)
        self.setWindowTitle("Edit action" if action.title else "New action")
        self.setMinimumWidth(560)
        self._build()
        self._fill(action)
        self._refresh()

    def _build(self) -> None:
        self.verb = QComboBox(self)
        for verb in ECRS_VERBS:
            self.verb.addItem(VERB_HINTS[verb], verb)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText("What will change, e.g. “Approve invoices under 500 USD”")
        self.steps = QListWidget(self)
        self.steps.setMinimumHeight(120)
        for step in self.process.steps:
            item = QListWidgetItem(step.name or "(no name)", self.steps)
            item.setData(ID_ROLE, step.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.finding = QComboBox(self)
        # A finding's sentence is long: the box need not be as wide as the longest one.
        self.finding.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.finding.setMinimumContentsLength(40)
        self.finding.addItem("(none)", "")
        for finding in self.findings:
            self.finding.addItem(finding.title, finding.key)
        self.owner = QLineEdit(self)
        self.due = DateField(self)
        self.due.set_placeholder("no date yet — e.g. in 2 weeks, 31 Dec")
        self.effort = QSpinBox(self)
        self.effort.setRange(1, 5)
        self.effort.setSuffix(" of 5")
        self.impact = QLineEdit(self)
        self.impact_note = QLabel(self)
        self.impact_note.setWordWrap(True)
        self.status = QComboBox(self)
        for status in ACTION_STATUSES:
            self.status.addItem(status.capitalize(), status)
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(70)
        self.future = FutureChangeFields(self.process, self)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setStyleSheet("color: #a15c00;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        for signal in (
            self.verb.currentIndexChanged,
            self.finding.currentIndexChanged,
            self.steps.itemChanged,
            self.impact.textChanged,
            self.due.line.textChanged,
            self.future.touch.textChanged,
            self.future.wait.textChanged,
        ):
            signal.connect(self._refresh)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("ECRS", self.verb)
        form.addRow("Action", self.title)
        form.addRow("Steps it changes", self.steps)
        form.addRow("Finding it addresses", self.finding)
        form.addRow("Owner", self.owner)
        form.addRow("Due", self.due)
        form.addRow("Effort", self.effort)
        form.addRow("Saves a year (h)", self.impact)
        form.addRow("", self.impact_note)
        form.addRow("Status", self.status)
        form.addRow("Notes", self.notes)
        form.addRow(QLabel("<b>In the future state</b> (what “Apply actions” does to its steps)"))
        form.addRow(self.future)
        for label, field in (
            ("ECRS verb", self.verb),
            ("Action title", self.title),
            ("Steps it changes", self.steps),
            ("Finding it addresses", self.finding),
            ("Owner", self.owner),
            ("Due date", self.due),
            ("Effort, 1 to 5", self.effort),
            ("Time saved a year", self.impact),
            ("Status", self.status),
            ("Notes", self.notes),
        ):
            field.setAccessibleName(label)
        column = QVBoxLayout(self)
        column.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # wrapped text grows it
        column.addLayout(form)
        column.addWidget(self.warning)
        column.addWidget(self.buttons)

    def _fill(self, action: Action) -> None:
        self.future.show_action(action)
        self.verb.setCurrentIndex(max(self.verb.findData(action.verb), 0))
        self.title.setText(action.title)
        known = {step.id for step in self.process.steps}
        for step_id in (i for i in action.steps if i not in known):  # kept until unticked
            item = QListWidgetItem(f"{step_id} (no longer on the map)", self.steps)
            item.setData(ID_ROLE, step_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        for row in range(self.steps.count()):
            item = self.steps.item(row)
            checked = item.data(ID_ROLE) in action.steps
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        index = self.finding.findData(action.finding)
        if index < 0 and action.finding:
            self.finding.addItem(f"{action.finding} (no longer on the map)", action.finding)
            index = self.finding.count() - 1
        self.finding.setCurrentIndex(max(index, 0))
        self.owner.setText(action.owner)
        self.due.set_date(action.due)
        self.effort.setValue(action.effort)
        minutes = action.impact_minutes_per_year
        self.impact.setText(format_duration(minutes) if minutes is not None else "")
        self.status.setCurrentIndex(max(self.status.findData(action.status), 0))
        self.notes.setPlainText(action.notes)

    # Reading back

    def chosen_steps(self) -> tuple[str, ...]:
        items = (self.steps.item(row) for row in range(self.steps.count()))
        return tuple(
            item.data(ID_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked
        )

    def chosen_finding(self) -> Finding | None:
        key = self.finding.currentData()
        return next((finding for finding in self.findings if finding.key == key), None)

    def typed_impact(self) -> float | None:
        """The typed time saved a year in minutes; None when blank; DurationError if unclear."""
        text = self.impact.text().strip()
        return parse_duration(text, default_unit="h") if text else None

    def action(self) -> Action:
        """The action as the fields say (an unreadable time keeps the old one)."""
        try:
            impact = self.typed_impact()
        except DurationError:
            impact = self.original.impact_minutes_per_year
        return replace(
            self.original,
            verb=self.verb.currentData(),
            title=self.title.text().strip(),
            steps=self.chosen_steps(),
            finding=self.finding.currentData() or "",
            owner=self.owner.text().strip(),
            due=self.original.due if self.due.error() else self.due.valid_date(),
            effort=self.effort.value(),
            impact_minutes_per_year=impact,
            status=self.status.currentData(),
            notes=self.notes.toPlainText(),
            extra=self.future.extra_for(self.original),
        )

    # Feedback

    def _refresh(self) -> None:
        self._refresh_impact()
        action = self.action()
        self.warning.setText(automation_warning(with_action(self.process, action), action))
        self.warning.setVisible(bool(self.warning.text()))

    def _refresh_impact(self) -> None:
        finding = self.chosen_finding()
        estimate = "no finding chosen: type the time it saves"
        if finding is not None:
            draft = Action("", self.verb.currentData(), "")
            impact = estimated_impact(draft, finding, self.process.runs_per_year)
            words = impact_words(impact, self.process.currency)
            estimate = f"est. {'; '.join(words) or 'nothing this verb changes'}"
        self.impact.setPlaceholderText(estimate)
        try:
            self.typed_impact()
        except DurationError as error:
            self.impact_note.setText(str(error))
            save_ok = False
        else:
            self.impact_note.setText(
                "Leave blank to take it from the finding; a bare number is hours."
            )
            save_ok = True
        save_ok = save_ok and not self.due.error()
        save_ok = self.future.check() and save_ok
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(save_ok)
