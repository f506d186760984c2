"""The one way the UI tells the user something went wrong, or asks before a big step."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from app.models import paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """A modal error with one clear sentence; it is logged too."""
    from PySide6.QtWidgets import QMessageBox  # loaded when first needed, not before the window

    log.warning("%s: %s", title, message)
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.exec()


def show_crash(parent: QWidget | None, error: BaseException) -> None:
    """An unexpected error: say so, name the log file, keep the app running."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Something went wrong",
        f"Walkthrough hit an unexpected error: {error}",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setInformativeText(
        f"Your work is saved. The details are in the log file:\n{paths.log_path()}"
    )
    box.exec()
