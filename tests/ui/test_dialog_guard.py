"""Escape on a dialog with changed fields asks before discarding; an unchanged one just closes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout
from pytestqt.qtbot import QtBot

from app.ui import dialog_guard
from app.ui.action_dialog import ActionDialog


@dataclass
class Asked:
    """The answers the user will give, and how many times the guard asked."""

    answers: list[bool] = field(default_factory=list)
    count: int = 0

    def answer(self) -> bool:
        self.count += 1
        return self.answers.pop(0)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[Asked]:
    """The guard installed on the application, its question answered from ``answers``."""
    record = Asked()
    monkeypatch.setattr(dialog_guard, "confirm_discard", lambda _dialog: record.answer())
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    guard = dialog_guard.install_dialog_guard(app)
    yield record
    app.removeEventFilter(guard)


def dialog_with_field(qtbot: QtBot) -> tuple[QDialog, QLineEdit]:
    dialog = QDialog()
    line = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(line)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, line


def test_escape_on_an_unchanged_dialog_closes_it_without_asking(qtbot: QtBot, asked: Asked) -> None:
    dialog, line = dialog_with_field(qtbot)
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert asked.count == 0


def test_escape_on_a_changed_dialog_asks_and_keeps_it_unless_discarded(
    qtbot: QtBot, asked: Asked
) -> None:
    dialog, line = dialog_with_field(qtbot)
    qtbot.keyClicks(line, "typed with care")
    asked.answers.append(False)  # keep editing
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert line.text() == "typed with care"
    asked.answers.append(True)  # discard
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert asked.count == 2


def test_the_dialogs_own_close_is_not_questioned(qtbot: QtBot, asked: Asked) -> None:
    """Only the window's close button asks (a spontaneous close); code closing it after OK
    does not."""
    dialog, line = dialog_with_field(qtbot)
    line.setText("something")
    dialog.close()
    assert asked.count == 0
    assert not dialog.isVisible()


def test_a_real_dialog_is_guarded(qtbot: QtBot, asked: Asked) -> None:
    from app.process.model import Action, Process

    dialog = ActionDialog(Process(name="P"), Action("a1", "eliminate", ""), ())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    line = next(w for w in dialog.findChildren(QLineEdit) if w.isVisible() and not w.isReadOnly())
    qtbot.keyClicks(line, "Stop re-keying")
    asked.answers.append(False)
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    assert dialog.isVisible()
