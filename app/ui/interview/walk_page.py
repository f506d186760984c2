"""Walk me through it: one step at a time, with the follow-ups that its answers call for.

The step being typed is kept as a draft in the process (so an interrupted interview resumes
with it); adding the step (Ctrl+Enter) is one undoable edit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.interview import (
    QuestionBank,
    add_step,
    current_draft,
    draft_errors,
    next_question,
    save_draft,
)
from app.process.model import Process
from app.ui.interview.fields import FIELD_PREFIX
from app.ui.interview.followups_panel import FollowUpsPanel
from app.ui.interview.stage_nav import nav_row, stage_buttons
from app.ui.interview.step_form import StepForm

ADD_SHORTCUT = "Ctrl+Return"


class WalkPage(QWidget):
    """The question, the step form and its follow-ups on the left; the map grows on the right."""

    edited = Signal(object, str)  # an undoable edit: the next snapshot and its text
    draft_saved = Signal(object)  # a draft kept as typed (not an undo step)
    back_requested = Signal()
    next_requested = Signal()

    def __init__(
        self, bank: QuestionBank, map_widget: QWidget | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.bank = bank
        self.process = Process(name="")
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        font = self.prompt.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.prompt.setFont(font)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.help.setEnabled(False)
        self.form = StepForm(self)
        self.add_button = QPushButton(f"Add step ({ADD_SHORTCUT.replace('Return', 'Enter')})", self)
        self.add_button.setAccessibleName("Add step")
        self.add_button.setToolTip("Adds the step and clears the form for the next one")
        self.followups = FollowUpsPanel(self)
        self.back_button, self.next_button = stage_buttons(
            self, "Who and what", "Check the whole", self.back_requested, self.next_requested
        )
        left = self._left_column()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        if map_widget is not None:
            splitter.addWidget(map_widget)
            splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.form.changed.connect(self._save_draft)
        self.add_button.clicked.connect(self.add_current_step)
        shortcut = QShortcut(QKeySequence(ADD_SHORTCUT), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.add_current_step)
        self.followups.answered.connect(self.edited)

    def _left_column(self) -> QScrollArea:
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 16, 16, 16)
        column.addWidget(self.prompt)
        column.addWidget(self.help)
        column.addWidget(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        column.addLayout(row)
        column.addWidget(self.followups)
        column.addStretch(1)
        column.addLayout(nav_row(self.back_button, self.next_button))
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(480)
        self.scroller = scroll
        return scroll

    def show_process(self, process: Process) -> None:
        another = process.id != self.process.id
        self.process = process
        self.followups.follow(process, another=another)
        question = next_question(process, bank=self.bank)
        steps_question = question if question and question.stage == "steps" else None
        first = steps_question or self.bank.steps[0]
        self.prompt.setText(first.prompt)
        self.help.setText(first.help)
        self.form.set_predecessors(process)
        self.form.show_draft(process, current_draft(process), keep_typing=not another)
        if another:
            self.form.show_errors({})

    def focus_first_field(self) -> None:
        """The cursor in the first field of the step: which step comes before, else its name."""
        field = self.form.after if self.form.asks_after() else self.form.name
        field.setFocus()
        self.scroller.ensureWidgetVisible(field)

    def focus_field(self, name: str) -> None:
        """The cursor back in the field called ``name`` (where the user stopped), if shown."""
        field = self.form.findChild(QWidget, FIELD_PREFIX + name) if name else None
        if field is None or not field.isVisibleTo(self):
            self.focus_first_field()
            return
        field.setFocus()
        self.scroller.ensureWidgetVisible(field)

    def _save_draft(self) -> None:
        draft = self.form.draft()
        shown = self.form.shown_errors()
        still = {k: v for k, v in draft_errors(self.process, draft).items() if k in shown}
        self.form.show_errors(still)  # an error goes once its field is put right
        if draft != current_draft(self.process):
            self.draft_saved.emit(save_draft(self.process, draft))
        self.form.mark_saved()

    def add_current_step(self) -> None:
        """Add the step in the form, or say beside each field what keeps it from being added."""
        draft = self.form.draft()
        errors = draft_errors(self.process, draft)
        if self.form.outcomes.problem():
            errors["outcomes"] = self.form.outcomes.problem()
        if errors:
            self._show_errors(errors)
            return
        result = add_step(self.process, draft, self.bank)
        if not result.ok:
            self._show_errors(dict(result.errors))
            return
        self.form.show_errors({})
        self.form.show_draft(result.process, current_draft(result.process), keep_typing=False)
        self.followups.show_followups(result.process, result.step_id, result.followups)
        self.focus_first_field()
        self.edited.emit(result.process, f"Add step “{draft.name.strip()}”")

    def _show_errors(self, errors: dict[str, str]) -> None:
        self.form.show_errors(errors)
        field = self.form.first_error_field(errors)
        if field is not None:
            field.setFocus()
            self.scroller.ensureWidgetVisible(field)
