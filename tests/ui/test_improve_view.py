"""The Improve tab: add, edit and remove actions through the dialog, with undo; quadrants and
the "optimize before you automate" warning."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.analysis.findings import find_findings
from app.analysis.metrics import compute_metrics
from app.models.database import open_database
from app.models.transfer import add_samples
from app.process.model import Action, Process
from app.ui.action_dialog import ActionDialog
from app.ui.improve_view import COLUMNS, ImproveView
from app.ui.store import ProcessStore


@pytest.fixture
def invoices(tmp_path: Path) -> tuple[ProcessStore, Process]:
    store = ProcessStore()
    database = open_database(tmp_path / "improve.sqlite")
    add_samples(database)
    store.set_database(database)
    summary = next(item for item in store.summaries() if item.name.startswith("Approve"))
    return store, store.load(summary.id)


@pytest.fixture
def view(qtbot: QtBot, invoices: tuple[ProcessStore, Process]) -> ImproveView:
    store, process = invoices
    widget = ImproveView(store)
    qtbot.addWidget(widget)
    widget.show_process(process)
    store.process_changed.connect(lambda pid: widget.show_process(store.load(pid)))
    return widget


def fill_with(
    monkeypatch: pytest.MonkeyPatch, fill: Callable[[ActionDialog], None], accept: bool = True
) -> None:
    """The modal dialog is not shown: ``fill`` sets its fields, then it is accepted."""

    def exec_(dialog: ActionDialog) -> int:
        fill(dialog)
        return QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected

    monkeypatch.setattr(ActionDialog, "exec", exec_)


def tick(dialog: ActionDialog, *names: str) -> None:
    for row in range(dialog.steps.count()):
        item = dialog.steps.item(row)
        if item.text() in names:
            item.setCheckState(Qt.CheckState.Checked)


def select_first(view: ImproveView) -> None:
    item = view.table.topLevelItem(0)
    assert item is not None
    view.table.setCurrentItem(item)


def cell(view: ImproveView, row: int, column: str) -> str:
    item = view.table.topLevelItem(row)
    assert item is not None
    return item.text(COLUMNS.index(column))


def saved(view: ImproveView) -> Process:
    assert view.process is not None
    return view.store.load(view.process.id)


def test_adding_an_action_estimates_its_impact_from_the_finding(
    view: ImproveView, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: ActionDialog) -> None:
        dialog.verb.setCurrentIndex(dialog.verb.findData("eliminate"))
        dialog.title.setText("Approve invoices under 500 USD automatically <b>&amp;</b> 😀")
        tick(dialog, "Approve invoice")
        dialog.finding.setCurrentIndex(dialog.finding.findData("approval:s9"))
        dialog.owner.setText("Dana Ortiz")
        dialog.due.setText("2027-03-31")
        dialog.effort.setValue(2)

    fill_with(monkeypatch, fill)
    view.add_action()
    (action,) = saved(view).actions
    assert action.title == "Approve invoices under 500 USD automatically <b>&amp;</b> 😀"
    assert action.steps == ("s9",)
    assert (action.finding, action.owner, action.due) == (
        "approval:s9",
        "Dana Ortiz",
        dt.date(2027, 3, 31),
    )
    assert action.impact_minutes_per_year is None
    process = saved(view)
    finding = next(
        f for f in find_findings(process, compute_metrics(process)) if f.key == "approval:s9"
    )
    # Eliminating the approval: the waiting per case and the hours of work it takes away.
    assert finding.work_minutes_per_year == 320 * 60
    assert cell(view, 0, "Saves") == "1.7 days less waiting per case; 320 h of work a year (est.)"
    assert cell(view, 0, "Money a year") == "22,400 USD"
    assert cell(view, 0, "Quadrant") == "Quick win"
    view.store.undo_stack.undo()
    assert saved(view).actions == ()
    assert view.table.topLevelItemCount() == 0


def test_a_typed_time_overrides_the_estimate_and_edit_and_remove_undo(
    view: ImproveView, monkeypatch: pytest.MonkeyPatch
) -> None:
    def first(dialog: ActionDialog) -> None:
        dialog.title.setText("Stop logging in the spreadsheet")
        tick(dialog, "Log invoice in tracking spreadsheet")
        dialog.finding.setCurrentIndex(dialog.finding.findData("rekeyed:s3"))
        dialog.effort.setValue(1)

    fill_with(monkeypatch, first)
    view.add_action()
    assert cell(view, 0, "Quadrant") == "Fill-in"
    select_first(view)

    def bigger(dialog: ActionDialog) -> None:
        assert dialog.title.text() == "Stop logging in the spreadsheet"
        dialog.impact.setText("2 weeks")
        dialog.effort.setValue(4)

    fill_with(monkeypatch, bigger)
    view.edit_current()
    (action,) = saved(view).actions
    assert action.impact_minutes_per_year == 2 * 7 * 24 * 60
    assert action.effort == 4
    assert cell(view, 0, "Saves") == "336 h of work a year"
    # 19,200 min → 14,400 USD: the typed time scales the finding's money
    assert cell(view, 0, "Money a year") == f"{14400 * 20160 / 19200:,.0f} USD"
    assert cell(view, 0, "Quadrant") == "Time sink"
    select_first(view)
    view.remove_current()
    assert saved(view).actions == ()
    view.store.undo_stack.undo()
    assert saved(view).actions == (action,)
    view.store.undo_stack.undo()
    assert saved(view).actions[0].impact_minutes_per_year is None


def test_a_cancelled_dialog_changes_nothing(
    view: ImproveView, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_with(monkeypatch, lambda dialog: dialog.title.setText("Nope"), accept=False)
    view.add_action()
    assert saved(view).actions == ()
    assert view.store.undo_stack.count() == 0


def test_automating_a_non_value_added_step_warns_but_saves(
    view: ImproveView, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: ActionDialog) -> None:
        dialog.verb.setCurrentIndex(dialog.verb.findData("automate"))
        dialog.title.setText("OCR the invoices")
        tick(dialog, "Key invoice into ERP")
        assert dialog.warning.text().startswith("Optimize before you automate:")
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()

    fill_with(monkeypatch, fill)
    view.add_action()
    assert len(saved(view).actions) == 1
    assert view.warnings.text() == (
        "⚠ Optimize before you automate: in 'OCR the invoices', 'Key invoice into ERP' is not "
        "value-added or necessary; 'Key invoice into ERP' has not been eliminated, combined, "
        "rearranged or simplified yet."
    )
    assert cell(view, 0, "Action").startswith("⚠ ")


def test_an_unreadable_time_blocks_saving_and_says_why(qtbot: QtBot, view: ImproveView) -> None:
    assert view.process is not None
    dialog = ActionDialog(view.process, Action("a1", "simplify", "x"), view.findings)
    qtbot.addWidget(dialog)
    dialog.impact.setText("soon")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert dialog.impact_note.text()
    dialog.impact.setText("300")
    assert dialog.typed_impact() == 300 * 60
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()


def test_an_action_keeps_a_step_no_longer_on_the_map_until_it_is_unticked(
    qtbot: QtBot, invoices: tuple[ProcessStore, Process]
) -> None:
    _store, process = invoices
    action = Action("a1", "eliminate", "Stop it", steps=(process.steps[3].id, "gone"))
    dialog = ActionDialog(process, action, ())
    qtbot.addWidget(dialog)
    assert dialog.action() == action
    names = [dialog.steps.item(row).text() for row in range(dialog.steps.count())]
    assert "gone (no longer on the map)" in names
    item = dialog.steps.item(names.index("gone (no longer on the map)"))
    item.setCheckState(Qt.CheckState.Unchecked)
    assert dialog.action().steps == (process.steps[3].id,)
