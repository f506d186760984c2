"""Splitters that remember where the user left them, per splitter, in the settings file."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtWidgets import QSplitter, QWidget

from app.ui import settings

SAVE_DELAY_MS = 400


def remember(splitter: QSplitter, key: str) -> None:
    """Restore ``splitter``'s sizes saved under ``key``, and save them after each move."""
    saved = settings.settings().value(f"splitters/{key}")
    if isinstance(saved, QByteArray | bytes) and saved:
        splitter.restoreState(QByteArray(saved))
    timer = QTimer(splitter)
    timer.setSingleShot(True)
    timer.setInterval(SAVE_DELAY_MS)  # one write when the drag stops, not one per pixel
    timer.timeout.connect(lambda: save(splitter, key))
    splitter.splitterMoved.connect(lambda _pos, _index: timer.start())


def save(splitter: QSplitter, key: str) -> None:
    settings.settings().setValue(f"splitters/{key}", splitter.saveState())


def remember_all(root: QWidget, prefix: str) -> None:
    """Remember every splitter under ``root``, keyed by its name or its place in creation order."""
    for index, splitter in enumerate(root.findChildren(QSplitter)):
        remember(splitter, f"{prefix}/{splitter.objectName() or index}")
