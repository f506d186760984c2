"""The step editor beside the map: every field of one step, each saved when it is left.

The panel only reads and reports: it emits ``changed(step_id, {field: value})`` and the map
page turns that into one undoable edit. Durations are typed naturally ("2h 30m"); a duration
that cannot be read shows its sentence beside the field and nothing is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.process.durations import DurationError, format_duration, parse_duration
from app.process.model import STEP_KINDS, VALUE_CLASSES, Process, Step
from app.ui.define_view import PlainTextField
from app.ui.map.edits import split_systems

VALUE_LABELS = {
    None: "Unclassified",
    "value-added": "Value-added",
    "business-necessary": "Business-necessary",
    "non-value-added": "Non-value-added",
}


class StepPanel(QScrollArea):
    """Edits one step; shows a hint when no step is selected."""

    changed = Signal(str, dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step_id = ""
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(230)
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(12, 12, 12, 12)
        self.title = QLabel("Select a step on the map to edit it.", body)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.title)
        self.form_box = QWidget(body)
        self.form = QFormLayout(self.form_box)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self._build_fields()
        column.addWidget(self.form_box)
        column.addStretch(1)
        self.setWidget(body)
        self.form_box.setEnabled(False)

    def _build_fields(self) -> None:
        self.name = self._line("Name", "name")
        self.lane = self._combo("Lane", "lane")
        self.kind = self._combo("Kind", "kind")
        for kind in STEP_KINDS:
            self.kind.addItem(kind.capitalize(), kind)
        self.touch, self.touch_error = self._duration("Touch time (min)", "touch_minutes")
        self.wait, self.wait_error = self._duration("Wait before (min)", "wait_minutes")
        self.value = self._combo("Value", "value")
        for value in (None, *VALUE_CLASSES):
            self.value.addItem(VALUE_LABELS[value], value)
        self.why = self._text("Why does it exist?", "why")
        self.habit = self._check("Done out of habit", "habit")
        self.systems = self._line("Systems (comma-separated)", "systems")
        self.rekeys = self._check("Re-keys data that exists elsewhere", "rekeys_data")
        self.pain = self._text("Pain points", "pain_points")
        self.notes = self._text("Notes", "notes")

    def _row(self, label: str, editor: QWidget, after: QWidget | None = None) -> None:
        editor.setAccessibleName(label)
        caption = QLabel(label if label.endswith("?") else label + ":", self.form_box)
        caption.setBuddy(editor)
        self.form.addRow(caption, editor)
        if after is not None:
            self.form.addRow(after)

    def _line(self, label: str, field: str) -> QLineEdit:
        line = QLineEdit(self.form_box)
        line.editingFinished.connect(lambda: self._line_done(field, line.text()))
        self._row(label, line)
        return line

    def _combo(self, label: str, field: str) -> QComboBox:
        combo = QComboBox(self.form_box)
        combo.activated.connect(lambda _index: self._emit({field: combo.currentData()}))
        self._row(label, combo)
        return combo

    def _check(self, label: str, field: str) -> QCheckBox:
        box = QCheckBox(label, self.form_box)
        box.setAccessibleName(label)
        box.clicked.connect(lambda checked: self._emit({field: bool(checked)}))
        self.form.addRow(box)
        return box

    def _text(self, label: str, field: str) -> PlainTextField:
        text = PlainTextField(self.form_box)
        text.setTabChangesFocus(True)
        text.setFixedHeight(text.fontMetrics().lineSpacing() * 3 + 12)
        text.editing_finished.connect(lambda: self._emit({field: text.toPlainText()}))
        self._row(label, text)
        return text

    def _duration(self, label: str, field: str) -> tuple[QLineEdit, QLabel]:
        line = QLineEdit(self.form_box)
        line.setPlaceholderText("e.g. 10 (minutes), 2 h 30 min, 3 days")
        error = QLabel(self.form_box)
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setStyleSheet("color: #c0392b;")
        error.hide()
        line.editingFinished.connect(lambda: self._duration_done(field, line, error))
        self._row(label, line, error)
        return line, error

    # Showing a step

    def show_step(self, process: Process | None, step_id: str | None) -> None:
        """Fill the fields from a step of ``process`` (or clear them)."""
        step = process.step_by_id().get(step_id or "") if process else None
        self.form_box.setEnabled(step is not None)
        if process is None or step is None:
            self.step_id = ""
            self.title.setText("Select a step on the map to edit it.")
            return
        same = step.id == self.step_id
        if not same:
            self.touch_error.hide()
            self.wait_error.hide()
        self.step_id = step.id
        self.title.setText("Edit step")
        self._fill(process, step, keep_typing=same)

    def _fill(self, process: Process, step: Step, *, keep_typing: bool) -> None:
        """Show ``step``; with ``keep_typing`` the field being typed in keeps its newer text."""
        _set_text(self.name, step.name, keep_typing)
        self.lane.clear()
        for lane in process.lanes:
            self.lane.addItem(lane.name, lane.id)
        if self.lane.findData(step.lane) < 0:
            self.lane.addItem(step.lane, step.lane)
        self.lane.setCurrentIndex(self.lane.findData(step.lane))
        self.kind.setCurrentIndex(self.kind.findData(step.kind))
        self.value.setCurrentIndex(max(0, self.value.findData(step.value)))
        if not self.touch_error.isVisible():
            _set_text(self.touch, format_duration(step.touch_minutes), keep_typing)
        if not self.wait_error.isVisible():
            _set_text(self.wait, format_duration(step.wait_minutes), keep_typing)
        _set_text(self.systems, ", ".join(step.systems), keep_typing)
        self.habit.setChecked(step.habit)
        self.rekeys.setChecked(step.rekeys_data)
        for field, value in ((self.why, step.why), (self.pain, step.pain_points)):
            _set_plain(field, value, keep_typing)
        _set_plain(self.notes, step.notes, keep_typing)

    # Reporting edits

    def _emit(self, changes: dict[str, Any]) -> None:
        if self.step_id:
            self.changed.emit(self.step_id, changes)

    def _line_done(self, field: str, text: str) -> None:
        if field == "systems":
            self._emit({"systems": split_systems(text)})
        elif field == "name":
            if text.strip():
                self._emit({"name": text.strip()})
        else:
            self._emit({field: text})

    def _duration_done(self, field: str, line: QLineEdit, error: QLabel) -> None:
        try:
            minutes = parse_duration(line.text())
        except DurationError as problem:
            error.setText(str(problem))
            error.show()
            return
        error.hide()
        self._emit({field: minutes})


def _set_text(line: QLineEdit, text: str, keep_typing: bool = False) -> None:
    if keep_typing and line.hasFocus():
        return
    if line.text() != text:
        line.setText(text)
        line.setCursorPosition(0)


def _set_plain(field: PlainTextField, text: str, keep_typing: bool = False) -> None:
    if keep_typing and field.hasFocus():
        return
    if field.toPlainText() != text:
        field.setPlainText(text)
