"""GUI test fixtures: one window on a temporary database, background work run inline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.models.database import open_database
from app.ui import worker
from app.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def inline_tasks() -> Iterator[None]:
    worker.run_inline(True)
    yield
    worker.run_inline(False)


@pytest.fixture(autouse=True)
def desktop_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt's offscreen screen is 800 px wide; the window sizes its panels for a desktop one
    unless a test says otherwise (small screens fold the side panels)."""
    from app.ui import splitters

    monkeypatch.setattr(splitters, "screen_width", lambda: 1920)


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Error dialogs are recorded instead of shown."""
    shown: list[str] = []
    from app.ui import messages

    monkeypatch.setattr(messages, "show_error", lambda _parent, _title, text: shown.append(text))
    return shown


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, errors: list[str]) -> MainWindow:
    main = MainWindow()
    qtbot.addWidget(main)
    main.store.set_database(open_database(tmp_path / "ui.sqlite"))
    return main
