"""The review list: kind, due date, status and verdict; add a review or hold one.

A review that is due says so in words ("Due now, 12 days overdue") in bold, with a tint
behind it, so it stands out without relying on colour.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.analysis.reviews import add_extra_review, review_name, short_date
from app.process.control import Review
from app.process.model import Process
from app.ui.control.review_dialog import ReviewDialog
from app.ui.date_field import DateField
from app.ui.store import ProcessStore

EXTRA_REVIEW_DAYS = 30


def review_status(review: Review, today: dt.date) -> str:
    """``Done 3 Feb``, ``Due now, 12 days overdue``, ``Due today`` or ``In 9 days``."""
    if review.done_on is not None:
        return f"Done {short_date(review.done_on, today)}"
    days = (review.due - today).days
    if days < 0:
        late = "1 day" if days == -1 else f"{-days} days"
        return f"⚠ Due now, {late} overdue"
    if days == 0:
        return "⚠ Due today"
    return "In 1 day" if days == 1 else f"In {days} days"


def is_due(review: Review, today: dt.date) -> bool:
    return not review.done and review.due <= today


class ReviewsPanel(QWidget):
    """The reviews of one process, oldest due first."""

    def __init__(self, store: ProcessStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.process = Process(name="")
        self.today = dt.date.today()
        self.reviews: list[Review] = []
        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName("Reviews")
        self.table.setHorizontalHeaderLabels(["Review", "Due", "Status", "Verdict"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty = QLabel("Set the go-live date to schedule the 30- and 90-day reviews.", self)
        self.empty.setWordWrap(True)
        self.complete_button = QPushButton("Complete review…", self)
        self.add_button = QPushButton("Add review on", self)
        self.new_due = DateField(self, today=lambda: self.today)
        self.new_due.setAccessibleName("Due date of the added review")
        for button in (self.complete_button, self.add_button):
            button.setAccessibleName(button.text())
        buttons = QHBoxLayout()
        buttons.addWidget(self.complete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.new_due)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_review)
        self.complete_button.clicked.connect(self.complete_selected)
        self.table.itemActivated.connect(lambda _item: self.complete_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)

    def show_process(self, process: Process, today: dt.date) -> None:
        changed = process.id != self.process.id
        self.process = process
        self.today = today
        self.reviews = sorted(process.control.reviews, key=lambda review: review.due)
        self.table.setRowCount(len(self.reviews))
        for row, review in enumerate(self.reviews):
            self._fill_row(row, review)
        self.empty.setVisible(not self.reviews)
        if changed or not self.new_due.text().strip():
            start = process.control.go_live or today
            self.new_due.set_date(max(start, today) + dt.timedelta(EXTRA_REVIEW_DAYS))
        self._update_buttons()

    def _fill_row(self, row: int, review: Review) -> None:
        cells = (
            review_name(review),
            review.due.strftime("%d %b %Y"),
            review_status(review, self.today),
            (review.verdict or "").capitalize(),
        )
        due = is_due(review, self.today)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if due:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setBackground(QBrush(self.palette().color(QPalette.ColorRole.AlternateBase)))
            self.table.setItem(row, column, item)

    def selected_review(self) -> Review | None:
        """The selected review, else the first one due, else None."""
        row = self.table.currentRow()
        if 0 <= row < len(self.reviews) and self.table.selectionModel().hasSelection():
            return self.reviews[row]
        return next((review for review in self.reviews if is_due(review, self.today)), None)

    def _update_buttons(self) -> None:
        self.complete_button.setEnabled(self.selected_review() is not None)

    def add_review(self) -> None:
        day = self.new_due.valid_date()
        if day is None:
            self.new_due.setFocus()
            return
        control = add_extra_review(self.process.control, day)
        self.store.apply(replace(self.process, control=control), "Add review")

    def complete_selected(self) -> None:
        review = self.selected_review()
        if review is not None:
            self.open_review(review)

    def open_review(self, review: Review) -> None:
        """Open the review dialog; a recorded review is one undoable edit."""
        dialog = ReviewDialog(self.process, review, today=self.today, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        control = dialog.completed_control(self.process.control)
        name = review_name(review).lower()
        self.store.apply(replace(self.process, control=control), f"Record the {name}")
