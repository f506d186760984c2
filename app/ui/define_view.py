"""The Define page of a process: its SIPOC data, edited in place and saved as typed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.process.model import Process
from app.ui.store import ProcessStore


class PlainTextField(QPlainTextEdit):
    """A multi-line field that reports when editing ends, like QLineEdit.editingFinished."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One Define field: the process attribute, its label and how it is typed."""

    name: str
    label: str
    kind: str = "line"  # line | text | number | money
    hint: str = ""


SECTIONS: tuple[tuple[str, tuple[FieldSpec, ...]], ...] = (
    (
        "The process",
        (
            FieldSpec("name", "Name", hint="Verb + noun, e.g. “Issue a customer quote”"),
            FieldSpec("description", "Description", "text"),
            FieldSpec("trigger", "Trigger", hint="What starts it?"),
            FieldSpec("outcome", "Outcome", hint="What does “done” look like?"),
            FieldSpec("owner", "Process owner"),
            FieldSpec("organisation", "Organisation"),
        ),
    ),
    (
        "Customer",
        (
            FieldSpec("customer", "Customer"),
            FieldSpec(
                "customer_need", "Their need", hint="Pushed to a number: “within 2 working days”"
            ),
            FieldSpec("inputs", "Inputs and suppliers", "text"),
        ),
    ),
    (
        "Why now and scope",
        (
            FieldSpec(
                "problem", "Problem today", "text", hint="What goes wrong, and why fix it now?"
            ),
            FieldSpec("scope_in", "In scope", "text"),
            FieldSpec("scope_out", "Out of scope", "text"),
        ),
    ),
    (
        "Volume and cost",
        (
            FieldSpec("runs_per_year", "Runs per year", "number"),
            FieldSpec("hourly_rate", "Hourly rate", "money", hint="Loaded cost of an hour of work"),
            FieldSpec("currency", "Currency"),
        ),
    ),
)


class DefineView(QScrollArea):
    """Shows one process's Define data; every edit is saved when the field is left."""

    def __init__(self, store: ProcessStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.process_id = ""
        self.editors: dict[str, QWidget] = {}
        self.readers: dict[str, Callable[[], Any]] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.column = QVBoxLayout(body)
        self.column.setContentsMargins(24, 16, 24, 24)
        self.column.setSpacing(16)
        self.error = QLabel(body)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.column.addWidget(self.error)
        for title, fields in SECTIONS:
            self.column.addWidget(self._section(title, fields))
        self._align_labels()
        self.people = QLabel(body)
        self.people.setWordWrap(True)
        self.people.setTextFormat(Qt.TextFormat.PlainText)
        self.column.addWidget(self._wrap("Interviews and roles", self.people))
        self.column.addStretch(1)
        self.setWidget(body)
        store.process_changed.connect(self._changed_elsewhere)

    def _section(self, title: str, fields: tuple[FieldSpec, ...]) -> QGroupBox:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for spec in fields:
            editor = self._editor(spec)
            label = QLabel(spec.label + ":", box)
            label.setBuddy(editor)
            form.addRow(label, editor)
        return box

    def _align_labels(self) -> None:
        """Give every section's labels one width, so the fields line up down the page."""
        labels = [label for label in self.findChildren(QLabel) if label.buddy() is not None]
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)

    def _wrap(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        QVBoxLayout(box).addWidget(widget)
        return box

    def _editor(self, spec: FieldSpec) -> QWidget:
        editor: QWidget
        if spec.kind == "text":
            text_field = PlainTextField(self)
            text_field.setTabChangesFocus(True)
            text_field.setFixedHeight(text_field.fontMetrics().lineSpacing() * 4 + 12)
            text_field.editing_finished.connect(lambda: self._save(spec.name))
            self.readers[spec.name] = text_field.toPlainText
            editor = text_field
        elif spec.kind in ("number", "money"):
            spin = QDoubleSpinBox(self)
            spin.setRange(0, 1e9)
            spin.setDecimals(2 if spec.kind == "money" else 0)
            spin.setGroupSeparatorShown(True)
            spin.setSuffix(" runs" if spec.kind == "number" else " an hour")
            spin.editingFinished.connect(lambda: self._save(spec.name))
            self.readers[spec.name] = spin.value
            editor = spin
        else:
            line = QLineEdit(self)
            line.setPlaceholderText(spec.hint)
            line.editingFinished.connect(lambda: self._save(spec.name))
            self.readers[spec.name] = line.text
            editor = line
        editor.setAccessibleName(spec.label)
        if spec.hint:
            editor.setToolTip(spec.hint)
        self.editors[spec.name] = editor
        return editor

    def show_process(self, process: Process) -> None:
        """Fill the fields from a snapshot.

        A reload of the same process leaves the field being typed in alone: its text is newer
        than the snapshot, and it is saved when the field is left.
        """
        same = process.id == self.process_id
        self.process_id = process.id
        self.error.hide()
        for name, editor in self.editors.items():
            if not (same and editor.hasFocus()):
                _set_value(editor, getattr(process, name))
        self.people.setText(_people_text(process))
        rate = self.editors.get("hourly_rate")
        if isinstance(rate, QDoubleSpinBox):  # the unit typed in: "45.00 USD an hour"
            rate.setSuffix(f" {process.currency} an hour" if process.currency else " an hour")

    def _changed_elsewhere(self, process_id: str) -> None:
        if process_id == self.process_id:
            self.show_process(self.store.load(process_id))

    def _save(self, name: str) -> None:
        if not self.process_id:
            return
        value = self.readers[name]()
        if name == "name" and not str(value).strip():
            self.show_process(self.store.load(self.process_id))
            self.error.setText("A process needs a name: the old name was kept.")
            self.error.show()
            return
        self.error.hide()
        self.store.update_fields(self.process_id, {name: value})


def _set_value(editor: QWidget, value: Any) -> None:
    editor.blockSignals(True)
    if isinstance(editor, QDoubleSpinBox):
        editor.setValue(float(value))
    elif isinstance(editor, QPlainTextEdit):
        if editor.toPlainText() != value:
            editor.setPlainText(value)
    elif isinstance(editor, QLineEdit) and editor.text() != value:
        editor.setText(value)
        editor.setCursorPosition(0)
    editor.blockSignals(False)


def _people_text(process: Process) -> str:
    lines = []
    for interview in process.interviews:
        when = interview.date.strftime("%d %b %Y") if interview.date else "date not recorded"
        who = interview.interviewee or "someone"
        role = f" ({interview.role})" if interview.role else ""
        by = f", interviewed by {interview.interviewer}" if interview.interviewer else ""
        lines.append(f"{who}{role}{by}, {when}")
    if not lines:
        lines.append("No interview recorded yet.")
    lanes = ", ".join(lane.name for lane in process.lanes) or "none yet"
    lines.append(f"Roles and systems (lanes): {lanes}")
    lines.append(
        f"{len(process.steps)} steps, {len(process.flows)} flows, {len(process.goals)} goals"
    )
    return "\n".join(lines)
