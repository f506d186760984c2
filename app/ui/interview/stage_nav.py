"""The Back and Next buttons at the foot of each interview stage."""

from __future__ import annotations

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget


def stage_buttons(
    parent: QWidget,
    back: str,
    forward: str,
    back_signal: SignalInstance,
    next_signal: SignalInstance,
) -> tuple[QPushButton | None, QPushButton | None]:
    """The Back and Next buttons of a stage, with their shortcuts on them."""
    buttons: list[QPushButton | None] = []
    for title, key, signal in ((back, "Alt+B", back_signal), (forward, "Alt+N", next_signal)):
        if not title:
            buttons.append(None)
            continue
        words = f"◂ Back: {title}" if key == "Alt+B" else f"Next: {title} ▸"
        button = QPushButton(f"{words}  ({key})", parent)
        button.setShortcut(QKeySequence(key))
        button.setAccessibleName(words.strip("◂▸ "))
        button.clicked.connect(signal)
        buttons.append(button)
    return buttons[0], buttons[1]


def nav_row(back: QPushButton | None, forward: QPushButton | None) -> QHBoxLayout:
    """Back at the left, Next at the right."""
    row = QHBoxLayout()
    if back is not None:
        row.addWidget(back)
    row.addStretch(1)
    if forward is not None:
        row.addWidget(forward)
    return row
