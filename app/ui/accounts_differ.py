"""Where accounts differ: each difference with who said what, made a finding or a question."""

from __future__ import annotations

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.accounts.differences import Difference
from app.accounts.review import Review, difference_origin
from app.ui.accounts_tables import refill, row_table

HEADERS = ("Kind", "Who said what", "Kept as")
KINDS = {
    "missing": "missing step",
    "order": "order",
    "role": "role",
    "kind": "task or decision",
    "branch": "branch shares",
    "time": "time",
}


class DifferencesPanel(QWidget):
    """The differences of two accounts; each can become a finding or a question."""

    noted = Signal(object)  # the Difference
    asked = Signal(object)
    shown = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.differences: tuple[Difference, ...] = ()
        self.table = row_table(HEADERS, self)
        self.table.setWordWrap(True)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # follows the width
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.note_button = QPushButton("Make it a &finding", self)
        self.ask_button = QPushButton("&Ask at the next interview", self)
        self.show_button = QPushButton("Show on the &map", self)
        for button, signal in (
            (self.note_button, self.noted),
            (self.ask_button, self.asked),
            (self.show_button, self.shown),
        ):
            button.clicked.connect(lambda _=False, s=signal: self._emit(s))
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.doubleClicked.connect(lambda _: self._emit(self.shown))
        self.kept: dict[int, set[str]] = {}
        self.on_map: tuple[bool, ...] = ()
        buttons = QHBoxLayout()
        for button in (self.note_button, self.ask_button, self.show_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._enable()

    def show_review(
        self,
        review: Review,
        findings: frozenset[str],
        asked: frozenset[str],
        on_map: tuple[bool, ...] = (),
    ) -> None:
        """List the differences; ``findings`` and ``asked`` are the origins already kept,
        ``on_map`` says of each difference whether its steps are on the map."""
        self.on_map = on_map or (True,) * len(review.differences)
        before = self.table.currentRow()
        self.differences = review.differences
        self.kept = {}
        rows = []
        for index, difference in enumerate(review.differences):
            origin = difference_origin(review, difference)
            kept = [w for w, done in (("finding", findings), ("question", asked)) if origin in done]
            self.kept[index] = set(kept)
            rows.append(
                (KINDS.get(difference.kind, difference.kind), difference.detail, ", ".join(kept))
            )
        refill(self.table, rows, max(before, 0))
        self._enable()

    def current(self) -> Difference | None:
        """The selected difference, if any."""
        index = self.table.currentRow()
        return self.differences[index] if 0 <= index < len(self.differences) else None

    def _emit(self, signal: SignalInstance) -> None:
        difference = self.current()
        if difference is not None:
            signal.emit(difference)

    def _enable(self) -> None:
        index = self.table.currentRow()
        kept = self.kept.get(index, set())
        chosen = self.current() is not None
        self.note_button.setEnabled(chosen and "finding" not in kept)
        self.ask_button.setEnabled(chosen and "question" not in kept)
        self.show_button.setEnabled(chosen and self.on_map[index])
