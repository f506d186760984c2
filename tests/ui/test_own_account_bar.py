"""'Interview someone else' offers to tell the process from the beginning as their own account."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.accounts.interviews import account_of_interview, accounts_of
from app.accounts.questions import with_question
from app.accounts.review import review_pair
from app.interview import missing_items, start_interview
from app.interview.own_account import telling_own_account
from app.models.database import open_database
from app.ui.interview.page import InterviewPage
from app.ui.store import ProcessStore
from tests.accounts.voices import two_voices
from tests.interview.test_own_account import further


def test_told_from_the_beginning_then_kept_when_the_interview_ends(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = ProcessStore()
    database = open_database(tmp_path / "own.sqlite")
    store.set_database(database)
    (process_id,) = store.add_processes([further()], "Further interview")
    page = InterviewPage(store)
    qtbot.addWidget(page)
    store.process_changed.connect(lambda pid: page.show_process(store.load(pid)))
    page.show_process(store.load(process_id))
    page.show()
    bar = page.own_account
    assert bar.isVisible()
    assert bar.text.text().startswith("Ben Okafor can add to the map as it is")
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    telling = store.load(process_id)
    assert telling_own_account(telling)
    assert telling.steps == ()
    assert "is telling the process from the beginning" in bar.text.text()
    page.go_to("done")
    qtbot.waitUntil(lambda: not telling_own_account(store.load(process_id)))
    ended = store.load(process_id)
    assert len(ended.steps) == 9  # Ana's map is back
    assert not bar.isVisible()
    assert account_of_interview(ended, 1).label == "Ana Ruiz"
    store.undo_stack.undo()
    qtbot.wait(100)  # nothing ends the account again once the undo is shown
    assert telling_own_account(store.load(process_id))
    assert store.undo_stack.canRedo()
    database.close()


def test_the_next_interview_asks_the_questions_where_accounts_differ(
    qtbot: QtBot, tmp_path: Path
) -> None:
    process = two_voices()
    first, second = accounts_of(process)
    review = review_pair(process, first, second)
    role = next(d for d in review.differences if d.kind == "role")
    asked = start_interview(with_question(process, review, role), today=dt.date(2026, 11, 30))
    store = ProcessStore()
    database = open_database(tmp_path / "asked.sqlite")
    store.set_database(database)
    (process_id,) = store.add_processes([asked], "Asked")
    page = InterviewPage(store)
    qtbot.addWidget(page)
    store.process_changed.connect(lambda pid: page.show_process(store.load(pid)))
    page.show_process(store.load(process_id))
    with qtbot.waitActive(page):  # focus moves only in the active window
        page.show()
        page.activateWindow()
    box = page.account_questions
    assert box.isVisible()
    assert "1 question from where accounts differ (1 not answered)" in box.toggle.text()
    qtbot.mouseClick(box.toggle, Qt.MouseButton.LeftButton)
    (answer,) = box.answers.values()
    assert answer.isVisible()
    answer.setFocus()
    qtbot.keyClicks(answer, "Finance matches them since March")
    qtbot.keyClick(answer, Qt.Key.Key_Tab)  # leaving the field keeps the answer
    qtbot.waitUntil(lambda: "(0 not answered)" in box.toggle.text())
    assert not any("accounts differ" in item for item in missing_items(store.load(process_id)))
    database.close()
