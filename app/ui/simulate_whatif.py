"""The Simulate tab's what-if changes of one scenario: a step's new hands-on time (typical,
best, worst, typed with their unit) and each lane's working hours (days and a daily window).

Empty fields keep the map's values, shown greyed in each field. A field left with a value the
simulation could not use is named in one sentence and not kept; the typed text stays.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.process.durations import format_duration
from app.process.model import Lane, Process, Step
from app.process.staffing import lane_hours, touch_range
from app.simulation.describe import hours_text, scenario_changes
from app.simulation.saved import scenario_from_document
from app.simulation.typed import read_hours_fields, read_step_time
from app.ui.simulate_staffing import hours_tip, make_table

TIME_FIELDS = ("typical", "best", "worst")
HOURS_COLUMNS = ("Lane", "Working days", "From", "To")


class WhatIfEditor(QWidget):
    """Edits the step-time and hours changes of one scenario; ``changed`` carries them."""

    changed = Signal(object)  # {"step_times": {...}, "hours": {...}}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.process = Process(name="")
        self.changes: dict[str, Any] = {}
        self.name = ""
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.step = QComboBox(self)
        self.step.setAccessibleName("Step whose hands-on time changes")
        self.step.currentIndexChanged.connect(lambda _index: self._show_step())
        self.times = {key: self._line(f"{key} hands-on time") for key in TIME_FIELDS}
        self.reset = QPushButton("Keep the map's time", self)
        self.reset.clicked.connect(self._reset_step)
        self.hours = make_table(HOURS_COLUMNS, self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828")
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("Step", self.step)
        for key, line in self.times.items():
            form.addRow(f"{key.capitalize()} hands-on time", line)
        form.addRow("", self.reset)
        hours = QVBoxLayout()
        hours.addWidget(QLabel("Working hours per lane (empty: as mapped)", self))
        hours.addWidget(self.hours, 1)
        columns = QHBoxLayout()
        columns.addLayout(form, 2)
        columns.addLayout(hours, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(columns, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        header = self.hours.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def _line(self, name: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setAccessibleName(name.capitalize())
        line.setToolTip("Minutes, hours or days with their unit, e.g. 5 min or 1.5 h")
        line.editingFinished.connect(self.save)
        return line

    def show_scenario(self, process: Process, name: str, changes: Mapping[str, Any]) -> None:
        """Show the changes of scenario ``name`` on ``process`` (the map of its state).

        Fields are rebuilt only when what they show changed, so Tab from one to the next
        keeps its place while each edit is saved.
        """
        shown = (process.steps, process.lanes, name, _kept(changes))
        if shown == (self.process.steps, self.process.lanes, self.name, _kept(self.changes)):
            self.process = process
            return
        self.process, self.name, self.changes = process, name, _kept(changes)
        self.heading.setText(
            f"Changes in “{name}”: a step's hands-on time, and working hours per lane."
        )
        self.problem.clear()
        self._fill_steps(process.steps)
        self._fill_hours(process.lanes)
        self._show_summary()

    def _fill_steps(self, steps: tuple[Step, ...]) -> None:
        chosen = self.step.currentData()
        self.step.blockSignals(True)
        self.step.clear()
        timed = self.changes.get("step_times", {})
        for step in steps:
            mark = " (changed)" if step.id in timed else ""
            self.step.addItem(f"{step.name}{mark}", step.id)
        self.step.setCurrentIndex(max(0, self.step.findData(chosen)))
        self.step.blockSignals(False)
        self._show_step()

    def _show_step(self) -> None:
        step = self.process.step_by_id().get(self.step.currentData())
        time = self.changes.get("step_times", {}).get(self.step.currentData(), {})
        mapped = _mapped_times(step)
        for key, line in self.times.items():
            value = time.get(key) if isinstance(time, Mapping) else None
            line.setText(format_duration(value) if isinstance(value, int | float) else "")
            line.setPlaceholderText(f"as mapped: {mapped[key]}")
        self.reset.setEnabled(bool(time))

    def _fill_hours(self, lanes: tuple[Lane, ...]) -> None:
        hours = self.changes.get("hours", {})
        self.hours.setRowCount(len(lanes))
        for row, lane in enumerate(lanes):
            self.hours.setCellWidget(row, 0, QLabel(lane.name))
            given = hours.get(lane.id) if isinstance(hours, Mapping) else None
            texts = _hours_texts(given)
            mapped = hours_text(lane_hours(lane))
            for column, text in enumerate(texts, start=1):
                line = QLineEdit(text)
                line.setToolTip(hours_tip(column + 1))
                line.setPlaceholderText(f"as mapped: {mapped}" if column == 1 else "")
                line.setAccessibleName(f"{lane.name}: {HOURS_COLUMNS[column].lower()}")
                line.editingFinished.connect(self.save)
                self.hours.setCellWidget(row, column, line)

    def _reset_step(self) -> None:
        for line in self.times.values():
            line.clear()
        self.save()

    def save(self) -> None:
        """Read every field; name the first unusable one, else emit the changes."""
        try:
            changes = {"step_times": self._read_times(), "hours": self._read_hours()}
        except ValueError as error:
            self.problem.setText(str(error))
            return
        self.problem.clear()
        if _kept(changes) != _kept(self.changes):
            self.changes = _kept(changes)
            self._fill_steps(self.process.steps)
            self._show_summary()
            self.changed.emit(changes)

    def _read_times(self) -> dict[str, Any]:
        times = dict(self.changes.get("step_times", {}))
        step = self.process.step_by_id().get(self.step.currentData())
        if step is None:
            return times
        texts = {key: line.text() for key, line in self.times.items()}
        time = read_step_time(f"{self.name}, '{step.name}'", step, texts)
        if time is None:
            times.pop(step.id, None)
        else:
            times[step.id] = time
        return times

    def _read_hours(self) -> dict[str, Any]:
        hours = {}
        for row, lane in enumerate(self.process.lanes):
            texts = [_text(self.hours.cellWidget(row, column)) for column in (1, 2, 3)]
            document = read_hours_fields(f"{self.name}, {lane.name}", texts)
            if document is not None:
                hours[lane.id] = document
        return hours

    def _show_summary(self) -> None:
        scenario = scenario_from_document({"name": self.name, **self.changes})
        words = "; ".join(scenario_changes(self.process, scenario))
        none = not (scenario.step_times or scenario.hours)
        self.summary.setText("No step time or hours changed." if none else f"Changes: {words}.")


def _kept(changes: Mapping[str, Any]) -> dict[str, Any]:
    """The changes as a scenario row keeps them: empty kinds left out."""
    return {key: value for key, value in changes.items() if value}


def _mapped_times(step: Step | None) -> dict[str, str]:
    if step is None:
        return dict.fromkeys(TIME_FIELDS, "")
    best, worst = touch_range(step) or (step.touch_minutes, step.touch_minutes)
    values = (step.touch_minutes, best, worst)
    return {key: format_duration(value) for key, value in zip(TIME_FIELDS, values, strict=True)}


def _hours_texts(given: Any) -> tuple[str, str, str]:
    if not isinstance(given, Mapping):
        return "", "", ""
    days = given.get("days")
    day_text = " ".join(str(day) for day in days) if isinstance(days, list) else ""
    return day_text, str(given.get("start", "")), str(given.get("end", ""))


def _text(widget: QWidget | None) -> str:
    return widget.text().strip() if isinstance(widget, QLineEdit) else ""
