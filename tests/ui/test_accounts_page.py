"""The Accounts tab: confirm, reject and match by hand with real clicks and keys."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.accounts.decisions import decisions_of
from app.accounts.questions import account_questions
from app.accounts.reconcile import reconcile
from app.analysis.noted import noted_findings
from app.interview import all_followups
from app.models.database import open_database
from app.ui.accounts_by_hand import ByHandDialog
from app.ui.accounts_page import ALONE, AccountsPage
from app.ui.map.account_marks import DIFFER_MEANING
from app.ui.map.legend import legend_rows
from app.ui.map.page import MapPage
from app.ui.store import ProcessStore
from tests.accounts.voices import ana, two_voices


@pytest.fixture
def page(qtbot: QtBot, tmp_path: Path) -> Iterator[AccountsPage]:
    store = ProcessStore()
    database = open_database(tmp_path / "accounts.sqlite")
    store.set_database(database)
    (process_id,) = store.add_processes([two_voices()], "Two voices")
    shown = AccountsPage(store)
    qtbot.addWidget(shown)
    store.process_changed.connect(lambda pid: shown.show_process(store.load(pid)))
    shown.show_process(store.load(process_id))
    shown.resize(1300, 700)
    shown.show()
    yield shown
    database.close()


def saved(page: AccountsPage):  # type: ignore[no-untyped-def]
    assert page.process is not None
    return page.store.load(page.process.id)


def click_row(qtbot: QtBot, page: AccountsPage, row: int) -> None:
    table = page.matches.table
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def row_of(page: AccountsPage, a_step: str) -> int:
    return next(i for i, r in enumerate(page.matches.rows) if r.match.a == (a_step,))


def test_nothing_is_merged_until_confirmed(page: AccountsPage) -> None:
    assert page.review is not None
    assert all(row.state == "proposed" for row in page.matches.rows)
    assert decisions_of(saved(page)) == ()
    assert reconcile(saved(page)).steps["s4"].told_by == (1,)


def test_confirm_by_click_and_by_enter_reject_by_delete(qtbot: QtBot, page: AccountsPage) -> None:
    click_row(qtbot, page, row_of(page, "s4"))
    qtbot.mouseClick(page.matches.confirm_button, Qt.MouseButton.LeftButton)
    click_row(qtbot, page, row_of(page, "s5"))
    qtbot.keyClick(page.matches.table, Qt.Key.Key_Return)
    click_row(qtbot, page, row_of(page, "s8"))  # 'File invoice' is not 'Code invoice'
    qtbot.keyClick(page.matches.table, Qt.Key.Key_Delete)
    kept = {(d.a_steps, d.b_steps, d.confirmed) for d in decisions_of(saved(page))}
    assert kept == {(("s4",), ("b5",), True), (("s5",), ("b6",), True), (("s8",), ("b3",), False)}
    states = {r.match.a: r.state for r in page.matches.rows}
    assert (states[("s4",)], states[("s5",)], states[("s8",)]) == ("confirmed",) * 2 + ("rejected",)
    voices = reconcile(saved(page)).steps["s4"]
    assert voices.told_by == (1, 2)
    assert saved(page).step_by_id()["s4"].wait_minutes == (2880 + 10080) / 2  # the median
    click_row(qtbot, page, row_of(page, "s8"))
    qtbot.mouseClick(page.matches.back_button, Qt.MouseButton.LeftButton)
    assert all(d.a_steps != ("s8",) for d in decisions_of(saved(page)))
    page.store.undo_stack.undo()
    assert any(d.a_steps == ("s8",) for d in decisions_of(saved(page)))


def test_one_step_matched_by_hand_against_two(
    qtbot: QtBot, page: AccountsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert page.review is not None
    dialog = ByHandDialog(page.review, page)
    qtbot.addWidget(dialog)
    dialog.show()
    left, right = dialog.lists
    pick = left.findItems("Check and code invoice", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(
        left.viewport(), Qt.MouseButton.LeftButton, pos=left.visualItemRect(pick).center()
    )
    for name, keys in (
        ("Check invoice", Qt.KeyboardModifier.NoModifier),
        ("Code invoice", Qt.KeyboardModifier.ControlModifier),
    ):
        item = right.findItems(name, Qt.MatchFlag.MatchExactly)[0]
        qtbot.mouseClick(
            right.viewport(), Qt.MouseButton.LeftButton, keys, right.visualItemRect(item).center()
        )
    match = dialog.match()
    assert match is not None
    assert (match.a, match.b) == (("s2",), ("b2", "b3"))
    monkeypatch.setattr(ByHandDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(ByHandDialog, "match", lambda self: match)
    qtbot.mouseClick(page.matches.by_hand_button, Qt.MouseButton.LeftButton)
    (kept,) = [d for d in decisions_of(saved(page)) if d.a_steps == ("s2",)]
    assert (kept.b_steps, kept.confirmed, kept.by_hand) == (("b2", "b3"), True, True)
    assert reconcile(saved(page)).steps["s2"].told_by == (1, 2)
    assert all(r.match.b != ("b2",) or r.state != "proposed" for r in page.matches.rows)


def test_a_hand_match_needs_one_step_against_one_or_two(qtbot: QtBot, page: AccountsPage) -> None:
    assert page.review is not None
    dialog = ByHandDialog(page.review, page)
    qtbot.addWidget(dialog)
    dialog.accept_if_valid()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "one step" in dialog.problem.text()


def test_a_difference_becomes_a_finding_and_a_question(qtbot: QtBot, page: AccountsPage) -> None:
    panel = page.differences
    row = next(i for i, d in enumerate(panel.differences) if d.kind == "role")
    panel.table.selectRow(row)
    qtbot.mouseClick(panel.note_button, Qt.MouseButton.LeftButton)
    (finding,) = noted_findings(saved(page))
    assert finding.step_ids == ("s3",)
    assert finding.title == "Who does 'Match invoice to purchase order'? The accounts differ"
    assert "Finance" in finding.detail
    assert not panel.note_button.isEnabled()  # already a finding
    qtbot.mouseClick(panel.ask_button, Qt.MouseButton.LeftButton)
    (question,) = account_questions(saved(page))
    asked = [f for f in all_followups(saved(page)) if f.rule_id == question.rule_id]
    assert asked[0].questions == ("Who really does this step?",)
    assert panel.table.item(row, 2).text() == "finding, question"
    with qtbot.waitSignal(page.steps_shown) as shown:
        qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    assert shown.args == [("s3",)]


def test_a_step_only_the_other_account_tells_cannot_be_shown_on_the_map(
    page: AccountsPage,
) -> None:
    page.pick(2, 1)  # Ben first: 'Code invoice' is his only once 'File invoice' is rejected
    row = next(i for i, r in enumerate(page.matches.rows) if r.match.a == ("b3",))
    page.matches.table.selectRow(row)
    page.matches.reject_button.click()
    panel = page.differences
    index = next(
        i for i, d in enumerate(panel.differences) if d.kind == "missing" and d.ids == ("b3",)
    )
    panel.table.selectRow(index)
    assert not panel.show_button.isEnabled()
    assert panel.note_button.isEnabled()


def test_choosing_max_puts_the_max_on_the_map(qtbot: QtBot, page: AccountsPage) -> None:
    click_row(qtbot, page, row_of(page, "s4"))
    qtbot.keyClick(page.matches.table, Qt.Key.Key_Return)
    row = next(i for i, s in enumerate(saved(page).steps) if s.id == "s4")
    box = page.times.table.cellWidget(row, 3)
    assert box.currentText() == "median: 4.5 days"
    assert "Ben Okafor: 7 days" in box.toolTip()
    qtbot.keyClick(box, Qt.Key.Key_End)  # a closed list picks its last choice: max
    assert saved(page).step_by_id()["s4"].wait_minutes == 10080


def test_one_account_says_how_to_get_another(qtbot: QtBot, tmp_path: Path) -> None:
    store = ProcessStore()
    database = open_database(tmp_path / "one.sqlite")
    store.set_database(database)
    (process_id,) = store.add_processes([ana()], "One voice")
    page = AccountsPage(store)
    qtbot.addWidget(page)
    page.show_process(store.load(process_id))
    assert page.status.text() == ALONE
    assert not page.matches.isEnabled()
    database.close()


def test_the_map_marks_where_accounts_differ(qtbot: QtBot, tmp_path: Path) -> None:
    store = ProcessStore()
    database = open_database(tmp_path / "map.sqlite")
    store.set_database(database)
    (process_id,) = store.add_processes([two_voices()], "Two voices")
    page = MapPage(store)
    qtbot.addWidget(page)
    page.show_process(store.load(process_id))
    marks = page.account_marks.marks
    assert set(marks) == {"s2", "s3", "s4", "s8"}
    assert "Ben Okafor says Finance" in marks["s3"].toolTip()
    assert all(mark.scene() is page.scene for mark in marks.values())
    assert DIFFER_MEANING in [meaning for _, meaning in legend_rows(page.look)]
    alone = dataclasses.replace(store.load(process_id), interviews=())
    page.show_process(alone)
    assert page.account_marks.marks == {}
    assert DIFFER_MEANING not in [meaning for _, meaning in legend_rows(page.look)]
    database.close()


def test_large_accounts_are_matched_off_the_window_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.accounts import review
    from app.ui import accounts_page

    review._LAST.clear()
    monkeypatch.setattr(accounts_page, "QUICK_PAIRS", 0)
    ran: list[str] = []
    real = accounts_page.worker.run_task

    def recorded(func, on_done, on_error):  # type: ignore[no-untyped-def]
        ran.append("matching")
        real(func, on_done, on_error)

    monkeypatch.setattr(accounts_page.worker, "run_task", recorded)
    store = ProcessStore()
    database = open_database(tmp_path / "large.sqlite")
    store.set_database(database)
    (process_id,) = store.add_processes([two_voices()], "Large")
    page = AccountsPage(store)
    qtbot.addWidget(page)
    page.show_process(store.load(process_id))
    assert ran == ["matching"]
    assert len(page.matches.rows) == 9
    assert page.matches.isEnabled()
    database.close()
