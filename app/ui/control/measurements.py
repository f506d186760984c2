"""Measurements of one metric: a table, a row typed at a time, and a paste from a spreadsheet.

Values are kept in the unit of the metric's goal. A typed value may carry its unit ("3 days",
"25 %", "$1,200"); a paste is read by ``parse_measurements`` with a preview, and only the rows
that parse are imported. Every change is one undoable edit through the store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.analysis.goals import BUILTIN_METRICS, metric_label, minutes_per_unit
from app.analysis.monitoring import read_value, unit_words, value_is_fraction, value_text
from app.process.control import Measurement
from app.process.measurements import ParsedRows, parse_measurements
from app.process.model import Process
from app.ui.date_field import DateField, locale_day_first
from app.ui.store import ProcessStore

DURATION_UNITS = ("minutes", "hours", "days", "weeks")


def add_measurements(process: Process, items: list[Measurement]) -> Process:
    """The process with ``items`` added to its measurements."""
    control = process.control
    control = replace(control, measurements=(*control.measurements, *items))
    return replace(process, control=control)


def pasted_value(process: Process, metric: str, value: float, unit: str) -> float:
    """A pasted number in the metric's stored unit (``unit``: what the paste was written in)."""
    if value_is_fraction(metric) and value > 1:
        return value / 100
    stored = unit_words(process, metric)
    here, there = minutes_per_unit(unit), minutes_per_unit(stored)
    if _is_duration(metric) and here and there:
        return value * here / there
    return value


def _is_duration(metric: str) -> bool:
    spec = BUILTIN_METRICS.get(metric)
    return spec is not None and spec.unit == "minutes"


class PasteDialog(QDialog):
    """Paste date and value columns; see what will be imported and which lines do not parse."""

    def __init__(self, process: Process, metric: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.process = process
        self.metric_key = metric
        self.parsed = ParsedRows((), ())
        self.setWindowTitle(f"Paste measurements of {metric_label(metric)}")
        self._build()
        self.update_preview()

    def _build(self) -> None:
        intro = QLabel(
            "Paste two columns from a spreadsheet: the date, then the value "
            "(tab-, semicolon- or comma-separated). A header line is skipped.",
            self,
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName("Pasted rows")
        self.text.setPlaceholderText("2027-01-15\t4.5\n22/01/2027\t4\n…")
        self.order = QComboBox(self)
        self.order.setAccessibleName("Date order")
        self.order.addItem("Day first (31/03/2027)", True)
        self.order.addItem("Month first (03/31/2027)", False)
        self.order.setCurrentIndex(0 if locale_day_first() else 1)
        self.unit = QComboBox(self)
        self.unit.setAccessibleName("Values are in")
        stored = unit_words(self.process, self.metric_key)
        for unit in DURATION_UNITS if _is_duration(self.metric_key) else (stored,):
            self.unit.addItem(unit or "as written", unit)
        self.unit.setCurrentIndex(max(self.unit.findData(stored), 0))
        self.unit.setEnabled(self.unit.count() > 1)
        options = QHBoxLayout()
        for label, widget in (("Dates:", self.order), ("Values are in:", self.unit)):
            options.addWidget(QLabel(label, self))
            options.addWidget(widget)
        options.addStretch(1)
        self.preview = QTableWidget(0, 3, self)
        self.preview.setAccessibleName("Rows to import")
        self.preview.setHorizontalHeaderLabels(["Line", "Date", "Value"])
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setVisible(False)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.errors = QListWidget(self)
        self.errors.setAccessibleName("Lines that do not parse")
        self.errors.setWordWrap(True)
        self.notes = QLabel(self)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.text, 1)
        left.addLayout(options)
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(self.preview, 2)
        self.errors_title = QLabel("Lines that do not parse (not imported):", self)
        right.addWidget(self.errors_title)
        right.addWidget(self.errors, 1)
        right.addWidget(self.notes)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 520)
        self.text.textChanged.connect(self.update_preview)
        self.order.currentIndexChanged.connect(self.update_preview)
        self.unit.currentIndexChanged.connect(self.update_preview)

    def update_preview(self) -> None:
        """Parse the text again and show the good rows, the bad lines and the notes."""
        self.parsed = parse_measurements(
            self.text.toPlainText(), day_first=self.order.currentData()
        )
        rows = self.measurements()
        self.preview.setRowCount(len(rows))
        for row, (line, item) in enumerate(zip(self.parsed.lines, rows, strict=True)):
            cells = (
                str(line),
                item.day.isoformat(),
                value_text(self.process, self.metric_key, item.value),
            )
            for column, text in enumerate(cells):
                self.preview.setItem(row, column, QTableWidgetItem(text))
        self.errors.clear()
        self.errors.addItems(list(self.parsed.errors))
        self.errors.setVisible(bool(self.parsed.errors))
        self.errors_title.setVisible(bool(self.parsed.errors))
        self.notes.setText("\n".join(self.parsed.notes))
        bad = len(self.parsed.errors)
        self.summary.setText(
            f"{len(rows)} row{'s' if len(rows) != 1 else ''} to import"
            + (f", {bad} line{'s' if bad != 1 else ''} not read" if bad else "")
        )
        self.import_button.setText(f"Import {len(rows)} row{'s' if len(rows) != 1 else ''}")
        self.import_button.setEnabled(bool(rows))

    def measurements(self) -> list[Measurement]:
        """The rows that parsed, as measurements of the metric in its stored unit."""
        unit = self.unit.currentData() or ""
        return [
            Measurement(
                self.metric_key, day, pasted_value(self.process, self.metric_key, value, unit)
            )
            for day, value in self.parsed.rows
        ]


class MeasurementsPanel(QWidget):
    """The measurements of one metric, oldest first, with typed entry and paste."""

    measurements_changed = Signal()

    def __init__(self, store: ProcessStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.process = Process(name="")
        self.metric_key = ""
        self.today: dt.date | None = None
        self._build()

    def _build(self) -> None:
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName("Measurements")
        self.table.setHorizontalHeaderLabels(["Date", "Value", "Note"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.day = DateField(self, past=True, today=lambda: self.today or dt.date.today())
        self.day.setAccessibleName("Date measured")
        self.value = QLineEdit(self)
        self.value.setAccessibleName("Value")
        self.note = QLineEdit(self)
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Note (optional)")
        self.add_button = QPushButton("Add", self)
        self.remove_button = QPushButton("Remove", self)
        self.paste_button = QPushButton("Paste from a spreadsheet…", self)
        for button in (self.add_button, self.remove_button, self.paste_button):
            button.setAccessibleName(button.text())
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()
        entry = QHBoxLayout()
        entry.addWidget(self.day)
        entry.addWidget(self.value, 1)
        entry.addWidget(self.note, 1)
        entry.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.paste_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(entry)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_typed)
        self.value.returnPressed.connect(self.add_typed)
        self.note.returnPressed.connect(self.add_typed)
        self.remove_button.clicked.connect(self.remove_selected)
        self.paste_button.clicked.connect(self.paste)

    def show_metric(self, process: Process, metric: str) -> None:
        """Show the measurements of ``metric``; the typed row keeps its text."""
        self.process = process
        self.metric_key = metric
        unit = unit_words(process, metric)
        self.value.setPlaceholderText(f"Value, e.g. {_example(metric, unit)}")
        rows = sorted(
            (
                (index, item)
                for index, item in enumerate(process.control.measurements)
                if item.metric == metric
            ),
            key=lambda pair: pair[1].day,
        )
        self.table.setRowCount(len(rows))
        go_live = process.control.go_live
        for row, (index, item) in enumerate(rows):
            before = go_live is not None and item.day < go_live
            day_text = item.day.strftime("%d %b %Y") + ("  (baseline)" if before else "")
            for column, text in enumerate(
                (day_text, value_text(process, metric, item.value), item.note)
            ):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, index)
                self.table.setItem(row, column, cell)
        self.setEnabled(bool(metric))
        if not self.day.text().strip():
            self.day.set_date(rows[-1][1].day if rows else self.today or dt.date.today())

    def add_typed(self) -> None:
        """Add the typed date and value; a value that cannot be read is refused with a sentence."""
        if not self.metric_key:
            return
        try:
            value = read_value(self.process, self.metric_key, self.value.text())
        except ValueError as error:
            self._show_error(f"Value: {error}")
            return
        try:
            day = self.day.date()
        except ValueError as error:
            self._show_error(f"Date: {error}")
            return
        if day is None:
            self._show_error("Date: type the day it was measured, e.g. today or 31 Dec.")
            return
        item = Measurement(self.metric_key, day, value, self.note.text().strip())
        self._show_error("")
        self.value.clear()
        self.note.clear()
        self.day.set_date(day + dt.timedelta(days=7))
        self.store.apply(add_measurements(self.process, [item]), "Add measurement")
        self.value.setFocus()

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        cells = [self.table.item(row, 0) for row in rows]
        doomed = {cell.data(Qt.ItemDataRole.UserRole) for cell in cells if cell is not None}
        if not doomed:
            return
        kept = tuple(
            item
            for index, item in enumerate(self.process.control.measurements)
            if index not in doomed
        )
        control = replace(self.process.control, measurements=kept)
        text = "Remove measurement" if len(doomed) == 1 else "Remove measurements"
        self.store.apply(replace(self.process, control=control), text)

    def paste(self) -> None:
        dialog = PasteDialog(self.process, self.metric_key, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.import_rows(dialog.measurements())

    def import_rows(self, items: list[Measurement]) -> None:
        if items:
            text = f"Paste {len(items)} measurement{'s' if len(items) != 1 else ''}"
            self.store.apply(add_measurements(self.process, items), text)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


def _example(metric: str, unit: str) -> str:
    if _is_duration(metric):
        return "3.5 days"
    if value_is_fraction(metric):
        return "25 %"
    return f"12 {unit}".strip()
