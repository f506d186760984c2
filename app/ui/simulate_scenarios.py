"""The Simulate tab's scenario table: up to four what-ifs, one row each — a name, whether it
goes into the printed plan, the state (current or future), a demand factor and the people per
lane ("as mapped" keeps the map's). A row's step-time and working-hours changes ride along
unseen (``simulate_whatif`` edits them).

Scenarios are kept in the process's ``extra["simulation_scenarios"]`` (app.simulation.saved),
so they survive a restart and travel in the process file; ``edited`` says when to save.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHeaderView,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.process.model import Lane, Process
from app.process.staffing import lane_people
from app.simulation.saved import (
    MAX_SCENARIOS,
    SCENARIOS_KEY,
    saved_documents,
    scenario_from_document,
)
from app.simulation.scenario import Scenario

EXTRA_KEY = SCENARIOS_KEY
NAME, IN_PLAN, STATE, DEMAND = range(4)
FIXED_COLUMNS = ("Scenario", "In the plan", "State", "Demand ×")
HIDDEN_KEYS = ("step_times", "hours")  # edited beside the table, kept on the name cell
PLAN_TIP = "Print this scenario, simulated with the same seed, in the PDF improvement plan"


class ScenarioTable(QTableWidget):
    """Edits the scenarios of one process; ``scenarios()`` reads them back."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(FIXED_COLUMNS), parent)
        self.lanes: tuple[Lane, ...] = ()
        self.has_future = False
        self.shown: object = None  # the saved documents the rows were built from
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(False)  # a squeezed last box is unusable
        self.setAccessibleName("Scenarios")
        self.itemChanged.connect(lambda _item: self.edited.emit())

    def show_process(self, process: Process) -> None:
        """Lay the table out for the process's lanes and fill it with its saved scenarios."""
        blocked = self.blockSignals(True)
        self.lanes = process.lanes
        self.has_future = process.future_state is not None
        self.setRowCount(0)
        self.setColumnCount(len(FIXED_COLUMNS) + len(self.lanes))
        self.setHorizontalHeaderLabels([*FIXED_COLUMNS, *(lane.name for lane in self.lanes)])
        header = self.horizontalHeaderItem(IN_PLAN)
        if header is not None:
            header.setToolTip(PLAN_TIP)
        for saved in saved_documents(process) or [{"name": "Current"}]:
            self.add_row(saved)
        self.shown = process.extra.get(EXTRA_KEY)
        self.blockSignals(blocked)

    def add_row(self, saved: Mapping[str, Any] | None = None) -> None:
        """Add a scenario (at most four); new rows start from the current state as mapped."""
        if self.rowCount() >= MAX_SCENARIOS:
            return
        saved = saved or {"name": f"What-if {self.rowCount()}"}
        blocked = self.blockSignals(True)  # half-built rows are not saved
        self._insert(saved)
        self.blockSignals(blocked)
        if not blocked:
            self.edited.emit()

    def _insert(self, saved: Mapping[str, Any]) -> None:
        row = self.rowCount()
        self.insertRow(row)
        name = QTableWidgetItem(str(saved.get("name", "")))
        name.setData(Qt.ItemDataRole.UserRole, {k: saved[k] for k in HIDDEN_KEYS if k in saved})
        self.setItem(row, NAME, name)
        self.setItem(row, IN_PLAN, _plan_item(saved.get("in_plan") is True))
        self.setCellWidget(row, STATE, self._state_box(str(saved.get("state", "current"))))
        self.setCellWidget(row, DEMAND, self._demand_box(saved.get("demand", 1.0)))
        people = saved.get("people", {})
        for column, lane in enumerate(self.lanes, start=len(FIXED_COLUMNS)):
            chosen = people.get(lane.id) if isinstance(people, Mapping) else None
            self.setCellWidget(row, column, self._people_box(lane, chosen))

    def remove_current(self) -> None:
        if self.rowCount() > 1:
            self.removeRow(max(0, self.currentRow()))
            self.edited.emit()

    def hidden(self, row: int) -> dict[str, Any]:
        """The step-time and hours changes of a row, in their saved form."""
        item = self.item(row, NAME)
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return dict(value) if isinstance(value, Mapping) else {}

    def set_hidden(self, row: int, changes: Mapping[str, Any]) -> None:
        """Replace the step-time and hours changes of a row."""
        item = self.item(row, NAME)
        if item is not None:
            item.setData(Qt.ItemDataRole.UserRole, {k: v for k, v in changes.items() if v})

    def _demand_box(self, value: Any) -> QDoubleSpinBox:
        box = _demand_box(value)
        box.editingFinished.connect(self.edited.emit)
        return box

    def _people_box(self, lane: Lane, chosen: Any) -> QSpinBox:
        box = _people_box(lane, chosen)
        box.editingFinished.connect(self.edited.emit)
        return box

    def _state_box(self, state: str) -> QComboBox:
        box = QComboBox(self)
        box.addItem("Current", "current")
        if self.has_future:
            box.addItem("Future", "future")
        box.setCurrentIndex(max(0, box.findData(state)))
        box.currentIndexChanged.connect(lambda _index: self.edited.emit())
        return box

    def scenarios(self) -> list[Scenario]:
        """The scenarios as typed, in order."""
        documents = self.documents()
        return [scenario_from_document(document, i) for i, document in enumerate(documents)]

    def documents(self) -> list[dict[str, Any]]:
        """The scenarios in their saved form."""
        return [self._document(row) for row in range(self.rowCount())]

    def _document(self, row: int) -> dict[str, Any]:
        name_item, plan = self.item(row, NAME), self.item(row, IN_PLAN)
        name = name_item.text().strip() if name_item else ""
        state, demand = self.cellWidget(row, STATE), self.cellWidget(row, DEMAND)
        assert isinstance(state, QComboBox)
        assert isinstance(demand, QDoubleSpinBox)
        people = {}
        for column, lane in enumerate(self.lanes, start=len(FIXED_COLUMNS)):
            box = self.cellWidget(row, column)
            if isinstance(box, QSpinBox) and box.value() > 0:
                people[lane.id] = box.value()
        return {
            "name": name or f"Scenario {row + 1}",
            "in_plan": plan is not None and plan.checkState() == Qt.CheckState.Checked,
            "state": state.currentData(),
            "demand": demand.value(),
            "people": people,
            **self.hidden(row),
        }


def _plan_item(checked: bool) -> QTableWidgetItem:
    item = QTableWidgetItem("")
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    item.setToolTip(PLAN_TIP)
    return item


def _demand_box(value: Any) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0.1, 100.0)
    box.setSingleStep(0.1)
    box.setDecimals(2)
    box.setSuffix(" ×")
    box.setValue(float(value) if isinstance(value, int | float) else 1.0)
    return box


def _people_box(lane: Lane, chosen: Any) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 999)
    mapped = lane_people(lane)
    box.setSpecialValueText("as mapped")
    box.setValue(chosen if isinstance(chosen, int) and chosen > 0 else 0)
    mapped_text = "unlimited" if mapped is None else str(mapped)
    box.setToolTip(f"People in {lane.name} for this scenario (as mapped: {mapped_text})")
    return box


def people_summary(lanes: Sequence[Lane]) -> str:
    """How the map staffs its lanes, for the tab's explanation line."""
    staffed = [f"{lane.name}: {lane_people(lane)}" for lane in lanes if lane_people(lane)]
    return ", ".join(staffed) if staffed else "no lane has a number of people yet (unlimited)"
