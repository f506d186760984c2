"""Goals: the form refuses a vague goal and says why; saved goals read as sentences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.models.database import open_database
from app.models.transfer import add_samples
from app.process.model import Goal, Process
from app.ui.goals_view import GoalDialog, GoalsView, GoalValueError, parse_goal_value
from app.ui.store import ProcessStore

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def invoices(tmp_path: Path) -> tuple[ProcessStore, Process]:
    store = ProcessStore()
    database = open_database(tmp_path / "goals.sqlite")
    add_samples(database)
    store.set_database(database)
    summary = next(item for item in store.summaries() if item.name.startswith("Approve"))
    return store, store.load(summary.id)


def save_enabled(dialog: GoalDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()


def test_a_new_goal_starts_from_the_measurement_and_needs_the_rest(
    qtbot: QtBot, invoices: tuple[ProcessStore, Process]
) -> None:
    _, process = invoices
    dialog = GoalDialog(process, None, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.baseline.text() == "5 days"
    assert dialog.baseline_source.text() == "measured from the process map"
    assert not save_enabled(dialog)
    assert "has no target" in dialog.problems.text()
    dialog.target.setText("2 days")
    dialog.owner.setText("Dana Ortiz")
    dialog.measured_by.setText("weekly from the invoice log")
    dialog.due.setText("2027-03-31")
    assert save_enabled(dialog)
    assert dialog.sentence.text() == (
        "Reduce lead time from 5 days to 2 days by 31 March 2027 — owner: Dana Ortiz, "
        "measured weekly from the invoice log."
    )
    goal = dialog.current_goal()
    assert goal.target == 2880
    assert goal.baseline == pytest.approx(7221.2666, rel=1e-4)
    assert goal.baseline_date == TODAY


def test_a_target_that_is_not_better_and_a_past_deadline_are_refused(
    qtbot: QtBot, invoices: tuple[ProcessStore, Process]
) -> None:
    _, process = invoices
    dialog = GoalDialog(process, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.target.setText("6 days")
    dialog.owner.setText("Dana")
    dialog.measured_by.setText("weekly")
    dialog.due.setText("2026-01-01")
    text = dialog.problems.text()
    assert "does not improve: the target 6 days is not below the baseline 5 days" in text
    assert "which is not after today" in text
    assert not save_enabled(dialog)
    dialog.target.setText("soon")
    assert dialog.problems.text().startswith("• Target: 'soon' is not a duration")


def test_a_custom_metric_needs_a_unit_and_a_direction(
    qtbot: QtBot, invoices: tuple[ProcessStore, Process]
) -> None:
    _, process = invoices
    dialog = GoalDialog(process, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.metric_box.setCurrentIndex(dialog.metric_box.findData("custom"))
    dialog.custom_name.setText("supplier calls")
    dialog.baseline.setText("40")
    dialog.target.setText("10")
    dialog.owner.setText("Dana")
    dialog.measured_by.setText("monthly, from the phone log")
    assert "has no unit" in dialog.problems.text()
    dialog.custom_unit.setText("calls a month")
    assert save_enabled(dialog)
    assert dialog.sentence.text().startswith("Reduce supplier calls from 40 calls a month to 10")


def test_goals_are_saved_changed_and_removed_with_undo(
    qtbot: QtBot, invoices: tuple[ProcessStore, Process]
) -> None:
    store, process = invoices
    view = GoalsView(store, today=TODAY)
    qtbot.addWidget(view)
    store.process_changed.connect(lambda process_id: view.show_process(store.load(process_id)))
    view.show_process(process)
    assert view.list.count() == 1
    assert view.list.item(0).text().startswith("Reduce lead time from 5 days to 2 days")
    goal = Goal(
        metric="handoffs",
        target=3,
        baseline=5.7,
        due=dt.date(2027, 2, 1),
        owner="Ana",
        measured_by="monthly sample of 20 invoices",
    )
    view.save_goal(None, goal)
    assert len(store.load(process.id).goals) == 2
    view.list.setCurrentRow(0)
    view.remove_goal()
    assert [g.metric for g in store.load(process.id).goals] == ["handoffs"]
    store.undo_stack.undo()
    store.undo_stack.undo()
    assert store.load(process.id).goals == process.goals


@pytest.mark.parametrize(
    ("metric", "text", "value"),
    [
        ("pce", "25 %", 0.25),
        ("pce", "0.3", 0.3),
        ("annual_cost", "$120,000", 120000.0),
        ("lead_time", "1 week", 10080.0),
        ("handoffs", "3", 3.0),
    ],
)
def test_values_are_read_as_people_write_them(metric: str, text: str, value: float) -> None:
    assert parse_goal_value(Goal(metric=metric), text, "Target") == pytest.approx(value)


def test_an_unreadable_number_says_so() -> None:
    with pytest.raises(GoalValueError, match="Target: 'lots' is not a number"):
        parse_goal_value(Goal(metric="handoffs"), "lots", "Target")


def test_change_with_no_goal_chosen_adds_nothing(
    qtbot: QtBot, invoices: tuple[ProcessStore, Process], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, process = invoices
    view = GoalsView(store, today=TODAY)
    qtbot.addWidget(view)
    view.show_process(process)
    assert view.list.currentRow() == -1
    opened: list[str] = []
    monkeypatch.setattr(GoalDialog, "exec", lambda dialog: opened.append(dialog.windowTitle()))
    view.edit_button.click()
    assert opened == []
    assert store.load(process.id).goals == process.goals
