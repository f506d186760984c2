"""The Simulate tab's scenario table: up to four what-ifs, one row each — a name, the state
(current or future), a demand factor and the people per lane ("as mapped" keeps the map's).

Scenarios are kept in the process's ``extra["simulation_scenarios"]``, so they survive a restart
and travel in the process file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

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
from app.simulation.scenario import Scenario

MAX_SCENARIOS = 4
EXTRA_KEY = "simulation_scenarios"
FIXED_COLUMNS = ("Scenario", "State", "Demand ×")


class ScenarioTable(QTableWidget):
    """Edits the scenarios of one process; ``scenarios()`` reads them back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(FIXED_COLUMNS), parent)
        self.lanes: tuple[Lane, ...] = ()
        self.has_future = False
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def show_process(self, process: Process) -> None:
        """Lay the table out for the process's lanes and fill it with its saved scenarios."""
        self.lanes = process.lanes
        self.has_future = process.future_state is not None
        self.setRowCount(0)
        self.setColumnCount(len(FIXED_COLUMNS) + len(self.lanes))
        self.setHorizontalHeaderLabels([*FIXED_COLUMNS, *(lane.name for lane in self.lanes)])
        for saved in saved_scenarios(process) or [{"name": "Current"}]:
            self.add_row(saved)

    def add_row(self, saved: Mapping[str, Any] | None = None) -> None:
        """Add a scenario (at most four); new rows start from the current state as mapped."""
        if self.rowCount() >= MAX_SCENARIOS:
            return
        saved = saved or {"name": f"What-if {self.rowCount()}"}
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, 0, QTableWidgetItem(str(saved.get("name", ""))))
        self.setCellWidget(row, 1, self._state_box(str(saved.get("state", "current"))))
        self.setCellWidget(row, 2, _demand_box(saved.get("demand", 1.0)))
        people = saved.get("people", {})
        for column, lane in enumerate(self.lanes, start=len(FIXED_COLUMNS)):
            chosen = people.get(lane.id) if isinstance(people, Mapping) else None
            self.setCellWidget(row, column, _people_box(lane, chosen))

    def remove_current(self) -> None:
        if self.rowCount() > 1:
            self.removeRow(max(0, self.currentRow()))

    def _state_box(self, state: str) -> QComboBox:
        box = QComboBox(self)
        box.addItem("Current", "current")
        if self.has_future:
            box.addItem("Future", "future")
        box.setCurrentIndex(max(0, box.findData(state)))
        return box

    def scenarios(self) -> list[Scenario]:
        """The scenarios as typed, in order."""
        return [_scenario(document) for document in self.documents()]

    def documents(self) -> list[dict[str, Any]]:
        """The scenarios in their saved form."""
        return [self._document(row) for row in range(self.rowCount())]

    def _document(self, row: int) -> dict[str, Any]:
        name_item = self.item(row, 0)
        name = name_item.text().strip() if name_item else ""
        state, demand = self.cellWidget(row, 1), self.cellWidget(row, 2)
        assert isinstance(state, QComboBox)
        assert isinstance(demand, QDoubleSpinBox)
        people = {}
        for column, lane in enumerate(self.lanes, start=len(FIXED_COLUMNS)):
            box = self.cellWidget(row, column)
            if isinstance(box, QSpinBox) and box.value() > 0:
                people[lane.id] = box.value()
        return {
            "name": name or f"Scenario {row + 1}",
            "state": state.currentData(),
            "demand": demand.value(),
            "people": people,
        }


def saved_scenarios(process: Process) -> list[Mapping[str, Any]]:
    """The scenarios saved with the process (anything unreadable is left out)."""
    value = process.extra.get(EXTRA_KEY)
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, Mapping)][:MAX_SCENARIOS]


def _scenario(document: Mapping[str, Any]) -> Scenario:
    return Scenario(
        name=document["name"],
        state=document["state"],
        demand=document["demand"],
        people=dict(document["people"]),
    )


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
