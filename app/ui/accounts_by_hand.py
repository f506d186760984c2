"""Match steps by hand: one step of one account against one or two of the other."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from app.accounts.differences import Account
from app.accounts.matching import Match
from app.accounts.review import Review


class ByHandDialog(QDialog):
    """Pick one step of one account and one or two of the other: they are the same."""

    def __init__(self, review: Review, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Match steps by hand")
        confirmed = [row.match for row in review.rows if row.state == "confirmed"]
        matched_a = {step for match in confirmed for step in match.a}
        matched_b = {step for match in confirmed for step in match.b}
        self.lists = (
            _step_list(review.first, matched_a, self),
            _step_list(review.second, matched_b, self),
        )
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Match")
        buttons.accepted.connect(self.accept_if_valid)
        buttons.rejected.connect(self.reject)
        grid = QGridLayout(self)
        intro = "Select the step in one account and one or two steps in the other (Ctrl+click)."
        grid.addWidget(QLabel(intro, self), 0, 0, 1, 2)
        accounts = (review.first, review.second)
        for column, (account, listed) in enumerate(zip(accounts, self.lists, strict=True)):
            grid.addWidget(QLabel(f"As {account.label} told it:", self), 1, column)
            grid.addWidget(listed, 2, column)
        grid.addWidget(self.problem, 3, 0, 1, 2)
        grid.addWidget(buttons, 4, 0, 1, 2)

    def match(self) -> Match | None:
        """The match picked: one step against one or two, confidence 0 (made by hand)."""
        picked = [_picked(listed) for listed in self.lists]
        sizes = sorted(len(steps) for steps in picked)
        if sizes not in ([1, 1], [1, 2]):
            return None
        return Match(picked[0], picked[1], 0.0)

    def accept_if_valid(self) -> None:
        if self.match() is None:
            self.problem.setText("Pick one step on one side and one or two on the other.")
            return
        self.accept()


def _picked(listed: QListWidget) -> tuple[str, ...]:
    """The ids of the selected steps, in the account's order."""
    items = sorted(listed.selectedItems(), key=listed.row)
    return tuple(str(item.data(Qt.ItemDataRole.UserRole)) for item in items)


def _step_list(account: Account, matched: set[str], parent: QWidget) -> QListWidget:
    """The account's steps; those in a confirmed match say so (a new match replaces it)."""
    listed = QListWidget(parent)
    listed.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    for step in account.process.steps:
        if step.kind == "start":
            continue
        name = step.name or step.id
        item = QListWidgetItem(f"{name}  (matched)" if step.id in matched else name)
        item.setToolTip(
            f"{name}: already in a confirmed match; matching it again replaces that match"
            if step.id in matched
            else name
        )
        item.setData(Qt.ItemDataRole.UserRole, step.id)
        listed.addItem(item)
    return listed
