"""What-if step times and working hours typed into the Simulate tab: kept on the scenario,
saved as typed, used by the run; bad input named in one sentence and not kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.models.database import open_database
from app.models.transfer import add_samples
from app.simulation.saved import planned_scenarios, scenario_from_document
from app.simulation.scenario import StepTime
from app.ui.simulate_page import SimulatePage
from app.ui.simulate_scenarios import EXTRA_KEY
from app.ui.store import ProcessStore


@pytest.fixture
def page(qtbot: QtBot, tmp_path: Path) -> SimulatePage:
    store = ProcessStore()
    database = open_database(tmp_path / "whatif.sqlite")
    add_samples(database)
    store.set_database(database)
    summary = next(item for item in store.summaries() if item.name.startswith("Approve"))
    widget = SimulatePage(store)
    qtbot.addWidget(widget)
    widget.show_process(store.load(summary.id))
    widget.cases.setValue(200)
    widget.replications.setValue(3)
    widget.scenarios.add_row()
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    widget.sections.setCurrentWidget(widget.whatifs)
    widget.whatifs.scenario.setCurrentIndex(1)
    return widget


def type_into(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    """Focus, select what is there, type, and Tab on (which saves)."""
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Tab)


def pick_step(page: SimulatePage, step_id: str) -> None:
    combo = page.whatifs.editor.step
    combo.setCurrentIndex(combo.findData(step_id))


def saved_row(page: SimulatePage, row: int) -> dict[str, object]:
    process = page.store.load(page.process.id)  # type: ignore[union-attr]
    return dict(process.extra[EXTRA_KEY][row])


def hours_field(page: SimulatePage, lane_id: str, column: int) -> QLineEdit:
    editor = page.whatifs.editor
    row = [lane.id for lane in page.process.lanes].index(lane_id)  # type: ignore[union-attr]
    line = editor.hours.cellWidget(row, column)
    assert isinstance(line, QLineEdit)
    return line


def test_a_step_time_and_hours_are_typed_saved_and_simulated(
    page: SimulatePage, qtbot: QtBot
) -> None:
    editor = page.whatifs.editor
    pick_step(page, "s4")
    assert editor.times["typical"].placeholderText() == "as mapped: 8 min"
    type_into(qtbot, editor.times["typical"], "5 min")
    type_into(qtbot, editor.times["best"], "3")
    type_into(qtbot, editor.times["worst"], "0.2 h")
    assert QApplication.focusWidget() is editor.reset  # Tab kept its place through each save
    type_into(qtbot, hours_field(page, "ap", 1), "mon-fri")
    type_into(qtbot, hours_field(page, "ap", 2), "08:00")
    type_into(qtbot, hours_field(page, "ap", 3), "18:00")
    assert editor.problem.text() == ""
    saved = saved_row(page, 1)
    assert saved["step_times"] == {"s4": {"typical": 5.0, "best": 3.0, "worst": 12.0}}
    assert saved["hours"] == {
        "ap": {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "08:00", "end": "18:00"}
    }
    scenario = scenario_from_document(saved)
    assert scenario.step_times == {"s4": StepTime(5.0, 3.0, 12.0)}
    assert "Accounts payable works mon–fri 08:00–18:00" in editor.summary.text()
    assert "step_times" not in saved_row(page, 0)
    page.run()
    assert [name for name, _ in page.results] == ["Current", "What-if 1"]
    assert planned_scenarios(page.store.load(page.process.id)) == []  # type: ignore[union-attr]


def test_bad_times_and_hours_are_named_and_not_kept(page: SimulatePage, qtbot: QtBot) -> None:
    editor = page.whatifs.editor
    pick_step(page, "s4")
    type_into(qtbot, editor.times["best"], "20 min")
    assert editor.problem.text() == (
        "What-if 1, 'Key invoice into ERP': the best time (20 min) is longer than the worst "
        "(8 min)."
    )
    type_into(qtbot, editor.times["best"], "five")
    assert editor.problem.text().startswith("What-if 1, 'Key invoice into ERP', best: ")
    assert editor.times["best"].text() == "five"  # what was typed stays
    editor.times["best"].clear()
    type_into(qtbot, hours_field(page, "ap", 1), "monday")
    assert editor.problem.text() == (
        "What-if 1, Accounts payable: 'monday' is not a day; use mon, tue, wed, thu, fri, sat, sun."
    )
    type_into(qtbot, hours_field(page, "ap", 1), "mon")
    type_into(qtbot, hours_field(page, "ap", 2), "17:00")
    type_into(qtbot, hours_field(page, "ap", 3), "09:00")
    assert "are not working hours" in editor.problem.text()
    assert "step_times" not in saved_row(page, 1)
    assert "hours" not in saved_row(page, 1)


def test_keeping_the_maps_time_removes_the_change(page: SimulatePage, qtbot: QtBot) -> None:
    editor = page.whatifs.editor
    pick_step(page, "s4")
    type_into(qtbot, editor.times["typical"], "4")
    assert saved_row(page, 1)["step_times"] == {"s4": {"typical": 4.0}}
    editor.reset.setFocus()
    qtbot.keyClick(editor.reset, Qt.Key.Key_Space)
    assert "step_times" not in saved_row(page, 1)
