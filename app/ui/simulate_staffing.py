"""Staffing and times of the map, edited in the Simulate tab: per lane its people and working
hours, per step its best and worst hands-on time and what its wait is for.

Each edit is saved when a field is left (one undoable edit). A value the simulation could not
use is named in one sentence under the tables and not saved; the typed text stays in its field.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.process.durations import DurationError, format_duration, parse_duration
from app.process.fields import Problems
from app.process.model import Lane, Process, Step
from app.process.staffing import check_staffing, lane_people, touch_range, wait_for
from app.simulation.typed import read_days

WAIT_CHOICES = (("", "—"), ("queue", "its lane's queue"), ("outside", "outside (kept as typed)"))
LANE_COLUMNS = ("Lane", "People", "Working days", "From", "To")
STEP_COLUMNS = ("Step", "Typical", "Best", "Worst", "The wait is for")


LANE_KEYS = ("people", "working_hours")  # what this editor owns of a lane's extra
STEP_KEYS = ("touch_best_minutes", "touch_worst_minutes", "wait_for")
Item = TypeVar("Item", Lane, Step)


class StaffingEditor(QWidget):
    """Edits the staffing keys of one process; ``edited`` carries the snapshot to save."""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.process: Process | None = None
        self.filled: Process | None = None  # the snapshot whose lanes and steps the rows show
        self.shown: tuple[object, ...] = ()
        self.pending = False
        self.lanes = make_table(LANE_COLUMNS, self)
        self.steps = make_table(STEP_COLUMNS, self)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828")
        layout = QVBoxLayout(self)
        layout.addWidget(self.lanes, 1)
        layout.addWidget(self.steps, 2)
        layout.addWidget(self.problem)

    def show_process(self, process: Process) -> None:
        """Fill the tables (when they are seen), unless a field is being typed in."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused) and self.process is not None:
            self.process = process
            return
        self.process = process
        self.pending = not self.isVisible()  # a 300-step map costs 0.3 s: fill when seen
        if not self.pending:
            self._fill(process)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.pending and self.process is not None:
            self.pending = False
            self._fill(self.process)

    def _fill(self, process: Process) -> None:
        if _shown(process) == self.shown:
            return  # nothing the tables show changed: leave every field as it is
        self.shown, self.filled = _shown(process), process
        self.lanes.setRowCount(0)
        self.steps.setRowCount(0)
        self.lanes.setRowCount(len(process.lanes))
        for row, lane in enumerate(process.lanes):
            self._fill_lane(row, lane)
        self.steps.setRowCount(len(process.steps))
        for row, step in enumerate(process.steps):
            self._fill_step(row, step)

    def _fill_lane(self, row: int, lane: Lane) -> None:
        self.lanes.setItem(row, 0, _label(lane.name))
        people = QSpinBox()
        people.setRange(-1, 9999)
        people.setSpecialValueText("unlimited")
        value = lane_people(lane)
        people.setValue(-1 if value is None else value)
        people.editingFinished.connect(self.save)
        self.lanes.setCellWidget(row, 1, people)
        hours = lane.extra.get("working_hours")
        hours = hours if isinstance(hours, dict) else {}
        days = hours.get("days")
        days = days if isinstance(days, list) else []
        texts = (" ".join(str(d) for d in days), hours.get("start", ""), hours.get("end", ""))
        for column, text in enumerate(texts, start=2):
            self.lanes.setCellWidget(row, column, self._line(str(text or ""), hours_tip(column)))

    def _fill_step(self, row: int, step: Step) -> None:
        self.steps.setItem(row, 0, _label(step.name))
        self.steps.setItem(row, 1, _label(format_duration(step.touch_minutes)))
        span = touch_range(step)
        for column, value in enumerate(span or ("", ""), start=2):
            text = format_duration(value) if isinstance(value, float) else ""
            self.steps.setCellWidget(row, column, self._line(text, "e.g. 5 min; empty = fixed"))
        box = QComboBox()
        for data, text in WAIT_CHOICES:
            box.addItem(text, data)
        box.setCurrentIndex(max(0, box.findData(wait_for(step) or "")))
        box.currentIndexChanged.connect(self.save)
        self.steps.setCellWidget(row, 4, box)

    def _line(self, text: str, tip: str) -> QLineEdit:
        line = QLineEdit(text)
        line.setToolTip(tip)
        line.editingFinished.connect(self.save)
        return line

    def save(self) -> None:
        """Read every field; name the first unusable one, else emit the edited snapshot.

        Each row is read against the lane or step it was filled from and its staffing keys
        merged into the latest snapshot by id: a lane added or a step moved meanwhile (another
        window, undo) never takes another row's values.
        """
        if self.process is None or self.filled is None or self.pending:
            return
        try:
            read_lanes = {
                lane.id: self._read_lane(row, lane) for row, lane in enumerate(self.filled.lanes)
            }
            read_steps = {
                step.id: self._read_step(row, step) for row, step in enumerate(self.filled.steps)
            }
        except ValueError as error:
            self.problem.setText(str(error))
            return
        lanes = tuple(
            _merged(lane, read_lanes.get(lane.id), LANE_KEYS) for lane in self.process.lanes
        )
        steps = tuple(
            _merged(step, read_steps.get(step.id), STEP_KEYS) for step in self.process.steps
        )
        problems = Problems()
        check_staffing(lanes, steps, problems)
        self.problem.setText(problems.items[0] if problems else "")
        changed = replace(self.process, lanes=lanes, steps=steps)
        if not problems and changed != self.process:
            self.process, self.shown = changed, _shown(changed)
            self.edited.emit(changed)

    def _read_lane(self, row: int, lane: Lane) -> Lane:
        extra = {k: v for k, v in lane.extra.items() if k not in LANE_KEYS}
        people = self.lanes.cellWidget(row, 1)
        if isinstance(people, QSpinBox) and people.value() >= 0:
            extra["people"] = people.value()
        days, start, end = (_text(self.lanes.cellWidget(row, column)) for column in (2, 3, 4))
        if days or start or end:
            extra["working_hours"] = {
                "days": read_days(days, lane.name),
                "start": start,
                "end": end,
            }
        return replace(lane, extra=extra)

    def _read_step(self, row: int, step: Step) -> Step:
        extra: dict[str, Any] = {k: v for k, v in step.extra.items() if k not in STEP_KEYS}
        for column, key in ((2, "touch_best_minutes"), (3, "touch_worst_minutes")):
            text = _text(self.steps.cellWidget(row, column))
            if text:
                extra[key] = _minutes(text, f"'{step.name}', {STEP_COLUMNS[column].lower()}")
        box = self.steps.cellWidget(row, 4)
        if isinstance(box, QComboBox) and box.currentData():
            extra["wait_for"] = box.currentData()
        return replace(step, extra=extra)


def _merged(item: Item, read: Item | None, keys: tuple[str, ...]) -> Item:
    """``item`` with the staffing ``keys`` as its row read them (unchanged without a row)."""
    if read is None:
        return item
    extra = {k: v for k, v in item.extra.items() if k not in keys}
    extra.update({k: v for k, v in read.extra.items() if k in keys})
    return replace(item, extra=extra)


def _shown(process: Process) -> tuple[object, ...]:
    """What the tables show of a process, to tell whether they need filling again."""
    lanes = tuple((lane.id, lane.name, repr(sorted(lane.extra.items()))) for lane in process.lanes)
    steps = tuple(
        (step.id, step.name, step.touch_minutes, touch_range(step), wait_for(step))
        for step in process.steps
    )
    return lanes, steps


def make_table(columns: tuple[str, ...], parent: QWidget) -> QTableWidget:
    """A table of cell widgets with these column titles, sized to its content."""
    table = QTableWidget(0, len(columns), parent)
    table.setHorizontalHeaderLabels(list(columns))
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _label(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _text(widget: QWidget | None) -> str:
    return widget.text().strip() if isinstance(widget, QLineEdit) else ""


def hours_tip(column: int) -> str:
    """The tooltip of a working-hours field (columns 2–4 of the lanes table)."""
    tips: dict[int, str] = {
        2: "e.g. mon tue wed thu fri, or mon-fri; empty = around the clock",
        3: "opens at, HH:MM",
        4: "closes at, HH:MM",
    }
    return tips[column]


def _minutes(text: str, place: str) -> float:
    try:
        return parse_duration(text)
    except DurationError as error:
        raise ValueError(f"{place}: {error}") from error
