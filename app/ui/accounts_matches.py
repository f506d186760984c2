"""The matches of two accounts: confirm or reject each proposal, take a decision back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.accounts.review import MatchRow, Review
from app.ui.accounts_tables import refill, row_table

HEADERS = ("{a}", "{b}", "Confidence", "Decision")  # the people's names head their steps
STATES = {"proposed": "to confirm", "confirmed": "confirmed", "rejected": "rejected"}


class MatchesPanel(QWidget):
    """A table of the matches, with Confirm (Enter), Reject (Delete) and Take back."""

    decided = Signal(object, bool)  # the Match, True when confirmed
    taken_back = Signal(object)
    by_hand_asked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[MatchRow, ...] = ()
        self.next_row = -1  # after a decision, the row to go on with
        self.table = row_table(HEADERS, self)
        header = self.table.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a long name ends in …
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.confirm_button = QPushButton("&Confirm", self)
        self.reject_button = QPushButton("&Reject", self)
        self.back_button = QPushButton("&Take back", self)
        self.by_hand_button = QPushButton("Match by &hand…", self)
        self.confirm_button.clicked.connect(lambda: self._decide(True))
        self.reject_button.clicked.connect(lambda: self._decide(False))
        self.back_button.clicked.connect(self._take_back)
        self.by_hand_button.clicked.connect(self.by_hand_asked)
        for keys, slot in (
            (Qt.Key.Key_Return, lambda: self._decide(True)),
            (Qt.Key.Key_Enter, lambda: self._decide(True)),
            (Qt.Key.Key_Delete, lambda: self._decide(False)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.table.itemSelectionChanged.connect(self._enable)
        buttons = QHBoxLayout()
        for button in (self.confirm_button, self.reject_button, self.back_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.by_hand_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._enable()

    def show_review(self, review: Review) -> None:
        """Fill the table; the row selected before stays selected (or the next one to confirm)."""
        before = self.next_row if self.next_row >= 0 else self.table.currentRow()
        self.next_row = -1
        names_a = {s.id: s.name for s in review.first.process.steps}
        names_b = {s.id: s.name for s in review.second.process.steps}
        labels = {"a": review.first.label, "b": review.second.label}
        self.table.setHorizontalHeaderLabels([h.format(**labels) for h in HEADERS])
        for column, label in enumerate((review.first.label, review.second.label)):
            head = self.table.horizontalHeaderItem(column)
            if head is not None:
                head.setToolTip(f"The steps as {label} told them")
        self.rows = review.rows
        rows = [
            (
                " + ".join(names_a.get(s, s) for s in row.match.a),
                " + ".join(names_b.get(s, s) for s in row.match.b),
                "by hand" if row.match.confidence <= 0 else f"{row.match.confidence:.0%}",
                STATES[row.state],
            )
            for row in review.rows
        ]
        refill(self.table, rows, max(before, 0))
        self._enable()

    def current(self) -> MatchRow | None:
        """The selected row, if any."""
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _decide(self, confirmed: bool) -> None:
        row = self.current()
        if row is not None and row.state != ("confirmed" if confirmed else "rejected"):
            self.next_row = self.table.currentRow() + 1  # Enter, Enter…: down the list
            self.decided.emit(row.match, confirmed)

    def _take_back(self) -> None:
        row = self.current()
        if row is not None and row.state != "proposed":
            self.taken_back.emit(row.match)

    def _enable(self) -> None:
        row = self.current()
        self.confirm_button.setEnabled(row is not None and row.state != "confirmed")
        self.reject_button.setEnabled(row is not None and row.state != "rejected")
        self.back_button.setEnabled(row is not None and row.state != "proposed")
