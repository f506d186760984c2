"""The crash net: an unexpected error shows a dialog naming the log and the app goes on."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.logs import setup_logging
from app.ui import messages
from app.ui.application import install_excepthook, style_sheet
from app.ui.main_window import MainWindow


def test_an_unexpected_error_shows_the_dialog_and_is_logged(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_crash", lambda _parent, error: shown.append(str(error)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    log_file = setup_logging()
    install_excepthook(window)
    try:
        raise RuntimeError("the printer caught fire")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert shown == ["the printer caught fire"]
    assert "RuntimeError: the printer caught fire" in log_file.read_text()
    assert log_file.parent == data_dir


def test_error_lines_are_red_in_light_and_in_dark(qtbot: QtBot) -> None:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = QPalette(app.palette())
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    try:
        app.setPalette(dark)
        on_dark = style_sheet(app)
        light.setColor(QPalette.ColorRole.Window, QColor("#f5f5f5"))
        app.setPalette(light)
        on_light = style_sheet(app)
    finally:
        app.setPalette(light)
    assert "#ff8a80" in on_dark
    assert "#b3261e" in on_light
