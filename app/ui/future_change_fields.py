"""What an action does to its steps in the future state: new lane, times or name.

Shown in the action dialog; "Apply actions" on the Future state tab uses it. Eliminate and
combine need nothing here (a merged step may get a name); rearrange, simplify and automate
say what becomes of their steps. A blank field leaves that part of the step as it is.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.future.change import CHANGE_KEY, StepChange, change_document, change_of
from app.process.durations import DurationError, format_duration, parse_duration
from app.process.model import Action, Process

UNCHANGED = "unchanged"


class FutureChangeFields(QWidget):
    """The future-state change of one action: lane, touch time, wait (minutes) and name."""

    def __init__(self, process: Process, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lane = QComboBox(self)
        self.lane.addItem(f"({UNCHANGED})", "")
        for lane in process.lanes:
            self.lane.addItem(lane.name, lane.id)
        self.touch = self._duration("Touch time in the future state")
        self.wait = self._duration("Wait before it in the future state")
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(UNCHANGED)
        self.name.setAccessibleName("Step name in the future state")
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self._kept = StepChange()  # what the fields do not show (a rearrange's "before")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Lane", self.lane)
        form.addRow("Touch time (min)", self.touch)
        form.addRow("Wait before (min)", self.wait)
        form.addRow("Name", self.name)
        form.addRow(self.error)

    def _duration(self, accessible: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setPlaceholderText(f"{UNCHANGED} — e.g. 5 (minutes), 2 h, 1 day")
        line.setAccessibleName(accessible)
        line.textChanged.connect(lambda _text: self.check())
        return line

    def show_action(self, action: Action) -> None:
        change = change_of(action)
        self.lane.setCurrentIndex(max(self.lane.findData(change.lane or ""), 0))
        self.touch.setText(_minutes_text(change.touch_minutes))
        self.wait.setText(_minutes_text(change.wait_minutes))
        self.name.setText(change.name or "")
        self._kept = change

    def check(self) -> bool:
        """True when both times read; else one sentence under the fields says which does not."""
        try:
            self.change()
        except DurationError as error:
            self.error.setText(f"Future state: {error}")
            self.error.show()
            return False
        self.error.hide()
        return True

    def change(self) -> StepChange:
        """The change as typed; DurationError when a time cannot be read."""
        return replace(
            self._kept,
            lane=self.lane.currentData() or None,
            touch_minutes=_typed_minutes(self.touch.text()),
            wait_minutes=_typed_minutes(self.wait.text()),
            name=self.name.text().strip() or None,
        )

    def extra_for(self, action: Action) -> dict[str, Any]:
        """``action.extra`` with the typed change in it (or without one, when all is blank);
        a time that cannot be read keeps the change the action had."""
        try:
            change = self.change()
        except DurationError:
            change = change_of(action)
        extra = {key: value for key, value in action.extra.items() if key != CHANGE_KEY}
        return {**extra, CHANGE_KEY: change_document(change)} if not change.is_empty() else extra


def _typed_minutes(text: str) -> float | None:
    return parse_duration(text) if text.strip() else None


def _minutes_text(minutes: float | None) -> str:
    return format_duration(minutes) if minutes is not None else ""
