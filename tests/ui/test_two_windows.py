"""Two windows on one database file, as two app instances or two laptops on a share would be."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.models.database import open_database
from app.models.transfer import add_samples
from app.ui import save_problems
from app.ui.main_window import MainWindow
from tests.ui.tabs import open_tab


@pytest.fixture
def windows(qtbot: QtBot, tmp_path: Path) -> tuple[MainWindow, MainWindow, str]:
    """Two windows showing the same process of one database file."""
    path = tmp_path / "shared.sqlite"
    seed = open_database(path)
    add_samples(seed)
    seed.close()
    pair = []
    for _ in range(2):
        window = MainWindow()
        qtbot.addWidget(window)
        window.store.set_database(open_database(path))
        pair.append(window)
    process_id = pair[0].store.summaries()[0].id
    for window in pair:
        window.process_list.select(process_id)
    return pair[0], pair[1], process_id


def _owner(window: MainWindow) -> str:
    page = window.process_page
    editor = open_tab(page, page.define_view).editors["owner"]
    assert isinstance(editor, QLineEdit)
    return editor.text()


def test_an_edit_in_one_window_appears_in_the_other(
    qtbot: QtBot, windows: tuple[MainWindow, MainWindow, str]
) -> None:
    here, there, process_id = windows
    there.store.update_fields(process_id, {"owner": "Bo Lindqvist"})
    qtbot.waitUntil(lambda: _owner(here) == "Bo Lindqvist", timeout=6000)


def test_an_edit_made_before_the_refresh_is_refused_and_offered(
    qtbot: QtBot, windows: tuple[MainWindow, MainWindow, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    here, there, process_id = windows
    here.store.watcher.stop()  # the other window's edit lands between two looks
    shown = here.store.load(process_id)
    there.store.update_fields(process_id, {"owner": "Bo Lindqvist"})
    offered: list[tuple[str, str]] = []
    monkeypatch.setattr(
        save_problems,
        "resolve_conflict",
        lambda _parent, _store, conflict: offered.append(
            (conflict.theirs.owner, conflict.mine.owner)
        ),
    )
    assert not here.store.apply(replace(shown, owner="Ana Reyes"), "Edit owner")
    assert offered == [("Bo Lindqvist", "Ana Reyes")]
    assert there.store.load(process_id).owner == "Bo Lindqvist"
