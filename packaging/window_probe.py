"""The smoke test's probe: say when the window shows and its database opens, then quit.

Installed by ``entry.py`` only when ``WALKTHROUGH_SMOKE_WINDOW`` is set (``smoke.py`` sets it),
in the bundle and in the virtualenv app alike, so both times to window are measured the same way.
"""

from __future__ import annotations

from typing import Any


def _say(line: str) -> None:
    print(line, flush=True)


def install() -> None:
    """Wrap ``MainWindow.show`` so the window reports itself and quits once its database is open."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.main_window import MainWindow

    original_show = MainWindow.show

    def opened(label: str) -> None:
        _say(f"opened {label}")
        QTimer.singleShot(0, QApplication.quit)

    def show(self: Any) -> None:
        original_show(self)
        self.database_opened.connect(opened)
        QTimer.singleShot(0, lambda: _say("shown"))  # once the event loop has turned

    MainWindow.show = show  # type: ignore[method-assign]
