"""Starting the app: the window first, then the database, with a crash dialog as the net."""

from __future__ import annotations

import logging
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from app import __version__
from app.ui import messages, settings
from app.ui.main_window import MainWindow

if TYPE_CHECKING:
    from app.ui.dialog_guard import DialogGuard

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named so the platform can place settings and icons."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Walkthrough")
    app.setApplicationDisplayName("Walkthrough")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Walkthrough")
    app.setDesktopFileName("walkthrough")
    return app


def style_sheet(app: QApplication) -> str:
    """The few styles the palette does not give: error lines in a red readable on it."""
    dark = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    error = "#ff8a80" if dark else "#b3261e"
    return f"QLabel#fieldError {{ color: {error}; }}"


def install_excepthook(window: MainWindow) -> None:
    """Show unexpected errors in a dialog that names the log file instead of quitting."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.critical("unexpected error", exc_info=(kind, error, trace))
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        messages.show_crash(window, error)

    sys.excepthook = hook


def _after_showing(app: QApplication) -> DialogGuard:
    """What the first look does not need, done once the window shows: the log file, the style
    sheet (it restyles every widget), dialogs kept within the screen, and the guard that asks
    before a changed dialog is discarded."""
    from app.logs import setup_logging
    from app.ui.dialog_fit import install_dialog_fit
    from app.ui.dialog_guard import install_dialog_guard

    setup_logging()
    app.setStyleSheet(style_sheet(app))
    install_dialog_fit(app)
    return install_dialog_guard(app)


def run_app(*, database: str | None = None) -> int:
    """Show the main window at once, then open the database in the background."""
    app = create_application()
    window = MainWindow()
    geometry = settings.settings().value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    install_excepthook(window)
    window.show()
    QTimer.singleShot(0, lambda: _after_showing(app))  # first: the log is open before the db
    QTimer.singleShot(0, lambda: window.open_database_async(database))
    return app.exec()
