"""The interview keeps up with typing: nothing under the cursor is replaced, the cursor follows
the stage, only the open process is shown, and the way on is always on screen."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.interview import interview_state, start_interview
from app.models.database import Database
from app.ui.interview.page import InterviewPage
from tests.ui.test_interview import database, describe_step, open_page, type_line

__all__ = ["database"]  # the fixture, shared with test_interview


def test_a_reload_while_a_role_is_typed_keeps_it(qtbot: QtBot, database: Database) -> None:
    page = open_page(qtbot, database)
    page.go_to("steps")
    form = page.walk_page.form
    type_line(qtbot, form.name, "Check budget")
    form.lane.setFocus()
    qtbot.keyClicks(form.lane, "Finan")
    page.show_process(page.store.load(page.process.id))  # another edit saved meanwhile
    qtbot.keyClicks(form.lane, "ce")
    qtbot.keyClick(form.lane, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.systems, "Xero")
    assert (form.lane.text(), form.systems.text()) == ("Finance", "Xero")
    assert form.hints["lane"].text() == "New role: Finance — a new lane"


def test_a_known_role_completes_in_place_and_an_exact_one_wins(
    qtbot: QtBot, database: Database
) -> None:
    page = open_page(qtbot, database)
    type_line(qtbot, page.define_page.rows["lanes"].field, "Finance team, Finance")
    page.go_to("steps")
    lane = page.walk_page.form.lane
    lane.setFocus()
    qtbot.keyClicks(lane, "Fin")
    assert (lane.text(), lane.selectedText()) == ("Finance team", "ance team")
    qtbot.keyClicks(lane, "ance")
    assert lane.text() == "Finance"  # the exact name, not the longer one
    assert page.walk_page.form.hints["lane"].text() == ""


def test_enter_on_the_last_define_answer_goes_on_with_the_cursor_in_the_step_name(
    qtbot: QtBot, database: Database
) -> None:
    page = open_page(qtbot, database)
    rates = page.define_page.rows["rates"].field
    type_line(qtbot, rates, "45")
    assert page.pages.currentWidget() is page.walk_page
    assert QApplication.focusWidget() is page.walk_page.form.name
    assert page.store.load(page.process.id).hourly_rate == 45  # saved though the cursor left


def test_every_stage_has_its_way_on_with_the_shortcut_shown(
    qtbot: QtBot, database: Database
) -> None:
    page = open_page(qtbot, database)
    assert "(Alt+N)" in page.define_page.next_button.text()
    walk = page.walk_page
    assert walk.back_button is not None
    assert "(Alt+B)" in walk.back_button.text()
    assert walk.next_button is not None
    assert "(Alt+N)" in walk.next_button.text()
    assert "(Ctrl+Enter)" in page.check_page.finish.text()
    name = page.define_page.rows["name"].field
    qtbot.keyClick(name, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.pages.currentWidget() is walk)  # a button's shortcut animates
    assert QApplication.focusWidget() is walk.form.name


def test_the_end_step_moves_the_cursor_to_the_cross_check(qtbot: QtBot, database: Database) -> None:
    page = open_page(qtbot, database)
    page.go_to("steps")
    describe_step(qtbot, page.walk_page, "Receive invoice", "Mailroom")
    describe_step(qtbot, page.walk_page, "Filed", "Mailroom", kind="e")
    assert page.pages.currentWidget() is page.check_page
    assert QApplication.focusWidget() is page.check_page.rows["end_to_end"].field
    for button in page.check_page.findChildren(type(page.check_page.finish)):
        if button.text() in ("Delete", "Move up", "Merge with next"):
            assert button.focusPolicy() == Qt.FocusPolicy.ClickFocus  # Tab never reaches them


def test_ctrl_enter_finishes_with_the_last_answer_saved(qtbot: QtBot, database: Database) -> None:
    page = open_page(qtbot, database)
    page.go_to("check")
    field = page.check_page.rows["per_week"].field
    field.setFocus()
    qtbot.keyClicks(field, "30")
    with qtbot.waitSignal(page.finished):
        qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    state = interview_state(page.store.load(page.process.id))
    assert (state.stage, state.check["per_week"]) == ("done", 30)


def test_follow_ups_leave_with_their_step_or_their_process(
    qtbot: QtBot, database: Database
) -> None:
    page = open_page(qtbot, database)
    page.go_to("steps")
    walk = page.walk_page
    describe_step(qtbot, walk, "Receive invoice", "Mailroom")
    describe_step(qtbot, walk, "Log invoice", "Accounts", wait="2 days")
    assert walk.followups.isVisibleTo(page)
    page.store.undo_stack.undo()
    assert not walk.followups.isVisibleTo(page)
    describe_step(qtbot, walk, "Log invoice", "Accounts", wait="2 days")
    other = replace(start_interview(), id="other")
    page.show_process(page.store.load(page.store.add_processes([other], "New")[0]))
    assert not walk.followups.isVisibleTo(page)


def test_hints_under_emptied_fields_go_with_the_step_added(
    qtbot: QtBot, database: Database
) -> None:
    page = open_page(qtbot, database)
    page.go_to("steps")
    form = page.walk_page.form
    describe_step(qtbot, page.walk_page, "Receive invoice", "Mailroom", touch="10", wait="2 h")
    assert form.hints["touch"].text() == form.hints["wait"].text() == ""


def test_reopening_puts_the_cursor_where_the_user_stopped(qtbot: QtBot, database: Database) -> None:
    page = open_page(qtbot, database)
    page.go_to("steps")
    describe_step(qtbot, page.walk_page, "Receive invoice", "Mailroom")
    form = page.walk_page.form
    type_line(qtbot, form.touch, "5 min")
    form.wait.setFocus()
    process_id = page.process.id
    page.close()
    again: InterviewPage = open_page(qtbot, database, process_id)
    again.focus_current_question()
    assert QApplication.focusWidget() is again.walk_page.form.wait


def test_one_key_answers_do_not_join_letters_typed_in_a_row(
    qtbot: QtBot, database: Database
) -> None:
    page = open_page(qtbot, database)
    page.go_to("steps")
    value = page.walk_page.form.value
    value.setFocus()
    answers = []
    for key in (Qt.Key.Key_R, Qt.Key.Key_Y, Qt.Key.Key_N):  # faster than the search interval
        qtbot.keyClick(value, key)
        answers.append(value.currentData())
    assert answers == ["business-necessary", "value-added", "non-value-added"]
