"""The control plan as an editable table: one row per goal metric (and any measured one).

Rows for goal metrics are shown prefilled (how: the goal's "measured how", who: its owner)
before anything is stored; the first edit of a row stores it. Limits are read like measured
values ("3 days", "12"); a limit that cannot be read is refused with a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.analysis.goals import metric_label
from app.analysis.monitoring import prefilled_plan, read_value, value_text, with_plan_row
from app.process.control import ControlPlanRow
from app.process.model import Process
from app.ui.store import ProcessStore


@dataclass(frozen=True, slots=True)
class PlanColumn:
    """A plan column: its title, the row's field, and a tooltip that says what goes in it."""

    title: str
    field: str
    tip: str


COLUMNS: tuple[PlanColumn, ...] = (
    PlanColumn("Metric", "metric", "The goal metric this row watches."),
    PlanColumn("What is measured", "what", "e.g. days from receipt to payment, per invoice"),
    PlanColumn("How", "how", "Where the number comes from, e.g. the invoice log"),
    PlanColumn("How often", "frequency", "e.g. weekly, every Monday"),
    PlanColumn("Who measures", "who", "A named person"),
    PlanColumn("Lower limit", "lower_limit", "React when a value falls below this"),
    PlanColumn("Upper limit", "upper_limit", "React when a value rises above this"),
    PlanColumn("Reaction plan", "reaction", "What to do when a limit is crossed"),
    PlanColumn("Who is told", "notify", "Who hears about it, e.g. the process owner"),
)
LIMITS = ("lower_limit", "upper_limit")


class PlanTable(QWidget):
    """Edits of the plan go to the store as one undoable edit each."""

    def __init__(self, store: ProcessStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.process = Process(name="")
        self.rows: tuple[ControlPlanRow, ...] = ()
        self._loading = False
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setAccessibleName("Control plan")
        self.table.setHorizontalHeaderLabels([column.title for column in COLUMNS])
        for index, column in enumerate(COLUMNS):
            header_item = self.table.horizontalHeaderItem(index)
            if header_item is not None:
                header_item.setToolTip(column.tip)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()
        self.empty = QLabel("No goals yet, so nothing to control: set a goal first.", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        self.table.itemChanged.connect(self._cell_changed)

    def show_process(self, process: Process) -> None:
        self.process = process
        self.rows = prefilled_plan(process)
        self._loading = True
        self.table.setRowCount(len(self.rows))
        for row, plan_row in enumerate(self.rows):
            for column, spec in enumerate(COLUMNS):
                self._show_cell(row, column, plan_row, spec.field, spec.tip)
        self._loading = False
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount()):
            width = self.table.columnWidth(column)
            self.table.setColumnWidth(column, min(max(width, 90), 220))
        self.empty.setVisible(not self.rows)

    def _show_cell(
        self, row: int, column: int, plan_row: ControlPlanRow, field: str, tip: str
    ) -> None:
        """Change a cell's text in place, so a cell being edited (after Tab) keeps its editor
        and its selected text; a new cell is made only where there is none."""
        text = self.cell_text(plan_row, field)
        if field == "metric":
            text = metric_label(plan_row.metric).capitalize()
        item = self.table.item(row, column)
        if item is not None:
            if item.text() != text:
                item.setText(text)
            return
        item = QTableWidgetItem(text)
        item.setToolTip(tip)
        if field == "metric":
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, column, item)

    def cell_text(self, row: ControlPlanRow, field: str) -> str:
        value = getattr(row, field)
        if field in LIMITS:
            return "" if value is None else value_text(self.process, row.metric, value)
        return str(value)

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        row, field, text = item.row(), COLUMNS[item.column()].field, item.text()
        process, plan_row = self.process, self.rows[row]
        # Saved on the next turn of the event loop: the save reloads the table, which must not
        # delete the item while it is still announcing its own change. The process and row are
        # taken now: another process may be shown by then (the cell is left by a click on it).
        QTimer.singleShot(0, lambda: self._edit(process, plan_row, field, text))

    def edit_cell(self, row: int, field: str, text: str) -> None:
        """Store a typed cell; an unreadable or crossed limit is refused and the cell restored."""
        self._edit(self.process, self.rows[row], field, text)

    def _edit(self, process: Process, plan_row: ControlPlanRow, field: str, text: str) -> None:
        shown = process.id == self.process.id
        try:
            values: dict[str, Any] = {field: self._read(process, plan_row, field, text)}
            changed = replace(plan_row, **values)
            _check_limits(changed)
        except ValueError as error:
            if shown:
                self._refuse(str(error))
            return
        if shown:
            self.error.hide()
        control = with_plan_row(process.control, changed)
        title = next(column.title for column in COLUMNS if column.field == field)
        self.store.apply(replace(process, control=control), f"Edit control plan: {title}")

    def _read(
        self, process: Process, row: ControlPlanRow, field: str, text: str
    ) -> str | float | None:
        if field not in LIMITS:
            return text.strip()
        if not text.strip():
            return None
        try:
            return read_value(process, row.metric, text)
        except ValueError as error:
            words = field.replace("_", " ").capitalize()
            raise ValueError(f"{words} of {metric_label(row.metric)}: {error}") from error

    def _refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.show_process(self.process)


def _check_limits(row: ControlPlanRow) -> None:
    low, high = row.lower_limit, row.upper_limit
    if low is not None and high is not None and low > high:
        raise ValueError(
            f"The lower limit of {metric_label(row.metric)} must not be above its upper limit."
        )
