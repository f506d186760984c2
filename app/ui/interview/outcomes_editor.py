"""The outcomes of a decision or approval: label, how many out of 10, and where each goes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.interview import END, LATER, NEXT, Outcome
from app.process.model import Process

# Each starts with its own letter, so typing it picks the entry; steps follow by their names.
TARGET_WORDS = {
    NEXT: "Next step (described next)",
    LATER: "Later (a branch to follow afterwards)",
    END: "End",
}


class OutcomesEditor(QWidget):
    """A small table; ``changed`` fires when an outcome is edited, added or removed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.process = Process(name="")
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName("Outcomes")
        self.table.setHorizontalHeaderLabels(["Outcome", "Out of 10", "Goes to"])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(150)
        self.add_button = QPushButton("Add outcome", self)
        self.remove_button = QPushButton("Remove outcome", self)
        for button in (self.add_button, self.remove_button):
            button.setAccessibleName(button.text())
        self.add_button.clicked.connect(lambda: self.add_row(Outcome("")))
        self.remove_button.clicked.connect(self._remove)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_outcomes(self, process: Process, outcomes: tuple[Outcome, ...]) -> None:
        """Show ``outcomes``; rows are rebuilt only when something shown would change.

        Rebuilding deletes the row's combo boxes, which must not happen while one of them is
        still announcing its own change (the save it triggers reloads this editor).
        """
        same_steps = [s.id for s in process.steps] == [s.id for s in self.process.steps]
        self.process = process
        if same_steps and outcomes == self.outcomes():
            return
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for outcome in outcomes:
            self.add_row(outcome, announce=False)
        self.table.blockSignals(False)

    def add_row(self, outcome: Outcome, *, announce: bool = True) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(outcome.label))
        share = "" if outcome.share is None else f"{outcome.share:g}"
        self.table.setItem(row, 1, QTableWidgetItem(share))
        self.table.setCellWidget(row, 2, self._targets(outcome))
        if announce:
            self.table.setCurrentCell(row, 0)
            self.changed.emit()

    def _targets(self, outcome: Outcome) -> QComboBox:
        combo = QComboBox(self.table)
        combo.setAccessibleName("Goes to")
        combo.setToolTip(
            "Where this outcome goes: the next step, a later branch, the end, "
            "or an existing step (an earlier one is a rework loop)"
        )
        for key, words in TARGET_WORDS.items():
            combo.addItem(words, key)
        for step in self.process.steps:
            if step.kind != "start":
                combo.addItem(step.name, step.id)
        index = combo.findData(outcome.goes_to)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        return combo

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def problem(self) -> str:
        """A sentence about a share that is not a number, or ``""``."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 1)
            text = item.text() if item else ""
            if text.strip() and _share(text) is None:
                return f"Outcome {row + 1}: '{text}' is not a number out of 10 (type 0 to 10)."
        return ""

    def outcomes(self) -> tuple[Outcome, ...]:
        """The outcomes as typed (a share that is not a number reads as blank: see problem)."""
        result = []
        for row in range(self.table.rowCount()):
            label_item, share_item = self.table.item(row, 0), self.table.item(row, 1)
            combo = self.table.cellWidget(row, 2)
            label = label_item.text() if label_item else ""
            share = _share(share_item.text() if share_item else "")
            goes_to = combo.currentData() if isinstance(combo, QComboBox) else NEXT
            result.append(Outcome(label, share, goes_to))
        return tuple(result)


def _share(text: str) -> float | None:
    try:
        return float(text.replace(",", ".")) if text.strip() else None
    except ValueError:
        return None
