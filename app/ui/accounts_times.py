"""Who told what: for each step of the map the accounts that described it, the spread of the
times they gave (min / median / max), and which value the map uses."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.accounts.reconcile import CHOICES, Reconciliation, Spread
from app.process.durations import format_duration
from app.process.model import Process

HEADERS = (
    "Step",
    "Told by",
    "Hands-on: min / median / max",
    "Map uses",
    "Wait: min / median / max",
    "Map uses",
)


class TimesPanel(QWidget):
    """The reconciled map, step by step; a choice of min, median or max where two people or more
    gave a time."""

    chosen = Signal(str, str, str)  # step id, "touch" or "wait", the choice

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def show_reconciliation(self, process: Process, reconciled: Reconciliation) -> None:
        """One row per map step."""
        names = {a.interview: a.label for a in reconciled.accounts}
        self.table.setRowCount(0)  # refilling rows in place re-measures the table per cell
        self.table.setRowCount(len(process.steps))
        for row, step in enumerate(process.steps):
            voices = reconciled.steps[step.id]
            told = ", ".join(names.get(n, f"interview {n}") for n in voices.told_by) or "no one"
            texts = {0: step.name, 1: told, 2: _spread(voices.touch), 4: _spread(voices.wait)}
            for column in range(len(HEADERS)):
                item = QTableWidgetItem(texts.get(column, ""))
                item.setToolTip(_said(voices.touch if column == 2 else voices.wait))
                self.table.setItem(row, column, item)
            if voices.reconcilable:
                self._choice(row, 3, step.id, "touch", voices.touch_choice)
                self._choice(row, 5, step.id, "wait", voices.wait_choice)
        self.summary.setText(_summary(reconciled))

    def _choice(self, row: int, column: int, step_id: str, what: str, current: str) -> None:
        box = QComboBox(self.table)
        box.addItems(list(CHOICES))
        box.setCurrentText(current)
        box.setAccessibleName(f"{what} value the map uses")
        box.currentTextChanged.connect(lambda text: self.chosen.emit(step_id, what, text))
        self.table.setCellWidget(row, column, box)


def _spread(spread: Spread) -> str:
    if not spread.said:
        return ""
    if spread.value("min") == spread.value("max"):
        return format_duration(spread.said[0][1])
    return " / ".join(format_duration(spread.value(c)) for c in CHOICES)


def _said(spread: Spread) -> str:
    return "\n".join(f"{who}: {format_duration(minutes)}" for who, minutes in spread.said)


def _summary(reconciled: Reconciliation) -> str:
    several = sum(1 for v in reconciled.steps.values() if len(v.told_by) > 1)
    flows = sum(1 for told in reconciled.flows.values() if len(told) > 1)
    return (
        f"{several} of {len(reconciled.steps)} steps and {flows} of {len(reconciled.flows)} "
        "flows were described by two accounts or more; the map uses the median of the times "
        "they gave unless you choose otherwise."
    )
