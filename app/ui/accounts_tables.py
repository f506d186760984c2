"""The read-only tables of the Accounts tab: built alike, refilled alike."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget


def row_table(headers: Sequence[str], parent: QWidget, *, pick_rows: bool = True) -> QTableWidget:
    """A table of text rows that are read, not edited; one whole row is picked at a time."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    if pick_rows:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return table


def refill(table: QTableWidget, rows: Sequence[Sequence[str]], selected: int = -1) -> None:
    """Put ``rows`` in the table (each cell's text in its tooltip too) and select one row.

    The table is emptied first: refilling rows in place re-measures the table per cell (2 s
    for 300 rows).
    """
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for index, cells in enumerate(rows):
        for column, text in enumerate(cells):
            set_text(table, index, column, text)
    if rows and selected >= 0:
        table.selectRow(min(selected, len(rows) - 1))


def set_text(table: QTableWidget, row: int, column: int, text: str, tip: str | None = None) -> None:
    """One read-only cell, its tooltip the whole text unless told otherwise."""
    item = QTableWidgetItem(text)
    item.setToolTip(text if tip is None else tip)
    table.setItem(row, column, item)
