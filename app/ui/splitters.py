"""Splitters that remember where the user left them, per splitter, in the settings file."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget

from app.ui import settings

SAVE_DELAY_MS = 400
SMALL_SCREEN = 1200  # logical pixels


def screen_width() -> int:
    """The width of the primary screen's free area, in logical pixels (0 when unknown)."""
    screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry().width() if screen is not None else 0


def remember(splitter: QSplitter, key: str, *, small_screen: list[int] | None = None) -> bool:
    """Restore ``splitter``'s sizes saved under ``key``, and save them after each move.

    Never moved yet and on a small screen (under ``SMALL_SCREEN`` wide, as a laptop at 2×
    scale is), it starts at ``small_screen`` sizes instead: a side panel folded away (and
    returns True).
    """
    folded = False
    saved = settings.settings().value(f"splitters/{key}")
    if isinstance(saved, QByteArray | bytes) and saved:
        splitter.restoreState(QByteArray(saved))
    elif small_screen is not None and screen_width() < SMALL_SCREEN:
        splitter.setSizes(small_screen)
        folded = True
    timer = QTimer(splitter)
    timer.setSingleShot(True)
    timer.setInterval(SAVE_DELAY_MS)  # one write when the drag stops, not one per pixel
    timer.timeout.connect(lambda: save(splitter, key))
    splitter.splitterMoved.connect(lambda _pos, _index: timer.start())
    return folded


def save(splitter: QSplitter, key: str) -> None:
    settings.settings().setValue(f"splitters/{key}", splitter.saveState())


def remember_all(root: QWidget, prefix: str, *, skip: set[QSplitter] | None = None) -> None:
    """Remember every splitter under ``root`` (but ``skip``), keyed by its name or its place
    in creation order."""
    for index, splitter in enumerate(root.findChildren(QSplitter)):
        if splitter not in (skip or set()):
            remember(splitter, f"{prefix}/{splitter.objectName() or index}")
