"""The Accounts tab: two interviewees' accounts side by side, matched, reconciled, compared.

Pick two accounts; the app proposes which steps are the same and a person confirms, rejects or
matches by hand (nothing is merged without confirmation). Beside them: where the accounts
differ (each can become a finding or a question for the next interview) and who told what,
with the spread of the times and the value the map uses. Every decision is one undoable edit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.accounts.differences import Account, Difference
from app.accounts.interviews import accounts_of
from app.accounts.matching import Match
from app.accounts.questions import asked_origins, with_question
from app.accounts.reconcile import reconcile, with_time_choice
from app.accounts.review import (
    QUICK_PAIRS,
    Review,
    known_proposals,
    map_steps,
    on_the_map,
    proposals,
    review_pair,
    with_decided,
    with_noted,
    with_taken_back,
)
from app.analysis.noted import noted_origins
from app.process.model import Process
from app.ui import messages, worker
from app.ui.accounts_by_hand import ByHandDialog
from app.ui.accounts_differ import DifferencesPanel
from app.ui.accounts_matches import MatchesPanel
from app.ui.accounts_times import TimesPanel
from app.ui.store import ProcessStore

ALONE = (
    "One account so far. Interview someone else (File menu) to compare what different "
    "people say: each interview keeps its own account."
)


class AccountsPage(QWidget):
    """Compare two accounts: matches to confirm, differences, and the reconciled times."""

    steps_shown = Signal(tuple)  # map step ids a difference is about

    def __init__(self, store: ProcessStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.process: Process | None = None
        self.review: Review | None = None
        self.accounts: tuple[Account, ...] = ()
        self.matching = False  # two large accounts are being matched in the background
        self.pickers = (QComboBox(self), QComboBox(self))
        for picker in self.pickers:
            picker.setMinimumContentsLength(14)
            picker.activated.connect(lambda _: self._refresh())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.matches = MatchesPanel(self)
        self.differences = DifferencesPanel(self)
        self.times = TimesPanel(self)
        self.side = QTabWidget(self)
        self.side.addTab(self.differences, "Where accounts differ")
        self.side.addTab(self.times, "Who told what")
        self._connect()
        self._layout()

    def _connect(self) -> None:
        self.matches.decided.connect(self.decide)
        self.matches.taken_back.connect(self.take_back)
        self.matches.by_hand_asked.connect(self.match_by_hand)
        self.differences.noted.connect(self.note)
        self.differences.asked.connect(self.ask)
        self.differences.shown.connect(self.show_on_map)
        self.times.chosen.connect(self.choose_time)

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Compare", self))
        bar.addWidget(self.pickers[0])
        bar.addWidget(QLabel("with", self))
        bar.addWidget(self.pickers[1])
        bar.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("accountsSplitter")
        splitter.addWidget(self.matches)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

    def show_process(self, process: Process) -> None:
        """Show a snapshot, keeping the two accounts picked when they are still there."""
        another = self.process is None or process.id != self.process.id
        if not another and process == self.process:
            return  # the snapshot this page just saved and shows
        self.process = process
        picked = [] if another else [p.currentData() for p in self.pickers]
        self.accounts = accounts_of(process)
        for index, picker in enumerate(self.pickers):
            picker.blockSignals(True)
            picker.clear()
            for account in self.accounts:
                picker.addItem(f"{account.interview}. {account.label}", account.interview)
            wanted = picked[index] if picked else (index + 1)
            found = picker.findData(wanted)
            picker.setCurrentIndex(found if found >= 0 else min(index, picker.count() - 1))
            picker.blockSignals(False)
        self._refresh()

    def pick(self, first: int, second: int) -> None:
        """Compare the accounts of interviews ``first`` and ``second`` (counted from 1)."""
        for picker, interview in zip(self.pickers, (first, second), strict=True):
            picker.setCurrentIndex(picker.findData(interview))
        self._refresh()

    def _picked(self) -> tuple[Account, Account] | None:
        numbers = [p.currentData() for p in self.pickers]
        by_number = {a.interview: a for a in self.accounts}
        if numbers[0] == numbers[1] or not all(n in by_number for n in numbers):
            return None
        return by_number[numbers[0]], by_number[numbers[1]]

    def _refresh(self) -> None:
        picked = self._picked() if self.process is not None else None
        enough = len(self.accounts) > 1
        for widget in (*self.pickers, self.matches, self.side):
            widget.setEnabled(enough)
        if self.process is None or picked is None:
            self.review = None
            self.status.setText(ALONE if not enough else "Pick two different accounts.")
            return
        if known_proposals(*picked) is None and _large(*picked):
            self._match_in_background(*picked)
            return
        process = self.process
        review = self.review = review_pair(process, *picked)
        self.matches.show_review(review)
        kept = noted_origins(process), asked_origins(process)
        self.differences.show_review(review, *kept, on_the_map(process, review))
        self.times.show_reconciliation(process, reconcile(process))
        self.status.setText(_status(review))

    def _match_in_background(self, first: Account, second: Account) -> None:
        """Two large accounts are matched off the window's thread; the tab waits, not the app."""
        if self.matching:
            return
        self.matching = True
        self.matches.setEnabled(False)
        self.side.setEnabled(False)
        self.status.setText(f"Matching the steps of {first.label} and {second.label}…")
        worker.run_task(lambda: proposals(first, second), self._matched, self._not_matched)

    def _matched(self, _found: object) -> None:
        self.matching = False
        self._refresh()

    def _not_matched(self, error: Exception) -> None:
        self.matching = False
        messages.show_crash(self, error)

    def _apply(self, after: Process, text: str) -> None:
        """Save one edit; the page shows it at once (the store's refresh finds it shown)."""
        if self.process is not None and after != self.process and self.store.apply(after, text):
            self.process = after
            self._refresh()

    def decide(self, match: Match, confirmed: bool) -> None:
        """Confirm or reject a proposed match (one undoable edit)."""
        if self.process is None or self.review is None:
            return
        first, second = self.review.first, self.review.second
        after = with_decided(self.process, first, second, match, confirmed=confirmed)
        self._apply(after, "Confirm a match" if confirmed else "Reject a match")

    def take_back(self, match: Match) -> None:
        """Put a decided match back among the proposals."""
        if self.process is None or self.review is None:
            return
        first, second = self.review.first, self.review.second
        self._apply(with_taken_back(self.process, first, second, match), "Take back a match")

    def match_by_hand(self) -> None:
        """Ask which steps are the same, then keep that match confirmed."""
        if self.review is None:
            return
        dialog = ByHandDialog(self.review, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            match = dialog.match()
            if match is not None:
                self.decide(match, True)

    def note(self, difference: Difference) -> None:
        if self.process is not None and self.review is not None:
            self._apply(with_noted(self.process, self.review, difference), "Note a finding")

    def ask(self, difference: Difference) -> None:
        if self.process is not None and self.review is not None:
            after = with_question(self.process, self.review, difference)
            self._apply(after, "Ask at the next interview")

    def show_on_map(self, difference: Difference) -> None:
        if self.process is not None and self.review is not None:
            self.steps_shown.emit(map_steps(self.process, self.review, difference))

    def choose_time(self, step_id: str, what: str, choice: str) -> None:
        if self.process is not None:
            after = with_time_choice(self.process, step_id, what, choice)
            self._apply(after, "Choose the time the map uses")


def _large(first: Account, second: Account) -> bool:
    return len(first.process.steps) * len(second.process.steps) > QUICK_PAIRS


def _status(review: Review) -> str:
    settled = sum(1 for row in review.rows if row.state != "proposed")
    open_ = len(review.rows) - settled
    count = len(review.differences)
    differ = "they agree" if not count else f"{count} difference{'s' if count != 1 else ''}"
    return (
        f"{review.first.label} and {review.second.label}: {open_} proposed match"
        f"{'es' if open_ != 1 else ''} to confirm, {settled} decided; {differ}."
    )
