"""The "What-if times and hours" tab: pick a scenario of the table, change its step times and
lanes' hours; the changes ride on the scenario's row and are saved with it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from app.process.model import Process
from app.ui.simulate_scenarios import STATE, ScenarioTable
from app.ui.simulate_whatif import WhatIfEditor


class WhatIfTab(QWidget):
    """A scenario picker over the what-if editor, kept in step with the scenario table."""

    def __init__(self, table: ScenarioTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.process = Process(name="")
        self.scenario = QComboBox(self)
        self.scenario.setAccessibleName("Scenario whose times and hours change")
        self.editor = WhatIfEditor(self)
        picker = QFormLayout()
        picker.addRow("Scenario", self.scenario)
        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addWidget(self.editor, 1)
        self.scenario.currentIndexChanged.connect(lambda _index: self._show_row())
        self.editor.changed.connect(self._changed)
        table.edited.connect(self.refresh)
        table.currentCellChanged.connect(lambda row, *_: self._pick(row))

    def show_process(self, process: Process) -> None:
        self.process = process
        self.refresh()

    def refresh(self) -> None:
        """Follow the table's rows: their names, and the map of each one's state."""
        row = max(0, self.scenario.currentIndex())
        self.scenario.blockSignals(True)
        self.scenario.clear()
        self.scenario.addItems([document["name"] for document in self.table.documents()])
        self.scenario.setCurrentIndex(min(row, self.table.rowCount() - 1))
        self.scenario.blockSignals(False)
        self._show_row()

    def _pick(self, row: int) -> None:
        if 0 <= row < self.scenario.count():
            self.scenario.setCurrentIndex(row)

    def _show_row(self) -> None:
        row = self.scenario.currentIndex()
        if row < 0:
            return
        state = self.table.cellWidget(row, STATE)
        future = isinstance(state, QComboBox) and state.currentData() == "future"
        chosen = self.process.future_state if future else None
        self.editor.show_scenario(
            chosen or self.process, self.scenario.currentText(), self.table.hidden(row)
        )

    def _changed(self, changes: dict[str, Any]) -> None:
        row = self.scenario.currentIndex()
        if row >= 0:
            self.table.set_hidden(row, changes)
            self.table.edited.emit()
