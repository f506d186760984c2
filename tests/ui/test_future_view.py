"""The Future state tab: start from a copy of the map, apply actions with the map page's
editing, compare every metric before → after, and reset with confirmation (undoable)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.analysis.goals import BUILTIN_METRICS
from app.analysis.metrics import compute_metrics
from app.analysis.projection import compare_metrics
from app.future import apply_actions
from app.interview.edits import delete_step
from app.models.database import open_database
from app.models.transfer import add_samples
from app.process.model import Action, Process
from app.ui.future_view import FutureView, metric_value
from app.ui.store import ProcessStore


@pytest.fixture
def view(qtbot: QtBot, tmp_path: Path) -> FutureView:
    store = ProcessStore()
    database = open_database(tmp_path / "future.sqlite")
    add_samples(database)
    store.set_database(database)
    summary = next(item for item in store.summaries() if item.name.startswith("Approve"))
    widget = FutureView(store)
    qtbot.addWidget(widget)
    store.process_changed.connect(lambda pid: widget.show_process(store.load(pid)))
    widget.show_process(store.load(summary.id))
    return widget


def saved(view: FutureView) -> Process:
    assert view.process is not None
    return view.store.load(view.process.id)


def future(view: FutureView) -> Process:
    result = saved(view).future_state
    assert result is not None
    return result


def rows(view: FutureView) -> dict[str, list[str]]:
    tree = view.comparison
    items = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
    return {item.text(0): [item.text(c) for c in (1, 2, 3)] for item in items if item}


def expected_rows(process: Process) -> dict[str, list[str]]:
    assert process.future_state is not None
    changes = compare_metrics(compute_metrics(process), compute_metrics(process.future_state))
    return {
        c.label[:1].upper() + c.label[1:]: [
            metric_value(c, c.before, process.currency),
            metric_value(c, c.after, process.currency),
            ("✓ better" if c.improved else "worse") if abs(c.delta) > 1e-9 else "no change",
        ]
        for c in changes
    }


def test_starting_copies_the_current_map_and_nothing_changes_yet(view: FutureView) -> None:
    assert view.pages.currentIndex() == 0
    view.start_button.click()
    process = saved(view)
    assert view.pages.currentIndex() == 1
    assert (future(view).lanes, future(view).steps, future(view).flows) == (
        process.lanes,
        process.steps,
        process.flows,
    )
    assert set(view.map_page.scene.steps) == {step.id for step in process.steps}
    shown = rows(view)
    assert len(shown) == len(BUILTIN_METRICS)
    assert all(row[2] == "no change" for row in shown.values())
    assert shown["Lead time"][:2] == ["5 days", "5 days"]


def test_cutting_the_approval_rewires_flows_and_improves_the_figures(view: FutureView) -> None:
    view.start_button.click()
    view.map_page.select_step("s9")
    assert view.cut_button.isEnabled()
    view.cut_button.click()
    after = future(view)
    assert "s9" not in after.step_by_id()
    assert all("s9" not in (f.source, f.target) for f in after.flows)
    assert any(f.source == "s8" and f.target == "s10" for f in after.flows)
    assert saved(view).step_by_id()["s9"].name == "Approve invoice"  # the current map stays
    shown = rows(view)
    assert shown == expected_rows(saved(view))
    assert shown["Approvals"] == ["1", "0", "✓ better"]
    assert shown["Lead time"][2] == "✓ better"
    view.store.undo_stack.undo()
    assert "s9" in future(view).step_by_id()


def test_times_and_lanes_are_edited_on_the_future_map_only(view: FutureView) -> None:
    view.start_button.click()
    view.map_page.select_step("s4")
    view.times_button.click()
    panel = view.map_page.panel
    panel.wait.setText("1 h")
    panel.wait.editingFinished.emit()
    view.move_to_lane("erp")
    step = future(view).step_by_id()["s4"]
    assert (step.wait_minutes, step.lane) == (60.0, "erp")
    current = saved(view).step_by_id()["s4"]
    assert (current.wait_minutes, current.lane) == (780.0, "ap")
    assert rows(view) == expected_rows(saved(view))
    assert rows(view)["Wait time"][2] == "✓ better"


def test_combining_merges_a_step_with_the_next(view: FutureView) -> None:
    view.start_button.click()
    view.map_page.select_step("s3")
    view.combine_button.click()
    steps = future(view).step_by_id()
    assert "s4" not in steps
    assert steps["s3"].touch_minutes == 4 + 8


def test_reset_asks_first_and_undo_brings_it_back(
    view: FutureView, monkeypatch: pytest.MonkeyPatch
) -> None:
    view.start_button.click()
    view.map_page.select_step("s2")
    view.remove_button.click()
    monkeypatch.setattr(FutureView, "confirm_reset", lambda _self: False)
    view.reset_button.click()
    assert "s2" not in future(view).step_by_id()
    monkeypatch.setattr(FutureView, "confirm_reset", lambda _self: True)
    view.reset_button.click()
    assert saved(view).future_state is None
    assert view.pages.currentIndex() == 0
    view.store.undo_stack.undo()
    assert "s2" not in future(view).step_by_id()
    assert view.pages.currentIndex() == 1


def test_apply_actions_builds_the_future_state_and_says_what_changed(
    view: FutureView, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert view.process is not None
    action = Action("a1", "eliminate", "Stop logging", steps=("s3",))
    view.store.apply(replace(view.process, actions=(action,)), "Add an action")
    view.apply_first_button.click()
    built = future(view)
    assert "s3" not in built.step_by_id()
    assert built == apply_actions(saved(view)).future
    said = view.effects.toPlainText()
    assert "Eliminate: Stop logging\n→ removed 'Log invoice in tracking spreadsheet'" in said
    edited = view.map_page.process
    assert edited is not None
    view.map_page.apply_map(delete_step(edited, "s4"), "By hand")  # manual edits stay possible
    assert "s4" not in future(view).step_by_id()
    monkeypatch.setattr(view, "confirm_apply", lambda: False)
    view.apply_button.click()
    assert "s4" not in future(view).step_by_id()  # asked, and kept
    monkeypatch.setattr(view, "confirm_apply", lambda: True)
    view.apply_button.click()
    assert future(view) == built
