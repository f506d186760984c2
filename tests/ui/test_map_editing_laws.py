"""The undo law on the real store: any sequence of map edits, then undo of all of them, gives
back the process exactly as it was saved (through the database)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from app.editing import Refusal
from app.models.database import open_database
from app.ui import messages
from app.ui.map import editor as editor_module
from app.ui.map.page import MapPage
from app.ui.store import ProcessStore
from tests.editing.maps import quote_map
from tests.editing.test_laws import edits


@pytest.fixture
def page(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MapPage:
    monkeypatch.setattr(editor_module, "ask_to_confirm", lambda _parent, _reason: True)
    monkeypatch.setattr(messages, "show_error", lambda *_args: None)
    store = ProcessStore()
    store.set_database(open_database(tmp_path / "laws.sqlite"))
    [process_id] = store.add_processes([quote_map()], "Add")
    store.undo_stack.clear()
    widget = MapPage(store)
    qtbot.addWidget(widget)
    store.process_changed.connect(lambda pid: widget.show_process(store.load(pid)))
    widget.show_process(store.load(process_id))
    return widget


@settings(
    max_examples=int(os.environ.get("LAW_EXAMPLES", "25")),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    deadline=None,
)
@given(data=st.data())
def test_law_random_edits_then_undo_of_all_give_back_the_original(
    page: MapPage, data: st.DataObject
) -> None:
    assert page.whole is not None
    original = page.store.load(page.whole.id)
    page.store.undo_stack.clear()
    try:
        for _ in range(data.draw(st.integers(1, 8))):
            assert page.process is not None
            edit = data.draw(edits(page.process))
            page.editor.plain(edit, "Random edit")
    finally:  # the next example starts from the original even when this one fails
        while page.store.undo_stack.canUndo():
            page.store.undo_stack.undo()
    assert page.store.load(page.whole.id) == original
    assert page.process == original
    assert set(page.scene.steps) == {step.id for step in original.steps}
    assert not isinstance(original, Refusal)
