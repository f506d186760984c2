"""The editable steps table: typed times, choices, flags, refusals and undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.models.database import open_database
from app.models.transfer import add_samples
from app.ui.steps_table import COLUMNS, StepsTable
from app.ui.store import ProcessStore


@pytest.fixture
def table(qtbot: QtBot, tmp_path: Path) -> StepsTable:
    store = ProcessStore()
    database = open_database(tmp_path / "steps.sqlite")
    add_samples(database)
    store.set_database(database)
    widget = StepsTable(store)
    qtbot.addWidget(widget)
    invoices = next(item for item in store.summaries() if item.name.startswith("Approve"))
    widget.show_process(store.load(invoices.id))
    store.process_changed.connect(lambda process_id: widget.show_process(store.load(process_id)))
    return widget


def column(title: str) -> int:
    return next(index for index, item in enumerate(COLUMNS) if item.title == title)


def test_a_typed_wait_is_understood_and_saved(table: StepsTable) -> None:
    index = table.model.index(3, column("Wait before"))
    assert table.model.setData(index, "2h 30m", Qt.ItemDataRole.EditRole)
    step = table.store.load(table.model.process.id).steps[3]
    assert step.wait_minutes == 150
    assert table.model.data(index, Qt.ItemDataRole.DisplayRole) == "2.5 h"


def test_an_unreadable_time_is_refused_with_a_sentence(table: StepsTable) -> None:
    before = table.store.load(table.model.process.id)
    index = table.model.index(3, column("Hands-on"))
    assert not table.model.setData(index, "soon", Qt.ItemDataRole.EditRole)
    assert table.error.text() == (
        "Hands-on time: 'soon' is not a duration: type a number such as 10 or '2 h'."
    )
    assert table.store.load(before.id) == before


def test_an_empty_name_is_refused(table: StepsTable) -> None:
    assert not table.model.setData(table.model.index(2, 0), "  ", Qt.ItemDataRole.EditRole)
    assert "needs a name" in table.error.text()


def test_lane_flags_and_undo(table: StepsTable) -> None:
    process_id = table.model.process.id
    lane_index = table.model.index(2, column("Lane"))
    assert table.model.setData(lane_index, "Finance manager", Qt.ItemDataRole.EditRole)
    habit = table.model.index(2, column("Habit"))
    assert table.model.setData(habit, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    step = table.store.load(process_id).steps[2]
    assert step.habit
    assert table.model.process.lane_by_id()[step.lane].name == "Finance manager"
    table.store.undo_stack.undo()
    table.store.undo_stack.undo()
    step = table.store.load(process_id).steps[2]
    assert not step.habit
    assert table.model.process.lane_by_id()[step.lane].name != "Finance manager"


def test_markup_emoji_and_right_to_left_text_are_kept(table: StepsTable) -> None:
    text = "<b>Check</b> & sign ✍️ — בדיקה"
    assert table.model.setData(table.model.index(1, column("Why")), text, Qt.ItemDataRole.EditRole)
    assert table.store.load(table.model.process.id).steps[1].why == text


def test_tab_after_a_typed_cell_goes_on_to_the_next_cell_of_the_same_step(
    table: StepsTable, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QApplication

    def typed(text: str) -> None:
        for key in text:  # to whichever widget has the focus, as typing does
            qtbot.keyClicks(QApplication.focusWidget(), key)

    with qtbot.waitActive(table):
        table.show()
    view = table.view
    view.setFocus()
    view.setCurrentIndex(table.model.index(2, column("Hands-on")))
    typed("5 min")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (2, column("Wait before"))
    typed("2 h")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()  # Return commits on the next turn of the loop
    first, _second, third = table.store.load(table.model.process.id).steps[:3]
    assert first.name == "Invoice arrives"
    assert (third.touch_minutes, third.wait_minutes) == (5, 120)


def _select_rows(table: StepsTable, *rows: int) -> None:
    from PySide6.QtCore import QItemSelectionModel

    selection = table.view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(table.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select)


def _undo_gives_back(table: StepsTable, before: object) -> None:
    after = table.store.load(table.model.process.id)
    table.store.undo_stack.undo()
    assert table.store.load(table.model.process.id) == before
    table.store.undo_stack.redo()
    assert table.store.load(table.model.process.id) == after


def test_insert_duplicate_and_delete_rows(
    table: StepsTable, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.map import editor

    store = table.store
    process = table.model.process
    count = len(process.steps)
    _select_rows(table, 1)
    table.commands["insert"].trigger()
    assert len(store.load(process.id).steps) == count + 1
    new = store.load(process.id).steps[2]
    assert new.name == "New step"
    assert table.selected_step_ids() == [new.id]  # the new row is selected, ready to type
    _undo_gives_back(table, process)
    before = store.load(process.id)
    _select_rows(table, 2)
    table.commands["duplicate"].trigger()
    assert store.load(process.id).steps[3].name == "New step (copy)"
    _undo_gives_back(table, before)
    before = store.load(process.id)
    _select_rows(table, 2, 3)
    table.commands["delete"].trigger()
    assert len(store.load(process.id).steps) == count
    _undo_gives_back(table, before)
    asked: list[str] = []
    monkeypatch.setattr(editor, "ask_to_confirm", lambda _p, reason: asked.append(reason) or False)
    ends = [row for row, s in enumerate(table.model.process.steps) if s.kind == "end"]
    before = store.load(process.id)
    _select_rows(table, ends[0])
    table.commands["delete"].trigger()
    assert "no way out" in asked[0]
    assert store.load(process.id) == before
    _select_rows(table, 0)
    table.commands["delete"].trigger()
    assert table.error.text().endswith("the map needs one to begin.")
    assert store.load(process.id) == before
