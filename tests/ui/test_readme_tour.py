"""The README's tour, walked claim by claim on a real window (each test names its claim)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.future import apply_actions
from app.interview.edits import delete_step
from app.ui.main_window import MainWindow
from app.ui.process_page import ProcessPage
from tests.ui.tabs import open_tab

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")


def tour_says(*phrases: str) -> None:
    """The tour still makes the claim the test checks (so neither drifts alone)."""
    flat = " ".join(README.split())
    for phrase in phrases:
        assert phrase in flat, phrase


@pytest.fixture
def explored(window: MainWindow, qtbot: QtBot) -> ProcessPage:
    window.resize(1366, 738)
    window.show()
    qtbot.waitExposed(window)
    window.show_process("")
    window.welcome.samples_button.click()
    return window.process_page


def test_the_examples_open_on_one_that_shows_the_whole_method(
    window: MainWindow, explored: ProcessPage
) -> None:
    tour_says("opens *Onboard a new client*", "seven ECRS actions", "22 weekly measurements")
    process = window.store.load(window.process_list.current_id())
    assert process.name == "Onboard a new client"
    assert open_tab(explored, explored.improve_view).table.topLevelItemCount() == 7
    assert len(process.root_causes) >= 1
    assert len(process.goals) == 2
    assert process.future_state is not None
    control = process.control
    assert control.go_live is not None
    assert len(control.measurements) == 22
    assert [review.done for review in control.reviews] == [True, False]


def test_ctrl_n_adds_a_process_that_opens_on_its_interview(
    window: MainWindow, explored: ProcessPage
) -> None:
    tour_says("**New interview** (Ctrl+N) opens with the cursor in the first question")
    assert window.new_interview_action.shortcut().toString() == "Ctrl+N"
    before = len(window.store.summaries())
    window.new_interview_action.trigger()
    assert len(window.store.summaries()) == before + 1
    assert explored.tabs.currentWidget() is explored.interview_page


def test_the_map_opens_legible_with_its_zoom_shown_and_names_pinned(explored: ProcessPage) -> None:
    tour_says("75 % or more", "*Actual size* (Ctrl+0)", "*Fit width* (F)", "*Whole map* (Shift+F)")
    explored.tabs.setCurrentWidget(explored.map_page)
    page = explored.map_page
    page.view.show_start()
    assert page.view.zoom() >= 0.75
    assert page.zoom_readout.text() == f"{round(page.view.zoom() * 100)} %"
    assert page.actual_size_action.shortcut().toString() == "Ctrl+0"
    bar = page.view.horizontalScrollBar()
    assert bar.maximum() > 0  # the 17 steps do not fit: the rest scrolls
    bar.setValue(bar.maximum())
    assert page.view.lane_pins.isVisible()
    tour_says("never over it")
    assert not page.view.isAncestorOf(page.overview)


def test_apply_actions_builds_the_future_state_and_says_what_changed(
    window: MainWindow, explored: ProcessPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    tour_says(
        "*Apply actions* builds it",
        "*Which action changed what*",
        "applying the actions again asks first",
    )
    tour_says("typed in the action's dialog under *In the future state*")
    view = open_tab(explored, explored.future_view)
    process = window.store.load(window.process_list.current_id())
    assert process.future_state == apply_actions(process).future
    text = view.effects.toPlainText()
    assert "Eliminate: Stop the tracker spreadsheet" in text
    assert "removed 'Add client to tracker spreadsheet'" in text
    asked: list[bool] = []
    monkeypatch.setattr(view, "confirm_apply", lambda: asked.append(True) or False)
    edited = view.map_page.process
    assert edited is not None
    view.map_page.apply_map(delete_step(edited, edited.steps[2].id), "By hand")
    view.apply_button.click()
    assert asked == [True]


def test_a_due_review_is_marked_by_the_name(window: MainWindow, explored: ProcessPage) -> None:
    tour_says("a warning icon by the name")
    tree = window.process_list.tree
    marked = [
        tree.topLevelItem(i).text(0)  # type: ignore[union-attr]
        for i in range(tree.topLevelItemCount())
        if not tree.topLevelItem(i).icon(0).isNull()  # type: ignore[union-attr]
    ]
    assert marked == ["Onboard a new client"]


def test_the_process_list_hides_and_comes_back(window: MainWindow, explored: ProcessPage) -> None:
    tour_says("View ▸ Process list (Ctrl+Shift+L)")
    assert window.list_action.shortcut().toString() == "Ctrl+Shift+L"
    window.list_action.trigger()
    assert not window.process_list.isVisible()
    window.list_action.trigger()
    assert window.process_list.isVisible()


def test_exports_open_in_documents_then_the_last_folder(
    window: MainWindow, explored: ProcessPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from app.ui import export_folders

    tour_says("the dialogs open in your Documents folder")
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(export_folders, "documents_folder", lambda: documents)
    offered: list[str] = []

    def save_as(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return str(tmp_path / "elsewhere" / Path(start).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    (tmp_path / "elsewhere").mkdir()
    window.export_actions[next(iter(window.export_actions))].trigger()
    window.export_actions[next(iter(window.export_actions))].trigger()
    assert Path(offered[0]).parent == documents
    assert Path(offered[1]).parent == tmp_path / "elsewhere"


def test_the_title_names_the_process_and_database_once(
    window: MainWindow, explored: ProcessPage
) -> None:
    tour_says("The window title names the open process and its database")
    assert window.windowTitle() == "Onboard a new client — ui.sqlite"


def test_units_are_shown_where_numbers_are_typed(explored: ProcessPage) -> None:
    tour_says("step times (a bare number is minutes)", "what an action saves a year (hours)")
    panel = open_tab(explored, explored.map_page).panel
    labels = {label.text() for label in panel.findChildren(type(explored.heading).__mro__[1])}
    assert {"Touch time (min):", "Wait before (min):", "Why does it exist?"} <= labels
    rate = open_tab(explored, explored.define_view).editors["hourly_rate"]
    assert rate.suffix() == " GBP an hour"  # type: ignore[attr-defined]


def test_escape_on_a_changed_dialog_asks_first(
    window: MainWindow, explored: ProcessPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLineEdit

    from app.ui import dialog_guard
    from app.ui.action_dialog import ActionDialog
    from app.ui.application import _after_showing

    tour_says("Escape (or the close button) on a dialog whose fields were changed asks")
    asked: list[bool] = []
    monkeypatch.setattr(dialog_guard, "confirm_discard", lambda _d: asked.append(True) or False)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    guard = _after_showing(app)  # what the app does once its window shows
    try:
        process = window.store.load(window.process_list.current_id())
        dialog = ActionDialog(process, process.actions[0], ())
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        title = next(
            w for w in dialog.findChildren(QLineEdit) if w.text() == process.actions[0].title
        )
        qtbot.keyClicks(title, " (typed)")
        qtbot.keyClick(title, Qt.Key.Key_Escape)
        assert asked == [True]
        assert dialog.isVisible()
    finally:
        app.removeEventFilter(guard)


def test_the_example_shows_said_against_recorded_and_its_gap_as_a_finding(
    window: MainWindow, explored: ProcessPage
) -> None:
    tour_says(
        "*Said vs recorded* (Alt+4)",
        "resources/samples/client-onboarding-log.csv",
        "Analyze lists that gap as a finding",
    )
    page = open_tab(explored, explored.map_page)
    marks = page.evidence_marks
    assert marks.action.isEnabled()
    assert marks.action.shortcut().toString() == "Alt+4"
    marks.action.setChecked(True)
    assert page.process is not None
    approve = next(s.id for s in page.process.steps if s.name == "Approve new client")
    assert "wait 1 day → 2.9 days ×2.9" in " ".join(marks.tags[approve].lines)
    analysis = open_tab(explored, explored.analyze_page).analysis_view
    titles = [finding.title for finding in analysis.shown_findings]
    assert "Wait before 'Approve new client': said 1 day, recorded 2.9 days" in titles


def test_the_example_has_a_second_account_to_reconcile(explored: ProcessPage) -> None:
    tour_says(
        "proposes 8 matches to confirm and lists 12 differences",
        'his "Partner signs off the letter" is Claire\'s "Approve engagement letter"',
    )
    accounts = open_tab(explored, explored.accounts_page)
    assert accounts.status.text() == (
        "Claire Dunmore and Ben Okafor: 8 proposed matches to confirm, 0 decided; 12 differences."
    )


def test_the_example_has_scenarios_chosen_for_the_plan(
    window: MainWindow, explored: ProcessPage
) -> None:
    from app.simulation.saved import planned_scenarios

    tour_says(
        'prints the scenario under "Tested before rollout"',
        "two ticked: *Today, as told* and *After the actions*",
    )
    process = window.store.load(window.process_list.current_id())
    chosen = planned_scenarios(process)
    assert [(s.name, s.state) for s in chosen] == [
        ("Today, as told", "current"),
        ("After the actions", "future"),
    ]
    simulate = open_tab(explored, explored.simulate_page)
    assert simulate.scenarios.rowCount() == 2
