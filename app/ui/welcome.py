"""The page shown when no process is selected: what to do first."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """Offers the example processes on an empty database, or says how to pick one."""

    samples_requested = Signal()
    import_requested = Signal()
    interview_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setMaximumWidth(520)
        self.interview_button = QPushButton("Start an interview", self)
        self.interview_button.setAccessibleName("Start an interview")
        self.interview_button.setToolTip(
            "Walk through a process with the person who does it (Ctrl+N)"
        )
        self.interview_button.setDefault(True)
        self.interview_button.clicked.connect(self.interview_requested)
        self.samples_button = QPushButton("Explore the example processes", self)
        self.samples_button.setAccessibleName("Explore the example processes")
        self.samples_button.setToolTip("Adds a client onboarding and a supplier invoice process")
        self.import_button = QPushButton("Import a process file…", self)
        self.import_button.setAccessibleName("Import a process file…")
        self.samples_button.clicked.connect(self.samples_requested)
        self.import_button.clicked.connect(self.import_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.interview_button)
        buttons.addWidget(self.samples_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.set_empty(True)

    def set_empty(self, empty: bool) -> None:
        """Welcome a new user on an empty database; otherwise ask to pick a process."""
        if empty:
            self.title.setText("Welcome to Walkthrough")
            self.body.setText(
                "Sit with the person who does the work and ask: “walk me through exactly how "
                "you do this.” Walkthrough keeps every step, draws the map, shows what the "
                "waiting costs and prints the plan.\n\nStart an interview, explore an example, "
                "or import a process file from a colleague."
            )
        else:
            self.title.setText("Pick a process")
            self.body.setText("Choose a process on the left to see it, or search by name.")
        self.samples_button.setVisible(empty)
        self.import_button.setVisible(empty)
