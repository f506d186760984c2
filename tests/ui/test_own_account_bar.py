"""'Interview someone else' offers to tell the process from the beginning as their own account."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.accounts.interviews import account_of_interview
from app.interview.own_account import telling_own_account
from app.models.database import open_database
from app.ui.interview.page import InterviewPage
from app.ui.store import ProcessStore
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
    assert telling_own_account(store.load(process_id))
    database.close()
