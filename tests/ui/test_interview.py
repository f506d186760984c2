"""The guided interview on screen: typed from the keyboard, saved as typed, resumable, undoable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from app.interview import StepDraft, current_draft, interview_state, start_interview
from app.models.database import Database, open_database
from app.ui.interview.page import InterviewPage
from app.ui.interview.walk_page import WalkPage
from app.ui.store import ProcessStore


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "interview.sqlite")
    yield db
    db.close()


def open_page(qtbot: QtBot, database: Database, process_id: str | None = None) -> InterviewPage:
    """An interview page on a store, reloading whenever the process changes (as the app does)."""
    store = ProcessStore()
    store.database = database  # shared: the test closes it, not the store
    if process_id is None:
        store.add_processes([start_interview()], "New interview")
        process_id = store.summaries()[0].id
    page = InterviewPage(store)
    qtbot.addWidget(page)
    store.process_changed.connect(lambda changed: page.show_process(store.load(changed)))
    page.show_process(store.load(process_id))
    with qtbot.waitActive(page):  # shortcuts such as Ctrl+Enter reach the active window only
        page.show()
        page.activateWindow()
    return page


def type_line(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Focus a field, type (Latin-1 only, a QTest limit) and press Enter."""
    widget.setFocus()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick the entry that starts with ``text`` with the arrow keys, as a keyboard user can."""
    wanted = next(
        i for i in range(combo.count()) if combo.itemText(i).lower().startswith(text.lower())
    )
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(wanted):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == wanted


def describe_step(
    qtbot: QtBot,
    walk: WalkPage,
    name: str,
    lane: str,
    *,
    touch: str = "",
    wait: str = "",
    kind: str = "",
    systems: str = "",
    outcomes: tuple[tuple[str, str, str], ...] = (),
) -> None:
    form = walk.form
    type_line(qtbot, form.name, name)
    form.lane.setFocus()
    form.lane.selectAll()
    qtbot.keyClicks(form.lane, lane)
    qtbot.keyClick(form.lane, Qt.Key.Key_Tab)
    if systems:
        type_line(qtbot, form.systems, systems)
    if touch:
        type_line(qtbot, form.touch, touch)
    if wait:
        type_line(qtbot, form.wait, wait)
    if kind:
        choose(qtbot, form.kind, kind)
    editor = form.outcomes
    for row, (label, share, target) in enumerate(outcomes):
        if row >= len(editor.rows):  # a decision or approval starts with two typical ones
            editor.add_button.setFocus()
            qtbot.keyClick(editor.add_button, Qt.Key.Key_Space)
        fields = editor.rows[row]
        for line, text in ((fields.label, label), (fields.share, share), (fields.goes_to, target)):
            line.setFocus()
            line.selectAll()
            qtbot.keyClicks(line, text)
            qtbot.keyClick(line, Qt.Key.Key_Tab)
    while outcomes and len(editor.rows) > len(outcomes):
        remove = editor.rows[-1].remove
        remove.setFocus()
        qtbot.keyClick(remove, Qt.Key.Key_Space)
    qtbot.keyClick(form.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_a_whole_interview_typed_from_the_keyboard(qtbot: QtBot, database: Database) -> None:
    page = open_page(qtbot, database)
    define = page.define_page
    type_line(qtbot, define.rows["interviewee"].field, "Priya Shah")
    type_line(qtbot, define.rows["name"].field, "Approve supplier invoices")
    type_line(qtbot, define.rows["frequency"].field, "20 per week")
    page.go_to("steps")
    walk = page.walk_page
    describe_step(qtbot, walk, "Receive invoice", "Mailroom", touch="2 min")
    describe_step(
        qtbot,
        walk,
        "Log invoice",
        "Accounts payable",
        touch="5 min",
        wait="4 h",
        systems="Excel, ERP",
    )
    assert walk.followups.isVisibleTo(page)  # a 4 h wait and two systems call for questions
    describe_step(
        qtbot,
        walk,
        "Match invoice to PO",
        "Accounts payable",
        touch="6 min",
        kind="d",
        outcomes=(("Match", "8", "next step"), ("Mismatch", "2", "later")),
    )
    describe_step(qtbot, walk, "Request approval", "Accounts payable", touch="3 min")
    describe_step(
        qtbot,
        walk,
        "Approve invoice",
        "Budget holder",
        touch="5 min",
        wait="2 days",
        kind="a",
        outcomes=(("Approved", "9", "next step"), ("Rejected", "1", "Match invoice to PO")),
    )
    describe_step(qtbot, walk, "Post to ledger", "Accounts payable", touch="4 min")
    describe_step(qtbot, walk, "Pay invoice", "Finance", touch="2 min", wait="1 day")
    describe_step(qtbot, walk, "Invoice paid", "Finance", kind="e")
    describe_step(
        qtbot,
        walk,
        "Query supplier",
        "Accounts payable",
        touch="10 min",
        wait="1 day",
        kind="d",
        outcomes=(("Corrected", "", "Match invoice to PO"),),
    )

    process = page.store.load(page.process.id)
    names = [step.name for step in process.steps]
    assert names == [
        "Start",  # the trigger, drawn before the first step described
        "Receive invoice",
        "Log invoice",
        "Match invoice to PO",
        "Request approval",
        "Approve invoice",
        "Post to ledger",
        "Pay invoice",
        "Invoice paid",
        "Query supplier",
    ]
    by_name = {step.name: step for step in process.steps}
    lanes = {lane.id: lane.name for lane in process.lanes}
    assert {lanes[step.lane] for step in process.steps} == {
        "Mailroom",
        "Accounts payable",
        "Budget holder",
        "Finance",
    }
    assert by_name["Receive invoice"].kind == "task"
    assert process.steps[0].kind == "start"
    assert by_name["Log invoice"].wait_minutes == 240
    assert by_name["Log invoice"].systems == ("Excel", "ERP")
    assert by_name["Approve invoice"].wait_minutes == 2 * 24 * 60
    assert by_name["Approve invoice"].kind == "approval"
    assert by_name["Invoice paid"].kind == "end"
    flows = {(f.source, f.target): f for f in process.flows}
    match, approve = by_name["Match invoice to PO"].id, by_name["Approve invoice"].id
    assert flows[(approve, match)].probability == pytest.approx(0.1)  # the rework loop
    assert flows[(match, by_name["Request approval"].id)].probability == pytest.approx(0.8)
    assert flows[(match, by_name["Query supplier"].id)].probability == pytest.approx(0.2)
    assert (by_name["Query supplier"].id, match) in flows
    assert process.runs_per_year == 20 * 52
    assert interview_state(process).stage == "check"
    assert page.pages.currentWidget() is page.check_page


def test_leaving_mid_step_and_coming_back_resumes_with_the_draft(
    qtbot: QtBot, database: Database
) -> None:
    page = open_page(qtbot, database)
    page.go_to("steps")
    describe_step(qtbot, page.walk_page, "Receive invoice", "Mailroom", touch="2 min")
    form = page.walk_page.form
    type_line(qtbot, form.name, "Log invoice")
    type_line(qtbot, form.touch, "5 min")
    process_id = page.process.id
    page.close()

    again = open_page(qtbot, database, process_id)  # a new window on the same database
    assert again.pages.currentWidget() is again.walk_page
    assert again.walk_page.form.name.text() == "Log invoice"
    assert again.walk_page.form.touch.text() == "5 min"
    assert [step.name for step in again.store.load(process_id).steps] == [
        "Start",
        "Receive invoice",
    ]


def test_undo_and_redo_an_added_step(qtbot: QtBot, database: Database) -> None:
    page = open_page(qtbot, database)
    page.go_to("steps")
    describe_step(qtbot, page.walk_page, "Receive invoice", "Mailroom", touch="2 min")
    describe_step(qtbot, page.walk_page, "Log invoice", "Accounts payable", touch="5 min")
    process_id = page.process.id
    page.store.undo_stack.undo()
    names = ["Start", "Receive invoice"]
    assert [s.name for s in page.store.load(process_id).steps] == names
    page.store.undo_stack.redo()
    assert [s.name for s in page.store.load(process_id).steps] == [*names, "Log invoice"]


def test_unreadable_times_and_an_empty_name_are_flagged_not_saved(
    qtbot: QtBot, database: Database
) -> None:
    page = open_page(qtbot, database)
    page.go_to("steps")
    form = page.walk_page.form
    type_line(qtbot, form.touch, "3 dayz")
    qtbot.keyClick(form.touch, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert (
        form.errors["touch"].text() == "'3 dayz': unknown unit 'dayz'; use min, h, days or weeks."
    )
    assert form.errors["name"].isVisibleTo(page)
    assert page.store.load(page.process.id).steps == ()


def test_follow_up_answers_are_kept(qtbot: QtBot, database: Database) -> None:
    page = open_page(qtbot, database)
    page.go_to("steps")
    walk = page.walk_page
    describe_step(qtbot, walk, "Receive invoice", "Mailroom")
    describe_step(
        qtbot,
        walk,
        "Approve invoice",
        "Budget holder",
        wait="2 days",
        kind="a",
        outcomes=(("Approved", "", "next step"),),
    )
    panel = walk.followups
    assert panel.isVisibleTo(page)
    answer = panel.findChildren(type(walk.form.why))[0]
    answer.setFocus()
    qtbot.keyClicks(answer, "Checks the cost centre and the amount")
    walk.form.name.setFocus()  # leaving the field saves the answer
    step = page.store.load(page.process.id).steps[-1]
    assert "Checks the cost centre and the amount" in step.extra["followups"].values()


def test_every_field_has_an_accessible_name(qtbot: QtBot, database: Database) -> None:
    page = open_page(qtbot, database)
    for row in page.define_page.rows.values():
        assert row.field.accessibleName() == row.question.prompt
    form = page.walk_page.form
    for widget in (form.name, form.lane, form.systems, form.touch, form.wait, form.kind):
        assert widget.accessibleName()


def test_adding_a_step_from_its_last_field_leaves_an_empty_form(
    qtbot: QtBot, database: Database
) -> None:
    page = open_page(qtbot, database)
    page.go_to("steps")
    walk = page.walk_page
    describe_step(qtbot, walk, "Receive invoice", "Mailroom", touch="2 min")
    form = walk.form
    type_line(qtbot, form.name, "Log invoice")
    form.lane.setFocus()
    qtbot.keyClicks(form.lane, "Accounts payable")
    form.wait.setFocus()
    qtbot.keyClicks(form.wait, "3 h")  # Ctrl+Enter straight from the field being typed
    qtbot.keyClick(form.wait, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    process = page.store.load(page.process.id)
    assert [(s.name, s.wait_minutes) for s in process.steps][-1] == ("Log invoice", 180)
    assert form.wait.text() == ""  # the next step does not inherit the 3 h
    assert current_draft(process) == StepDraft()


def test_when_nothing_waits_the_form_asks_which_step_comes_before(
    qtbot: QtBot, database: Database
) -> None:
    page = open_page(qtbot, database)
    page.go_to("steps")
    walk = page.walk_page
    assert walk.form.after.isHidden()
    describe_step(qtbot, walk, "Receive invoice", "Mailroom")
    describe_step(qtbot, walk, "Check invoice", "Accounts payable")
    describe_step(qtbot, walk, "Log invoice", "Accounts payable")
    describe_step(
        qtbot,
        walk,
        "Decide",
        "Accounts payable",
        kind="d",
        outcomes=(("Relog", "5", "Log invoice"), ("Recheck", "5", "Check invoice")),
    )
    assert not walk.form.after.isHidden()
    choose(qtbot, walk.form.after, "Check")
    describe_step(qtbot, walk, "File invoice", "Accounts payable")
    process = page.store.load(page.process.id)
    ids = {step.name: step.id for step in process.steps}
    flows = {(flow.source, flow.target) for flow in process.flows}
    assert (ids["Check invoice"], ids["File invoice"]) in flows
    assert walk.form.after.isHidden()
