"""The outcomes of a decision or approval: label, how many out of 10, and where each goes.

One row of plain fields per outcome, so Tab walks through them in reading order: the label, the
share, where it goes (typed, with a completer over "next step", "later", "end" and the steps
described), then a remove button. "Add outcome" adds a row and puts the cursor in its label.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.interview import END, LATER, NEXT, Outcome
from app.interview.ids import same_name
from app.process.model import Process
from app.ui.interview.fields import CompletingLineEdit, mark_saved, unsaved
from app.ui.line_edit import LineEdit

# What the user types (or picks) for the three places that are not a described step.
TARGET_WORDS = {NEXT: "next step", LATER: "later", END: "end"}
TARGET_HELP = (
    "Where it goes: “next step” (described next), “later” (a branch followed afterwards), "
    "“end” (an end named after the outcome), or the name of a step already described (an "
    "earlier one is a rework loop)"
)


class OutcomeRow:
    """The fields of one outcome."""

    def __init__(self, parent: QWidget, choices: list[str]) -> None:
        self.label = LineEdit(parent)
        self.label.setPlaceholderText("e.g. Approved")
        self.label.setAccessibleName("Outcome")
        self.share = LineEdit(parent)
        self.share.setPlaceholderText("out of 10")
        self.share.setAccessibleName("How many out of 10")
        self.share.setMaximumWidth(90)
        self.goes_to = CompletingLineEdit(parent)
        self.goes_to.setAccessibleName("Goes to")
        self.goes_to.setToolTip(TARGET_HELP)
        self.goes_to.setPlaceholderText("next step, later, end or a step")
        self.goes_to.set_choices(choices)
        self.remove = QToolButton(parent)
        self.remove.setText("✕")
        self.remove.setToolTip("Remove this outcome")
        self.remove.setAccessibleName("Remove outcome")

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.label, self.share, self.goes_to, self.remove)

    def has_focus(self) -> bool:
        """True while the row is typed in, or holds typing not saved yet."""
        lines = (self.label, self.share, self.goes_to)
        return any(w.hasFocus() for w in self.widgets()) or any(unsaved(w) for w in lines)

    def mark_saved(self) -> None:
        for line in (self.label, self.share, self.goes_to):
            mark_saved(line)


class OutcomesEditor(QWidget):
    """Rows of outcomes; ``changed`` fires when one is edited (left), added or removed."""

    changed = Signal()
    rows_changed = Signal()  # a row was added or removed: the tab order must follow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.process = Process(name="")
        self.rows: list[OutcomeRow] = []
        self.targets: list[str] = list(TARGET_WORDS.values())
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        for column, title in enumerate(("Outcome", "Out of 10", "Goes to")):
            heading = QLabel(title, self)
            heading.setEnabled(False)
            self.grid.addWidget(heading, 0, column)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(2, 3)
        self.add_button = QPushButton("Add outcome", self)
        self.add_button.setAccessibleName("Add outcome")
        self.add_button.clicked.connect(self._add_and_focus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    # Showing -------------------------------------------------------------------------------

    def set_outcomes(self, process: Process, outcomes: tuple[Outcome, ...]) -> None:
        """Show ``outcomes``; a row being typed in keeps its text, rows are rebuilt only when
        their number changes."""
        self.process = process
        names = [s.name for s in process.steps if s.kind != "start"]
        self.targets = [*TARGET_WORDS.values(), *names]
        for row in self.rows:
            row.goes_to.set_choices(self.targets)
        if outcomes == self.outcomes():
            return
        while len(self.rows) > len(outcomes):
            self._drop_row(len(self.rows) - 1)
        while len(self.rows) < len(outcomes):
            self._append_row()
        for row, outcome in zip(self.rows, outcomes, strict=True):
            if not row.has_focus():
                row.label.setText(outcome.label)
                row.share.setText("" if outcome.share is None else f"{outcome.share:g}")
                row.goes_to.setText(self._target_text(outcome))

    def _target_text(self, outcome: Outcome) -> str:
        if outcome.goes_to in TARGET_WORDS:
            return TARGET_WORDS[outcome.goes_to]
        step = self.process.step_by_id().get(outcome.goes_to)
        return step.name if step else outcome.goes_to

    def _append_row(self) -> OutcomeRow:
        row = OutcomeRow(self, self.targets)
        index = len(self.rows) + 1
        for column, widget in enumerate(row.widgets()):
            self.grid.addWidget(widget, index, column)
        for line in (row.label, row.share, row.goes_to):
            line.editingFinished.connect(self.changed)
        row.remove.clicked.connect(lambda: self._remove(row))
        self.rows.append(row)
        self._chain_tab_order()
        return row

    def focus_chain(self) -> list[QWidget]:
        """The editor's fields in the order Tab visits them."""
        return [w for row in self.rows for w in row.widgets()] + [self.add_button]

    def _chain_tab_order(self) -> None:
        for first, second in itertools.pairwise(self.focus_chain()):
            QWidget.setTabOrder(first, second)
        self.rows_changed.emit()

    def _drop_row(self, index: int) -> None:
        row = self.rows.pop(index)
        for widget in row.widgets():
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        for later, moved in enumerate(self.rows[index:], start=index + 1):
            for column, widget in enumerate(moved.widgets()):
                self.grid.addWidget(widget, later, column)
        self._chain_tab_order()

    # Editing -------------------------------------------------------------------------------

    def add_row(self, outcome: Outcome) -> None:
        """Add an outcome at the end and announce it."""
        row = self._append_row()
        row.label.setText(outcome.label)
        row.goes_to.setText(self._target_text(outcome))
        self.changed.emit()

    def _add_and_focus(self) -> None:
        self.add_row(Outcome("", None, LATER))
        self.rows[-1].label.setFocus()

    def _remove(self, row: OutcomeRow) -> None:
        index = self.rows.index(row)
        self._drop_row(index)  # the tab order follows
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].label.setFocus()
        else:
            self.add_button.setFocus()
        self.changed.emit()

    # Reading -------------------------------------------------------------------------------

    def problem(self) -> str:
        """A sentence about a share or a destination that cannot be read, or ``""``."""
        for number, row in enumerate(self.rows, start=1):
            text = row.share.text()
            if text.strip() and _share(text) is None:
                return f"Outcome {number}: '{text[:20]}' is not a number out of 10 (type 0 to 10)."
            if self._target_key(row.goes_to.text()) is None:
                return (
                    f"Outcome {number}: '{row.goes_to.text()[:40]}' is not a step: type next step, "
                    "later, end, or the name of a step already described."
                )
        return ""

    def outcomes(self) -> tuple[Outcome, ...]:
        """The outcomes as typed (what cannot be read is left blank or "next": see problem)."""
        return tuple(
            Outcome(
                row.label.text(),
                _share(row.share.text()),
                self._target_key(row.goes_to.text()) or NEXT,
            )
            for row in self.rows
        )

    def _target_key(self, text: str) -> str | None:
        """``next``/``later``/``end`` or a step id for what was typed; None when unknown."""
        typed = text.strip()
        if not typed:
            return NEXT
        for key, words in TARGET_WORDS.items():
            if same_name(typed, words) or same_name(typed, key):
                return key
        for step in self.process.steps:
            if step.kind != "start" and (same_name(step.name, typed) or step.id == typed):
                return step.id
        return None


def _share(text: str) -> float | None:
    try:
        return float(text.replace(",", ".")) if text.strip() else None
    except ValueError:
        return None
