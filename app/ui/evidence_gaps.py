"""The Evidence tab's list of large gaps, each with "Make it a finding" (once: then it says so)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.evidence.gaps import Gap

MAKE = "Make it a finding"
ALREADY = "Already a finding"
HEADERS = ("Large gap", "Figures", "")


class GapList(QTableWidget):
    """One row per large gap: what it is, its figures, and the button that notes it."""

    note_requested = Signal(object)  # the Gap to make a finding of

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setAccessibleName("Large gaps")
        self.setHorizontalHeaderLabels(HEADERS)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        widest = max(QPushButton(text).sizeHint().width() for text in (MAKE, ALREADY))
        self.setColumnWidth(2, widest + 8)  # cell widgets do not size their column
        self.gaps: tuple[Gap, ...] = ()

    def show_gaps(self, gaps: Sequence[Gap], noted: frozenset[str]) -> None:
        """Fill the rows; a gap whose origin is already noted shows "Already a finding"."""
        self.gaps = tuple(gaps)
        self.setRowCount(len(self.gaps))
        for row, gap in enumerate(self.gaps):
            self.setItem(row, 0, _cell(gap.title, gap.detail))
            self.setItem(row, 1, _cell(gap.detail, gap.detail))
            self.setCellWidget(row, 2, self._button(gap, gap.origin in noted))
        self.setColumnWidth(0, min(420, max(220, self.sizeHintForColumn(0))))

    def button(self, row: int) -> QPushButton:
        """The button of a row (for tests and keyboard users alike)."""
        widget = self.cellWidget(row, 2)
        assert isinstance(widget, QPushButton)
        return widget

    def _button(self, gap: Gap, noted: bool) -> QPushButton:
        button = QPushButton(ALREADY if noted else MAKE, self)
        button.setEnabled(not noted)
        button.setToolTip(
            "It is among the findings of the Analyze tab"
            if noted
            else "Add it to the findings (Analyze tab) with these figures, to find its root "
            "cause and act on it"
        )
        button.clicked.connect(lambda _checked=False, g=gap: self.note_requested.emit(g))
        return button


def _cell(text: str, tip: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tip)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item
