"""The main window: list, search, Define edits saved as typed, undo, import, delete."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.models import repository
from app.ui.main_window import MainWindow
from tests.ui.tabs import open_tab


def names(window: MainWindow) -> list[str]:
    tree = window.process_list.tree
    return [tree.topLevelItem(index).text(0) for index in range(tree.topLevelItemCount())]  # type: ignore[union-attr]


def test_an_empty_database_offers_the_examples(window: MainWindow) -> None:
    window.show_process("")
    assert window.pages.currentWidget() is window.welcome
    assert window.welcome.title.text() == "Welcome to Walkthrough"
    window.welcome.samples_button.click()
    assert sorted(names(window)) == ["Approve supplier invoices", "Onboard a new client"]
    assert window.pages.currentWidget() is window.process_page


def test_the_title_names_the_process_and_the_database_once(window: MainWindow) -> None:
    window._database_changed()
    assert window.windowTitle() == "ui.sqlite"  # Qt adds "— Walkthrough" once
    window.add_samples()  # opens the example that shows the whole method
    assert window.windowTitle() == "Onboard a new client — ui.sqlite"
    page = window.process_page
    open_tab(page, page.future_view)
    assert page.future_view.process is not None
    assert page.future_view.process.future_state is not None


def test_search_filters_the_list(window: MainWindow, qtbot: QtBot) -> None:
    window.add_samples()
    qtbot.keyClicks(window.process_list.search, "onboard")
    assert names(window) == ["Onboard a new client"]


def test_a_define_edit_is_saved_and_undone(window: MainWindow, qtbot: QtBot) -> None:
    window.add_samples()
    window.process_list.select(window.store.summaries(search="invoices")[0].id)
    page = window.process_page
    trigger = open_tab(page, page.define_view).editors["trigger"]
    trigger.setFocus()
    trigger.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(trigger, "A PDF lands in the <AP> inbox & ")
    trigger.insert("😀 שלום")  # type: ignore[attr-defined]  # QTest types Latin-1 only
    qtbot.keyClick(trigger, Qt.Key.Key_Return)
    process_id = window.process_list.current_id()
    assert window.store.load(process_id).trigger == "A PDF lands in the <AP> inbox & 😀 שלום"
    window.undo_action.trigger()
    assert window.store.load(process_id).trigger.startswith("A supplier invoice arrives")
    window.redo_action.trigger()
    assert window.store.load(process_id).trigger == "A PDF lands in the <AP> inbox & 😀 שלום"


def test_an_empty_name_is_refused_and_kept(window: MainWindow, qtbot: QtBot) -> None:
    window.add_samples()
    page = window.process_page
    name = open_tab(page, page.define_view).editors["name"]
    before = window.store.load(window.process_list.current_id()).name
    name.clear()  # type: ignore[attr-defined]
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert window.process_page.define_view.error.isVisibleTo(window.process_page.define_view)
    assert "needs a name" in window.process_page.define_view.error.text()
    assert window.store.load(window.process_list.current_id()).name == before
    assert name.text() == before  # type: ignore[attr-defined]


def test_delete_and_undo_bring_the_process_back_whole(window: MainWindow) -> None:
    window.add_samples()
    process_id = window.process_list.current_id()
    before = window.store.load(process_id)
    window.delete_current()
    assert len(names(window)) == 1
    window.undo_action.trigger()
    assert len(names(window)) == 2
    assert window.store.load(process_id) == before


def test_import_of_a_bad_file_shows_one_sentence(
    window: MainWindow, tmp_path: Path, errors: list[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{ nope")
    window.import_file(bad)
    expected = "is not valid JSON: Expecting property name enclosed in double quotes"
    assert errors == [f"{bad}: {expected} at line 1, column 3"]
    assert names(window) == []


def test_export_then_import_through_the_window(window: MainWindow, tmp_path: Path) -> None:
    window.add_samples()
    process = window.store.load(window.process_list.current_id())
    target = tmp_path / "out.walkthrough.json"
    window.export_file(process, target)
    window.import_file(target)
    with window.store.database.session() as session:  # type: ignore[union-attr]
        copies = [item for item in repository.list_processes(session) if item.name == process.name]
    assert len(copies) == 2
    window.undo_action.trigger()
    assert len(names(window)) == 2


def test_every_define_field_has_an_accessible_name(window: MainWindow) -> None:
    for editor in window.process_page.define_view.editors.values():
        assert editor.accessibleName()


def test_restore_a_backup_brings_the_old_state_back(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.models import backup
    from app.ui.backup_dialog import RestoreBackupDialog

    database = window.store.database
    assert database is not None
    assert database.path is not None
    backup.take_backup(database.path, "manual")  # empty database
    window.add_samples()
    assert len(names(window)) == 2
    monkeypatch.setattr(
        RestoreBackupDialog, "exec", lambda _self: RestoreBackupDialog.DialogCode.Accepted
    )
    window.choose_backup()
    assert names(window) == []
    reasons = [item.reason for item in backup.list_backups(database.path)]
    assert "before-restore" in reasons  # the state before the restore is kept


def test_the_help_page_renders(qtbot: QtBot) -> None:
    from app.ui.help_dialog import HelpDialog

    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    assert "Optimize before you automate" in dialog.browser.toPlainText()


def test_new_interview_opens_on_its_first_question(window: MainWindow) -> None:
    window.new_interview()
    page = window.process_page
    assert page.tabs.currentWidget() is page.interview_page
    assert page.interview_page.pages.currentWidget() is page.interview_page.define_page
    assert names(window) == ["Untitled process"]
    window.undo_action.trigger()
    assert names(window) == []


def test_reopening_the_database_resumes_the_last_process(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from app.models.database import open_database

    window.add_samples()
    onboarding = next(s.id for s in window.store.summaries() if s.name.startswith("Onboard"))
    window.process_list.select(onboarding)
    window.store.set_database(None)

    again = MainWindow()
    qtbot.addWidget(again)
    again.store.set_database(open_database(tmp_path / "ui.sqlite"))
    assert again.process_list.current_id() == onboarding


def test_the_plan_is_exported_from_the_window(window: MainWindow, tmp_path: Path) -> None:
    window.add_samples()
    process = window.store.load(window.process_list.current_id())
    target = tmp_path / "plan.pdf"
    window.export_file(process, target)  # background work runs inline in tests
    assert target.read_bytes().startswith(b"%PDF-")
    assert "Wrote the plan" in window.statusBar().currentMessage()


def test_a_bpmn_file_is_imported_with_its_report(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.export.bpmn import write_bpmn
    from app.models.transfer import sample_processes
    from app.ui import exporting

    shown: list[tuple[str, ...]] = []
    monkeypatch.setattr(
        exporting, "show_import_report", lambda _p, _n, report: shown.append(report)
    )
    target = tmp_path / "invoices.bpmn"
    write_bpmn(sample_processes()[1], target)
    window.import_file(target)
    assert names(window) == ["Approve supplier invoices"]
    assert shown == [()]


def test_a_due_review_is_marked_in_the_list_and_offered_on_opening(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt
    from dataclasses import replace

    from app.analysis.reviews import schedule_reviews
    from app.ui.control.due_reviews import DueReviewsDialog
    from app.ui.control.page import ControlPage

    window.add_samples()
    process_id = next(s.id for s in window.store.summaries() if s.name.startswith("Approve"))
    process = window.store.load(process_id)
    went_live = dt.date.today() - dt.timedelta(days=40)
    window.store.apply(
        replace(process, control=schedule_reviews(process.control, went_live)), "Go live"
    )
    row = next(
        window.process_list.tree.topLevelItem(i)
        for i in range(window.process_list.tree.topLevelItemCount())
        if window.process_list.tree.topLevelItem(i).text(0).startswith("Approve")  # type: ignore[union-attr]
    )
    assert row is not None
    assert row.text(3).startswith("⚠ 30-day review due")
    shown: list[int] = []
    monkeypatch.setattr(DueReviewsDialog, "open", lambda self: shown.append(len(self.items)))
    window.show_due_reviews()
    assert shown == [2]  # and the worked example's 90-day review
    opened: list[str] = []
    monkeypatch.setattr(
        ControlPage, "open_review", lambda _self, review_id: opened.append(review_id)
    )
    window.open_review(process_id, "day30")
    assert window.process_list.current_id() == process_id
    assert window.process_page.tabs.currentWidget() is window.process_page.control_page
    assert opened == ["day30"]


def test_the_plan_paper_size_is_a_setting(window: MainWindow, tmp_path: Path) -> None:
    from app.ui import settings

    window.add_samples()
    process = window.store.load(window.process_list.current_id())
    settings.set_paper_size("Letter")
    window.export_file(process, tmp_path / "letter.pdf")
    settings.set_paper_size("A4")
    window.export_file(process, tmp_path / "a4.pdf")
    assert b"/MediaBox [ 0 0 612 792 ]" in (tmp_path / "letter.pdf").read_bytes()
    assert b"/MediaBox [ 0 0 595.2756 841.8898 ]" in (tmp_path / "a4.pdf").read_bytes()


def test_the_process_list_can_be_hidden_for_a_wider_map(window: MainWindow) -> None:
    window.show()
    window.list_action.trigger()
    assert not window.process_list.isVisible()
    window.list_action.trigger()
    assert window.process_list.isVisible()


def test_the_delete_key_deletes_a_process_only_from_the_process_list(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.add_samples()
    with qtbot.waitActive(window):
        window.show()
    page = window.process_page
    page.tabs.setCurrentWidget(page.steps_table)
    page.steps_table.view.setFocus()
    page.steps_table.view.setCurrentIndex(page.steps_table.model.index(0, 6))
    qtbot.keyClick(page.steps_table.view, Qt.Key.Key_Delete)  # a cell, not the process
    assert len(names(window)) == 2
    window.process_list.tree.setFocus()
    qtbot.keyClick(window.process_list.tree, Qt.Key.Key_Delete)
    assert len(names(window)) == 1


def test_a_field_being_typed_is_saved_to_its_process_when_a_new_interview_opens(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.add_samples()
    with qtbot.waitActive(window):
        window.show()
    shown = window.process_list.current_id()
    page = window.process_page
    page.tabs.setCurrentWidget(page.define_view)
    owner = page.define_view.editors["owner"]
    owner.setFocus()
    owner.selectAll()
    qtbot.keyClicks(owner, "Sam Whitfield")
    qtbot.keyClick(owner, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.process_list.current_id() != shown
    assert window.store.load(shown).owner == "Sam Whitfield"
    assert window.store.load(window.process_list.current_id()).owner == ""


def test_a_define_field_being_typed_survives_a_reload_of_its_process(
    window: MainWindow, qtbot: QtBot
) -> None:
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.add_samples()
    process_id = window.process_list.current_id()
    window.process_page.tabs.setCurrentWidget(window.process_page.define_view)
    define = window.process_page.define_view
    trigger = define.editors["trigger"]
    assert isinstance(trigger, QLineEdit)
    trigger.setFocus()
    trigger.setText("half typed")
    other = window.store.load(process_id)
    window.store.apply(replace(other, owner="Someone else"), "Change owner elsewhere")
    assert trigger.text() == "half typed"  # the reload did not overwrite it
    window.process_list.tree.setFocus()  # leaving the field saves it
    assert window.store.load(process_id).trigger == "half typed"
    assert window.store.load(process_id).owner == "Someone else"
