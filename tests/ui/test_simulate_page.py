"""The Simulate tab: scenarios side by side, results with units, progress, Cancel, errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.models.database import open_database
from app.models.transfer import add_samples
from app.process.staffing import lane_people, touch_range, wait_for
from app.simulation.saved import SETTINGS_KEY, planned_scenarios
from app.ui import messages
from app.ui.simulate_page import SimulatePage
from app.ui.simulate_scenarios import DEMAND, EXTRA_KEY, FIXED_COLUMNS, IN_PLAN, STATE
from app.ui.store import ProcessStore


@pytest.fixture
def page(qtbot: QtBot, tmp_path: Path) -> SimulatePage:
    store = ProcessStore()
    database = open_database(tmp_path / "simulate.sqlite")
    add_samples(database)
    store.set_database(database)
    summary = next(item for item in store.summaries() if item.name.startswith("Approve"))
    widget = SimulatePage(store)
    qtbot.addWidget(widget)
    widget.show_process(store.load(summary.id))
    widget.cases.setValue(200)
    widget.replications.setValue(3)
    return widget


def _people(page: SimulatePage, row: int, lane_id: str, people: int) -> None:
    column = len(FIXED_COLUMNS) + [lane.id for lane in page.scenarios.lanes].index(lane_id)
    page.scenarios.cellWidget(row, column).setValue(people)  # type: ignore[union-attr]


def _cell(page: SimulatePage, label: str, column: int) -> str:
    table = page.results_table
    for row in range(table.rowCount()):
        header = table.verticalHeaderItem(row)
        if header is not None and header.text() == label:
            item = table.item(row, column)
            return item.text() if item else ""
    raise AssertionError(f"no row {label!r}")


def test_two_scenarios_run_side_by_side_and_are_saved(page: SimulatePage) -> None:
    page.scenarios.add_row()
    _people(page, 0, "ap", 1)
    _people(page, 1, "ap", 2)
    page.run()
    assert [name for name, _ in page.results] == ["Current", "What-if 1"]
    assert _cell(page, "Utilisation · Accounts payable", 0).endswith("of 1 person")
    assert _cell(page, "Lead time (mean)", 0).endswith(("h", "days", "day", "min"))
    assert page.progress.value() == page.progress.maximum() == 6
    saved = page.store.load(page.process.id).extra[EXTRA_KEY]  # type: ignore[union-attr]
    assert [item["people"] for item in saved] == [{"ap": 1}, {"ap": 2}]
    assert page.bars.rows
    assert sum(page.histogram.counts) == 600


def test_an_overloaded_role_is_named_not_given_a_number(page: SimulatePage) -> None:
    _people(page, 0, "ap", 1)
    page.scenarios.cellWidget(0, DEMAND).setValue(6.0)  # type: ignore[union-attr]
    page.run()
    assert _cell(page, "Lead time (mean)", 0) == "no finite value"
    assert "grows without bound" in page.warnings.text()


def test_no_more_than_four_scenarios(page: SimulatePage) -> None:
    for _ in range(6):
        page.scenarios.add_row()
    assert page.scenarios.rowCount() == 4


def test_cancel_stops_the_run_and_says_so(page: SimulatePage) -> None:
    page.relay.advanced.connect(lambda done, total: page.cancel_button.click())
    page.run()
    assert page.results == []
    assert "Cancelled" in page.warnings.text()
    assert page.run_button.isEnabled()
    assert not page.cancel_button.isEnabled()


def test_a_bad_scenario_shows_one_sentence(
    page: SimulatePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _parent, _title, text: shown.append(text))
    page.scenarios.cellWidget(0, STATE).addItem("Future", "future")  # type: ignore[union-attr]
    page.scenarios.cellWidget(0, STATE).setCurrentIndex(1)  # type: ignore[union-attr]
    page.run()
    assert shown == [
        "Current: 'Approve supplier invoices' has no future state yet: design it first"
    ]


def _lane_cell(page: SimulatePage, lane_id: str, column: int) -> Any:
    row = [lane.id for lane in page.process.lanes].index(lane_id)  # type: ignore[union-attr]
    return page.staffing.lanes.cellWidget(row, column)


def _step_cell(page: SimulatePage, step_id: str, column: int) -> Any:
    row = [step.id for step in page.process.steps].index(step_id)  # type: ignore[union-attr]
    return page.staffing.steps.cellWidget(row, column)


def _show_staffing(page: SimulatePage) -> None:
    page.show()
    page.sections.setCurrentWidget(page.staffing)


def test_staffing_is_filled_only_when_seen(page: SimulatePage) -> None:
    assert page.staffing.steps.rowCount() == 0
    _show_staffing(page)
    assert page.staffing.steps.rowCount() == 15


def test_staffing_and_times_are_saved_as_they_are_edited(page: SimulatePage) -> None:
    _show_staffing(page)
    _lane_cell(page, "ap", 1).setValue(2)
    _lane_cell(page, "ap", 2).setText("mon-fri")
    _lane_cell(page, "ap", 3).setText("09:00")
    _lane_cell(page, "ap", 4).setText("17:00")
    _step_cell(page, "s4", 2).setText("3 min")
    _step_cell(page, "s4", 3).setText("1 h")
    page.staffing.save()
    _step_cell(page, "s4", 4).setCurrentIndex(2)  # saves on its own
    saved = page.store.load(page.process.id)  # type: ignore[union-attr]
    lane = next(lane for lane in saved.lanes if lane.id == "ap")
    assert lane_people(lane) == 2
    assert lane.extra["working_hours"] == {
        "days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "17:00",
    }  # fmt: skip
    step = next(step for step in saved.steps if step.id == "s4")
    assert touch_range(step) == (3.0, 60.0)
    assert wait_for(step) == "outside"
    assert page.staffing.problem.text() == ""


def test_unusable_staffing_is_named_and_not_saved(page: SimulatePage) -> None:
    _show_staffing(page)
    before = page.store.load(page.process.id)  # type: ignore[union-attr]
    _step_cell(page, "s4", 2).setText("2 h")
    _step_cell(page, "s4", 3).setText("5 min")
    page.staffing.save()
    assert "the best hands-on time (120 min) is longer than the worst (5 min)" in (
        page.staffing.problem.text()
    )
    _lane_cell(page, "ap", 2).setText("monday")
    page.staffing.save()
    assert page.staffing.problem.text().startswith("Accounts payable: 'monday' is not a day")
    assert page.store.load(before.id) == before
    assert _lane_cell(page, "ap", 2).text() == "monday"  # what was typed stays


def test_the_interviewed_wait_stands_beside_the_simulated_one(page: SimulatePage) -> None:
    _people(page, 0, "ap", 1)
    page.run()
    text = _cell(page, "Wait before 'Key invoice into ERP' (interview: 13 h)", 0)
    assert text.endswith(("min", "h"))


def test_in_the_plan_is_chosen_with_the_keyboard_and_remembered(
    page: SimulatePage, qtbot: QtBot
) -> None:
    page.show()
    page.scenarios.add_row()
    page.scenarios.setFocus()
    page.scenarios.setCurrentCell(1, IN_PLAN)
    qtbot.keyClick(page.scenarios, Qt.Key.Key_Space)
    saved = page.store.load(page.process.id)  # type: ignore[union-attr]
    assert [item["in_plan"] for item in saved.extra[EXTRA_KEY]] == [False, True]
    assert [scenario.name for scenario in planned_scenarios(saved)] == ["What-if 1"]
    assert saved.extra[SETTINGS_KEY] == {"cases": 200, "replications": 3, "warmup": 100, "seed": 1}
    page.show_process(saved)
    item = page.scenarios.item(1, IN_PLAN)
    assert item is not None
    assert item.checkState() == Qt.CheckState.Checked


def test_undo_brings_the_scenarios_back(page: SimulatePage) -> None:
    page.scenarios.add_row()
    assert page.scenarios.rowCount() == 2
    page.store.undo_stack.undo()
    page.show_process(page.store.load(page.process.id))  # type: ignore[union-attr]
    assert page.scenarios.rowCount() == 1
