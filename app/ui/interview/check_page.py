"""Check the whole: the end-to-end cross-check, fixes to the step list, and what is missing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.interview import (
    EditError,
    QuestionBank,
    apply_check_answer,
    delete_step,
    end_to_end_check,
    interview_state,
    merge_steps,
    missing_items,
    reorder_steps,
    split_step,
)
from app.process.durations import format_duration
from app.process.model import Process
from app.ui.interview.fields import QuestionRow, mark_saved
from app.ui.interview.stage_nav import nav_row, stage_buttons

STEP_ROLE = Qt.ItemDataRole.UserRole


def check_answer_text(process: Process, question_id: str) -> str:
    """A stored cross-check answer as the user would type it."""
    value = interview_state(process).check.get(
        {"end_to_end": "end_to_end_minutes"}.get(question_id, question_id)
    )
    if value is None:
        return ""
    return format_duration(value) if question_id == "end_to_end" else f"{value:g}"


class CheckPage(QScrollArea):
    """Cross-check answers, the step list with its fixes, and the missing items."""

    edited = Signal(object, str)  # the next snapshot, the undo text
    finish_requested = Signal()
    back_requested = Signal()

    def __init__(self, bank: QuestionBank, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bank = bank
        self.process = Process(name="")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        body.setMaximumWidth(820)
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 16, 24, 24)
        column.setSpacing(14)
        self.rows: dict[str, QuestionRow] = {}
        cross = QGroupBox("The whole, as the person sees it", body)
        cross_column = QVBoxLayout(cross)
        for question in bank.check:
            row = QuestionRow(question, cross)
            row.answered.connect(self._answer)
            self.rows[question.id] = row
            cross_column.addWidget(row)
        self.sentence = self._plain_label(cross)
        cross_column.addWidget(self.sentence)
        column.addWidget(cross)
        column.addLayout(self._finish_row(body))
        missing = QGroupBox("Still missing", body)
        self.missing = self._plain_label(missing)
        QVBoxLayout(missing).addWidget(self.missing)
        column.addWidget(missing)
        column.addWidget(self._steps_box(body))
        column.addStretch(1)
        self.setWidget(body)

    def _finish_row(self, body: QWidget) -> QHBoxLayout:
        """Back, and Finish right after the cross-check answers (Ctrl+Enter from anywhere)."""
        self.back_button, _next = stage_buttons(
            body, "Walk me through it", "", self.back_requested, self.back_requested
        )
        self.finish = QPushButton("Finish: show the map and the analysis  (Ctrl+Enter)", body)
        self.finish.setAccessibleName("Finish")
        self.finish.clicked.connect(self.finish_requested)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.finish_requested)
        return nav_row(self.back_button, self.finish)

    def focus_question(self, question_id: str) -> None:
        """The cursor in ``question_id``, else in the first cross-check question not answered."""
        rows = list(self.rows.values())
        row = self.rows.get(question_id) or next(
            (r for r in rows if not r.field.text().strip()), rows[0] if rows else None
        )
        if row is not None:
            row.field.setFocus()
            self.ensureWidgetVisible(row)

    def _plain_label(self, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _steps_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(
            "Steps: reorder (Alt+Up, Alt+Down), merge, split or delete (Delete)", parent
        )
        self.steps = QListWidget(box)
        self.steps.setAccessibleName("Steps")
        self.steps.setMinimumHeight(200)
        self.error = QLabel(box)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QHBoxLayout()
        actions: list[tuple[str, Callable[[], None]]] = [
            ("Move up", lambda: self._move(-1)),
            ("Move down", lambda: self._move(1)),
            ("Merge with next", self._merge),
            ("Split…", self._split),
            ("Delete", self._delete),
        ]
        for text, slot in actions:
            button = QPushButton(text, box)
            button.setAccessibleName(text)
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab never lands on Delete
            button.clicked.connect(slot)
            buttons.addWidget(button)
        for keys, slot in (
            ("Alt+Up", lambda: self._move(-1)),
            ("Alt+Down", lambda: self._move(1)),
            ("Delete", self._delete),
        ):
            key = QShortcut(QKeySequence(keys), self.steps)
            key.setContext(Qt.ShortcutContext.WidgetShortcut)
            key.activated.connect(slot)
        buttons.addStretch(1)
        column = QVBoxLayout(box)
        column.addWidget(self.steps)
        column.addLayout(buttons)
        column.addWidget(self.error)
        return box

    def show_process(self, process: Process) -> None:
        self.process = process
        for question_id, row in self.rows.items():
            row.show_answer(check_answer_text(process, question_id))
        self.sentence.setText(end_to_end_check(process, bank=self.bank).sentence)
        current = self.steps.currentRow()
        self.steps.clear()
        lanes = process.lane_by_id()
        for step in process.steps:
            lane = lanes.get(step.lane)
            item = QListWidgetItem(f"{step.name}  —  {lane.name if lane else step.lane}")
            item.setData(STEP_ROLE, step.id)
            self.steps.addItem(item)
        self.steps.setCurrentRow(min(current, self.steps.count() - 1))
        items = missing_items(process, self.bank)
        self.missing.setText("\n".join(f"• {item}" for item in items) or "Nothing: well done.")

    def _answer(self, question_id: str, text: str) -> None:
        row = self.rows[question_id]
        if text == check_answer_text(self.process, question_id):
            mark_saved(row.field)
            return
        result = apply_check_answer(self.process, question_id, text, self.bank)
        row.show_error(result.error)
        if result.ok:
            mark_saved(row.field)
            self.edited.emit(result.process, "Answer a cross-check question")

    def _selected(self) -> str:
        item = self.steps.currentItem()
        return str(item.data(STEP_ROLE)) if item is not None else ""

    def _apply(self, edit: Callable[[], Process], text: str) -> None:
        try:
            updated = edit()
        except EditError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.error.hide()
        self.edited.emit(updated, text)

    def _move(self, offset: int) -> None:
        row = self.steps.currentRow()
        order = [step.id for step in self.process.steps]
        target = row + offset
        if row < 0 or not 0 <= target < len(order):
            return
        order[row], order[target] = order[target], order[row]
        self._apply(lambda: reorder_steps(self.process, order), "Reorder steps")
        self.steps.setCurrentRow(target)

    def _merge(self) -> None:
        row = self.steps.currentRow()
        if not 0 <= row < len(self.process.steps) - 1:
            return
        first, second = self.process.steps[row], self.process.steps[row + 1]
        self._apply(lambda: merge_steps(self.process, first.id, second.id), "Merge steps")

    def _split(self) -> None:
        step_id = self._selected()
        if not step_id:
            return
        name, accepted = QInputDialog.getText(self, "Split step", "Name of the second part:")
        if accepted and name.strip():
            self._apply(lambda: split_step(self.process, step_id, name.strip()), "Split step")

    def _delete(self) -> None:
        step_id = self._selected()
        if step_id:
            self._apply(lambda: delete_step(self.process, step_id), "Delete step")
