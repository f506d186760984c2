"""Views that save after background work, or after another database opens, save onto the
process as it is now — never an older snapshot a hidden tab still holds."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.evidence.columns import ColumnChoice
from app.evidence.stored import stored_mapping
from app.models.database import open_database
from app.models.transfer import add_samples
from app.ui import worker
from app.ui.main_window import MainWindow
from app.ui.store import ProcessStore
from bench.sample_log import SAMPLE_LOG
from tests.evidence.logs import INVOICE_LOG, write_csv

Task = dict[str, Callable[..., Any]]


@pytest.fixture
def held_task(monkeypatch: pytest.MonkeyPatch) -> Task:
    """The log read is held until the test lets it finish."""
    held: Task = {}

    def hold(work: Callable[[], Any], done: Callable[[Any], None], _failed: object) -> None:
        held.update(work=work, done=done)

    monkeypatch.setattr(worker, "run_task", hold)
    return held


def _finish(held: Task) -> None:
    held["done"](held["work"]())


def _select(window: MainWindow, starts: str) -> str:
    process_id = next(s.id for s in window.store.summaries() if s.name.startswith(starts))
    window.process_list.select(process_id)
    return process_id


def test_a_log_read_while_its_tab_is_hidden_keeps_the_edits_made_meanwhile(
    window: MainWindow, held_task: Task
) -> None:
    window.add_samples()
    process_id = _select(window, "Onboard")
    page = window.process_page
    page.tabs.setCurrentWidget(page.evidence_page)
    assert stored_mapping(window.store.load(process_id)) is not None
    page.evidence_page.read(SAMPLE_LOG, ColumnChoice())
    page.tabs.setCurrentWidget(page.define_view)
    window.store.update_fields(process_id, {"owner": "Bo Lindqvist"})
    _finish(held_task)
    assert window.store.load(process_id).owner == "Bo Lindqvist"


def test_a_log_read_for_one_process_is_not_kept_on_another(
    window: MainWindow, held_task: Task, tmp_path: Path
) -> None:
    window.add_samples()
    _select(window, "Approve")
    page = window.process_page
    page.tabs.setCurrentWidget(page.evidence_page)
    columns = ColumnChoice(case="Ticket", activity="Step", timestamp="When")
    page.evidence_page.read(write_csv(tmp_path, INVOICE_LOG), columns)
    other = _select(window, "Onboard")
    page.tabs.setCurrentWidget(page.evidence_page)
    before = window.store.load(other)
    _finish(held_task)
    assert window.store.load(other) == before


def test_opening_a_copy_of_the_database_shows_the_copy_and_edits_go_onto_it(
    window: MainWindow, tmp_path: Path
) -> None:
    first, copy = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    database = open_database(first)
    add_samples(database)
    database.close()
    shutil.copyfile(first, copy)
    colleague = ProcessStore()
    colleague.set_database(open_database(copy))
    process_id = next(s.id for s in colleague.summaries() if s.name.startswith("Approve"))
    assert colleague.apply(replace(colleague.load(process_id), owner="Colleague"), "Edit")
    colleague.set_database(None)

    window.store.set_database(open_database(first))
    window.process_list.select(process_id)
    page = window.process_page
    page.tabs.setCurrentWidget(page.define_view)
    window._database_ready(open_database(copy))
    owner = page.define_view.editors["owner"]
    assert isinstance(owner, QLineEdit)
    assert owner.text() == "Colleague"
    page.tabs.setCurrentWidget(page.map_page)
    approval = next(s for s in window.store.load(process_id).steps if s.kind == "approval")
    page.map_page.editor.mark_never_rejected(approval.id)
    assert window.store.load(process_id).owner == "Colleague"


def test_a_simulation_of_one_process_is_not_shown_on_another(
    window: MainWindow, held_task: Task, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui import simulate_page

    monkeypatch.setattr(simulate_page, "run_task", worker.run_task)  # held like the others
    window.add_samples()
    _select(window, "Onboard")
    page = window.process_page
    page.tabs.setCurrentWidget(page.simulate_page)
    page.simulate_page.run()
    _select(window, "Approve")
    page.tabs.setCurrentWidget(page.simulate_page)
    _finish(held_task)
    assert page.simulate_page.results == []
    assert page.simulate_page.run_button.isEnabled()


def test_staffing_rows_go_to_their_own_lanes_when_one_is_added_meanwhile(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QSpinBox

    from app.process.model import Lane, Process, Step
    from app.ui.simulate_staffing import StaffingEditor

    lanes = (Lane("a", "Clerk", extra={"people": 2}), Lane("b", "Manager", extra={"people": 1}))
    steps = (Step("s1", "a", "Enter", touch_minutes=5), Step("s2", "b", "Approve", touch_minutes=5))
    first = Process(name="P", id="p", lanes=lanes, steps=steps)
    editor = StaffingEditor()
    qtbot.addWidget(editor)
    editor.show()
    editor.show_process(first)
    saved: list[Process] = []
    editor.edited.connect(saved.append)
    clerk = editor.lanes.cellWidget(0, 1)
    assert isinstance(clerk, QSpinBox)
    editor.activateWindow()
    clerk.setFocus()
    qtbot.waitUntil(clerk.hasFocus)
    reception = Lane("c", "Reception", extra={"people": 5})
    editor.show_process(replace(first, lanes=(reception, *lanes)))  # typed in: not refilled
    clerk.setValue(3)
    editor.save()
    people = {lane.name: lane.extra.get("people") for lane in saved[-1].lanes}
    assert people == {"Reception": 5, "Clerk": 3, "Manager": 1}
