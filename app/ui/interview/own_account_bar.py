"""The offer, in a further interview, to tell the process from the beginning as that person's
own account; while they do, a line saying the map is put aside and comes back at the end."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.interview import interview_state
from app.interview.own_account import (
    begin_own_account,
    can_tell_own_account,
    finish_own_account,
    telling_own_account,
)
from app.process.model import Process


class OwnAccountBar(QFrame):
    """Offers "Tell it from the beginning"; ends the account when the interview is done."""

    edited = Signal(object, str)  # the next snapshot, the undo text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.process = Process(name="")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton(self)
        self.button.clicked.connect(self._clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()

    def show_process(self, process: Process) -> None:
        """Offer, tell, or (the interview done) end the person's own account."""
        self.process = process
        who = _who(process)
        if telling_own_account(process):  # finishing the interview ends it (interview page)
            self.text.setText(
                f"{who} is telling the process from the beginning, as their own account. The "
                "map is put aside and comes back when the interview ends; compare the two "
                "on the Accounts tab."
            )
            self.button.setText("&End the interview here")
        elif can_tell_own_account(process):
            self.text.setText(
                f"{who} can add to the map as it is, or tell the process from the beginning "
                "as their own account, to compare with what others said."
            )
            self.button.setText("Tell it from the &beginning")
        self.setVisible(telling_own_account(process) or can_tell_own_account(process))

    def _clicked(self) -> None:
        if telling_own_account(self.process):
            self.edited.emit(finish_own_account(self.process), "End their account")
        elif can_tell_own_account(self.process):
            self.edited.emit(begin_own_account(self.process), "Tell it from the beginning")


def _who(process: Process) -> str:
    index = interview_state(process).interview_index
    person = (
        process.interviews[index].interviewee.strip() if index < len(process.interviews) else ""
    )
    return person or "This person"
