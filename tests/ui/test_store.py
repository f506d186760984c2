"""The store: saves against the version shown, changes made elsewhere, a disk that refuses."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.models import saving
from app.models.database import DatabaseError, open_database
from app.models.transfer import add_samples
from app.ui.store import Conflict, ProcessStore


@pytest.fixture
def stores(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[ProcessStore, ProcessStore, str]]:
    """Two windows' stores on one database file, and the id of a process in it."""
    path = tmp_path / "shared.sqlite"
    seed = open_database(path)
    add_samples(seed)
    seed.close()
    first, second = ProcessStore(), ProcessStore()
    first.set_database(open_database(path))
    second.set_database(open_database(path))
    process_id = first.summaries()[0].id
    yield first, second, process_id
    first.set_database(None)
    second.set_database(None)


def test_a_save_over_a_change_made_elsewhere_is_refused_and_offered(
    qtbot: QtBot, stores: tuple[ProcessStore, ProcessStore, str]
) -> None:
    first, second, process_id = stores
    shown_here = first.load(process_id)
    second.apply(replace(second.load(process_id), owner="Bo"), "Edit owner")
    with qtbot.waitSignal(first.changed_elsewhere) as refused:
        assert not first.apply(replace(shown_here, owner="Ana"), "Edit owner")
    conflict = refused.args[0]
    assert isinstance(conflict, Conflict)
    assert (conflict.theirs.owner, conflict.mine.owner) == ("Bo", "Ana")
    assert first.load(process_id).owner == "Bo"  # nothing was overwritten
    assert first.undo_stack.count() == 0
    copy_id = first.keep_mine_as_copy(conflict)
    assert first.load(copy_id).owner == "Ana"
    assert first.load(copy_id).name.endswith("(my version)")


def test_the_store_notices_changes_made_elsewhere(
    qtbot: QtBot, stores: tuple[ProcessStore, ProcessStore, str]
) -> None:
    first, second, process_id = stores
    first.load(process_id)
    first.check_elsewhere()
    second.apply(replace(second.load(process_id), owner="Bo"), "Edit owner")
    with qtbot.waitSignal(first.process_changed) as changed:
        first.check_elsewhere()
    assert changed.args == [process_id]
    first.apply(replace(first.load(process_id), owner="Cy"), "Edit owner")  # now based on Bo's
    assert second.load(process_id).owner == "Cy"


def test_an_edit_the_disk_refuses_stays_on_the_undo_stack_and_is_saved_later(
    qtbot: QtBot, stores: tuple[ProcessStore, ProcessStore, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _second, process_id = stores
    real_save = saving.save_snapshot

    def disk_full(*_args: object, **_kwargs: object) -> int:
        raise DatabaseError("shared.sqlite: the disk is full, so nothing was saved.")

    monkeypatch.setattr(saving, "save_snapshot", disk_full)
    with qtbot.waitSignal(first.save_failed) as failed:
        assert first.apply(replace(first.load(process_id), owner="Ana"), "Edit owner")
    assert "the disk is full" in failed.args[0]
    assert "Your edit is kept" in failed.args[0]
    assert first.undo_stack.count() == 1
    assert first.load_stored(process_id).owner != "Ana"
    with qtbot.assertNotEmitted(first.save_failed):  # said once, not at every keystroke
        first.apply(replace(first.load(process_id), owner="Ana B"), "Edit owner")
    assert first.undo_stack.count() == 2
    monkeypatch.setattr(saving, "save_snapshot", real_save)
    with qtbot.waitSignal(first.saved_after_all):
        first.retry_unsaved()
    assert first.load_stored(process_id).owner == "Ana B"
    assert first.unsaved is None


def test_a_locked_database_keeps_the_edit_and_says_so_in_one_sentence(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.models import database as database_module

    path = tmp_path / "locked.sqlite"
    seed = open_database(path)
    add_samples(seed)
    seed.close()
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 50)
    store = ProcessStore()
    store.set_database(open_database(path))
    process_id = store.summaries()[0].id
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the file
    try:
        with qtbot.waitSignal(store.save_failed) as failed:
            store.apply(replace(store.load(process_id), owner="Ana"), "Edit owner")
    finally:
        holder.rollback()
        holder.close()
    assert "is locked by another program" in failed.args[0]
    assert "\n" not in failed.args[0]
    assert store.undo_stack.count() == 1
    store.retry_unsaved()
    assert store.load_stored(process_id).owner == "Ana"
    store.set_database(None)


def test_a_value_no_database_may_store_is_refused_but_old_data_stays_editable(
    qtbot: QtBot, stores: tuple[ProcessStore, ProcessStore, str]
) -> None:
    first, _second, process_id = stores
    database = first.database
    assert database is not None
    with database.engine.begin() as connection:  # saved by an older Walkthrough on SQLite
        connection.exec_driver_sql(
            "UPDATE processes SET description = 'old' || char(0) || 'text' WHERE id = ?",
            (process_id,),
        )
    with qtbot.waitSignal(first.save_refused) as refused:
        assert not first.apply(replace(first.load(process_id), owner="Ana\x00"), "Edit owner")
    assert refused.args[0].endswith(
        "process.owner: contains a NUL character, which no text may hold"
    )
    assert first.apply(replace(first.load(process_id), owner="Ana"), "Edit owner")
    assert first.load(process_id).owner == "Ana"


def test_undo_goes_back_step_by_step_but_never_over_a_change_made_elsewhere(
    qtbot: QtBot, stores: tuple[ProcessStore, ProcessStore, str]
) -> None:
    first, second, process_id = stores
    original = first.load(process_id).owner
    first.apply(replace(first.load(process_id), owner="Ana"), "Edit owner")
    first.apply(replace(first.load(process_id), owner="Ana Reyes"), "Edit owner")
    first.undo_stack.undo()
    first.undo_stack.undo()
    assert first.load(process_id).owner == original
    first.undo_stack.redo()
    second.apply(replace(second.load(process_id), description="Changed there"), "Edit")
    first.check_elsewhere()
    with qtbot.waitSignal(first.changed_elsewhere):
        first.undo_stack.undo()  # would put back the description from before their change
    stored = first.load_stored(process_id)
    assert (stored.owner, stored.description) == ("Ana", "Changed there")
