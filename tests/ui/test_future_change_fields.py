"""The action dialog says what an action does to its steps in the future state."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.future import apply_actions, change_of
from app.process.model import Action, Lane, Process, Step
from app.ui.action_dialog import ActionDialog

PROCESS = Process(
    name="P",
    lanes=(Lane("a", "Clerk"), Lane("s", "ERP", kind="system")),
    steps=(Step("s1", "a", "Key invoice", touch_minutes=8, wait_minutes=780),),
)


def dialog_for(qtbot: QtBot, action: Action) -> ActionDialog:
    dialog = ActionDialog(PROCESS, action, ())
    qtbot.addWidget(dialog)
    return dialog


def test_typed_times_and_lane_become_the_actions_change(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, Action("a1", "simplify", "Key as they arrive", steps=("s1",)))
    dialog.future.touch.setText("2 min")
    dialog.future.wait.setText("1 h")
    dialog.future.lane.setCurrentIndex(dialog.future.lane.findData("s"))
    action = dialog.action()
    assert action.extra["future_change"] == {
        "lane": "s",
        "touch_minutes": 2.0,
        "wait_minutes": 60.0,
    }
    future = apply_actions(replace(PROCESS, actions=(action,))).future
    assert future.steps[0].lane == "s"
    assert (future.steps[0].touch_minutes, future.steps[0].wait_minutes) == (2.0, 60.0)


def test_a_change_is_shown_again_and_blank_fields_leave_none(qtbot: QtBot) -> None:
    kept = Action("a1", "rearrange", "x", extra={"future_change": {"wait_minutes": 240}, "k": 1})
    dialog = dialog_for(qtbot, kept)
    assert dialog.future.wait.text() == "4 h"
    assert change_of(dialog.action()) == change_of(kept)
    dialog.future.wait.clear()
    assert dialog.action().extra == {"k": 1}


def test_an_unreadable_time_says_so_and_cannot_be_saved(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, Action("a1", "simplify", "x", steps=("s1",)))
    dialog.future.touch.setText("fast")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    assert dialog.future.error.text().startswith("Future state:")
    assert "fast" in dialog.future.error.text()
