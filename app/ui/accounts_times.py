"""Who told what: for each step of the map the accounts that described it, the spread of the
times they gave (min / median / max), and which value the map uses."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.accounts.reconcile import CHOICES, Reconciliation, Spread
from app.process.durations import format_duration
from app.process.model import Process
from app.ui.accounts_tables import refill, row_table, set_text

HEADERS = ("Step", "Told by", "Hands-on", "Wait")
HEADER_TIPS = {2: "The hands-on time the map uses", 3: "The wait before the step the map uses"}
TIME_COLUMNS = {"touch": 2, "wait": 3}


class TimesPanel(QWidget):
    """The reconciled map, step by step; a choice of min, median or max where two people or more
    gave a time."""

    chosen = Signal(str, str, str)  # step id, "touch" or "wait", the choice

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = row_table(HEADERS, self, pick_rows=False)
        for column, tip in HEADER_TIPS.items():
            head = self.table.horizontalHeaderItem(column)
            if head is not None:
                head.setToolTip(tip)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def show_reconciliation(self, process: Process, reconciled: Reconciliation) -> None:
        """One row per map step; a choice where two people or more gave different times."""
        names = {a.interview: a.label for a in reconciled.accounts}
        refill(self.table, [()] * len(process.steps))
        for row, step in enumerate(process.steps):
            voices = reconciled.steps[step.id]
            told = ", ".join(names.get(n, f"interview {n}") for n in voices.told_by) or "no one"
            set_text(self.table, row, 0, step.name)
            set_text(self.table, row, 1, told)
            for what, column in TIME_COLUMNS.items():
                spread = voices.touch if what == "touch" else voices.wait
                choice = voices.touch_choice if what == "touch" else voices.wait_choice
                if voices.reconcilable and spread.value("min") != spread.value("max"):
                    self._choice(row, column, step.id, what, spread, choice)
                else:
                    minutes = getattr(step, f"{what}_minutes")
                    set_text(self.table, row, column, format_duration(minutes), _said(spread))
        self.summary.setText(_summary(reconciled))

    def _choice(
        self, row: int, column: int, step_id: str, what: str, spread: Spread, current: str
    ) -> None:
        box = QComboBox(self.table)
        for choice in CHOICES:
            box.addItem(f"{choice}: {format_duration(spread.value(choice))}", choice)
        box.setCurrentIndex(CHOICES.index(current))
        box.setToolTip(_said(spread))
        box.setAccessibleName(f"Which {what} time the map uses")
        box.activated.connect(lambda index: self.chosen.emit(step_id, what, CHOICES[index]))
        self.table.setCellWidget(row, column, box)


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
