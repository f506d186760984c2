"""The waiting follow-up answered with one key, typed as an interviewer types: Tab from the
answer to the choice, Q or O, Delete to take it back; saved as the step's ``wait_for``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.models.database import Database, open_database
from app.process.staffing import wait_for
from app.ui.interview.followups_panel import OneKeyChoice
from tests.ui.test_interview import describe_step, open_page


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "interview.sqlite")
    yield db
    db.close()


def test_the_wait_is_said_with_one_key(qtbot: QtBot, database: Database) -> None:
    page = open_page(qtbot, database)
    page.go_to("steps")
    walk = page.walk_page
    describe_step(qtbot, walk, "Receive invoice", "Mailroom")
    describe_step(qtbot, walk, "Key invoice into ERP", "Accounts payable", touch="8", wait="2 days")
    panel = walk.followups
    assert panel.isVisibleTo(page)
    (keys,) = panel.findChildren(OneKeyChoice)
    answer = panel.findChildren(type(walk.form.why))[0]
    answer.setFocus()
    qtbot.keyClicks(answer, "the month-end batch")
    qtbot.keyClick(answer, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is keys

    def stored() -> str | None:
        return wait_for(page.store.load(page.process.id).steps[-1])

    qtbot.keyClick(keys, Qt.Key.Key_O)
    assert stored() == "outside"
    step = page.store.load(page.process.id).steps[-1]
    assert "the month-end batch" in step.extra["followups"].values()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Q)
    assert stored() == "queue"
    (keys,) = panel.findChildren(OneKeyChoice)
    assert keys.buttons["q"].isChecked()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_X)  # no answer: nothing changes
    assert stored() == "queue"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    assert stored() is None
    assert not any(button.isChecked() for button in keys.buttons.values())


def test_alt_and_the_key_answer_without_leaving_the_next_step(
    qtbot: QtBot, database: Database
) -> None:
    page = open_page(qtbot, database)
    page.go_to("steps")
    walk = page.walk_page
    describe_step(qtbot, walk, "Receive invoice", "Mailroom")
    describe_step(qtbot, walk, "Approve invoice", "Budget holder", touch="4", wait="3 days")
    name = walk.form.name
    name.setFocus()
    qtbot.keyClicks(name, "Post")
    qtbot.keyClick(name, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wait_for(page.store.load(page.process.id).steps[-1]) == "queue")
    assert QApplication.focusWidget() is walk.form.name
    assert walk.form.name.text() == "Post"
