"""The interview as one page: a stage bar over Who and what, Walk me through it, Check."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.interview import QuestionBank, Stage, default_bank, go_to_stage, interview_state
from app.interview.own_account import finish_own_account, telling_own_account
from app.process.model import Process
from app.ui import settings
from app.ui.interview.account_questions import AccountQuestionsBox
from app.ui.interview.check_page import CheckPage
from app.ui.interview.define_page import DefinePage
from app.ui.interview.fields import FIELD_PREFIX
from app.ui.interview.own_account_bar import OwnAccountBar
from app.ui.interview.walk_page import WalkPage
from app.ui.map.preview import MapPreview
from app.ui.store import ProcessStore

STAGE_TITLES: dict[Stage, str] = {
    "define": "1  Who and what",
    "steps": "2  Walk me through it",
    "check": "3  Check the whole",
}


class InterviewPage(QWidget):
    """Shows the stage the interview is at; every answer is saved as it is given."""

    finished = Signal()

    def __init__(
        self,
        store: ProcessStore,
        parent: QWidget | None = None,
        bank: QuestionBank | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.bank = bank or default_bank()
        self.process = Process(name="")
        self.define_page = DefinePage(self.bank, self)
        self.map_preview = MapPreview(self)
        self.walk_page = WalkPage(self.bank, self.map_preview, self)
        self.check_page = CheckPage(self.bank, self)
        self.own_account = OwnAccountBar(self)  # a further interview: its own account
        self.account_questions = AccountQuestionsBox(self)  # where accounts differ
        self.pages = QStackedWidget(self)
        for page in (self.define_page, self.walk_page, self.check_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._stage_bar())
        layout.addWidget(self.own_account)
        layout.addWidget(self.account_questions)
        layout.addWidget(self.pages, 1)
        self._connect()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._remember_cursor)

    def _stage_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setContentsMargins(24, 8, 24, 0)
        self.stage_buttons = QButtonGroup(self)
        self.buttons: dict[Stage, QPushButton] = {}
        for index, (stage, title) in enumerate(STAGE_TITLES.items()):
            button = QPushButton(title, self)
            button.setCheckable(True)
            button.setFlat(True)
            button.setShortcut(f"Alt+{index + 1}")
            button.setToolTip(f"{title[3:]} (Alt+{index + 1})")
            button.setAccessibleName(title[3:])
            self.stage_buttons.addButton(button, index)
            self.buttons[stage] = button
            bar.addWidget(button)
        bar.addStretch(1)
        return bar

    def _connect(self) -> None:
        self.define_page.answer_given.connect(self._edit)
        self.define_page.next_requested.connect(lambda: self.go_to("steps"))
        self.walk_page.back_requested.connect(lambda: self.go_to("define"))
        self.walk_page.next_requested.connect(lambda: self.go_to("check"))
        self.check_page.back_requested.connect(lambda: self.go_to("steps"))
        self.walk_page.edited.connect(self._edit)
        self.walk_page.draft_saved.connect(self.store.save_quietly)
        self.check_page.edited.connect(self._edit)
        self.own_account.edited.connect(self._edit)
        self.account_questions.edited.connect(self._edit)
        self.check_page.finish_requested.connect(self._finish)
        for stage, button in self.buttons.items():
            button.clicked.connect(lambda _checked=False, s=stage: self.go_to(s))

    def _edit(self, process: Process, text: str) -> None:
        self.store.apply(process, text)

    def show_process(self, process: Process) -> None:
        """Show the snapshot on every stage page, and the stage the interview is at.

        When the interview moves on by itself (the end step closes the walk), the cursor moves
        with it, so nothing is typed into a page that is no longer shown.
        """
        self.process = process
        for page in (self.define_page, self.walk_page, self.check_page):
            page.show_process(process)
        self.map_preview.show_process(process)
        self.own_account.show_process(process)
        self.account_questions.show_process(process)
        stage = interview_state(process).stage
        moved = self._show_stage("check" if stage == "done" else stage)
        if moved and self._has_cursor():
            self.focus_current_question(resume=False)

    def _show_stage(self, stage: Stage) -> bool:
        """Show ``stage``'s page; True when another page was shown before."""
        page = {"define": self.define_page, "steps": self.walk_page}.get(stage, self.check_page)
        moved = self.pages.currentWidget() is not page
        self.pages.setCurrentWidget(page)
        self.buttons["check" if stage == "done" else stage].setChecked(True)
        return moved

    def _has_cursor(self) -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and self.isAncestorOf(focused)

    def _remember_cursor(self, _old: QWidget | None, new: QWidget | None) -> None:
        page = self.pages.currentWidget()
        if new is None or page is None or not self.process.id or not page.isAncestorOf(new):
            return
        names = (w.objectName() for w in _ancestors(new, self))
        name = next((n.removeprefix(FIELD_PREFIX) for n in names if n.startswith(FIELD_PREFIX)), "")
        if name:
            stage = interview_state(self.process).stage
            settings.remember_interview_field(self.process.id, f"{stage}:{name}")

    def go_to(self, stage: Stage) -> None:
        """Move the interview to another stage by hand (kept, so it resumes there)."""
        if stage == "done" and telling_own_account(self.process):
            self._keep_own_account()
        elif interview_state(self.process).stage != stage:
            self.store.save_quietly(go_to_stage(self.process, stage, self.bank))
        self._show_stage(stage)
        self.focus_current_question(resume=False)

    def focus_current_question(self, *, resume: bool = True) -> None:
        """Put the cursor where the interview stands, so typing can go on at once: with
        ``resume``, in the field where the user stopped; else in the first empty question."""
        state = interview_state(self.process)
        stage, _, field = settings.interview_field(self.process.id).partition(":")
        field = field if resume and stage == state.stage else ""
        if state.stage == "define":
            self.define_page.focus_question(field or state.question_id)
        elif state.stage == "steps":
            self.walk_page.focus_field(field)
        else:
            self.check_page.focus_question(field)

    def _keep_own_account(self) -> None:
        """End a from-scratch account: kept as told and the map back, one undoable edit (an
        undo gives back the interview under way, which nothing ends again by itself)."""
        self.store.apply(finish_own_account(self.process), "Keep their own account")

    def _finish(self) -> None:
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()  # the answer being typed is saved before the interview ends
        if telling_own_account(self.process):
            self._keep_own_account()
        elif interview_state(self.process).stage != "done":
            self.store.save_quietly(go_to_stage(self.process, "done", self.bank))
        self.finished.emit()


def _ancestors(widget: QWidget, top: QWidget) -> list[QWidget]:
    """``widget`` and its parents up to (not including) ``top``."""
    found: list[QWidget] = []
    current: QWidget | None = widget
    while current is not None and current is not top:
        found.append(current)
        current = current.parentWidget()
    return found
