"""The reviews that are due, shown when the app opens, each with a one-click way in.

``load_due_reviews(store, today)`` reads every process of the open database;
``DueReviewsDialog`` lists what it found ("2 reviews are due") with an Open button per row
and emits ``open_requested(process_id, review_id)``; the window opens that process on its
Control tab and the review dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.analysis.reviews import DueReview, due_review_sentence
from app.ui.store import ProcessStore


def load_due_reviews(store: ProcessStore, today: dt.date | None = None) -> tuple[DueReview, ...]:
    """Every review due by ``today`` (default: today) across the open database's processes."""
    return store.due_reviews(today or dt.date.today())


def due_heading(count: int) -> str:
    return "1 review is due" if count == 1 else f"{count} reviews are due"


class DueReviewsDialog(QDialog):
    """“2 reviews are due: …”, one line per review with its Open button."""

    open_requested = Signal(str, str)

    def __init__(
        self, items: Sequence[DueReview], *, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.items = list(items)
        self.setWindowTitle(due_heading(len(self.items)))
        heading = QLabel(
            f"{due_heading(len(self.items))}. A review checks that the gain holds: "
            "open one to answer its questions and record the verdict.",
            self,
        )
        heading.setWordWrap(True)
        grid = QGridLayout()
        self.open_buttons: list[QPushButton] = []
        for row, item in enumerate(self.items):
            label = QLabel(due_review_sentence(item, today), self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            button = QPushButton("Open", self)
            button.setAccessibleName(f"Open the review of {item.process_name}")
            button.clicked.connect(lambda _checked=False, chosen=item: self.choose(chosen))
            grid.addWidget(label, row, 0)
            grid.addWidget(button, row, 1)
            self.open_buttons.append(button)
        grid.setColumnStretch(0, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Later")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        if self.open_buttons:
            self.open_buttons[0].setDefault(True)
        self.setMinimumWidth(560)
        self.adjustSize()

    def choose(self, item: DueReview) -> None:
        """Ask to open ``item``'s review and close the list."""
        self.open_requested.emit(item.process_id, item.review.id)
        self.accept()
