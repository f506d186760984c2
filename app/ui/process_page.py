"""The page of one process: its name and figures on top, its views in tabs below."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.interview import interview_state
from app.process.model import Process
from app.ui.accounts_page import AccountsPage
from app.ui.analyze_page import AnalyzePage
from app.ui.control.page import ControlPage
from app.ui.define_view import DefineView
from app.ui.evidence_page import EvidencePage
from app.ui.future_view import FutureView
from app.ui.goals_view import GoalsView
from app.ui.improve_view import ImproveView
from app.ui.interview.page import InterviewPage
from app.ui.map.page import MapPage
from app.ui.simulate_page import SimulatePage
from app.ui.splitters import remember, remember_all
from app.ui.steps_table import StepsTable
from app.ui.store import ProcessStore

INTERVIEW_KEY = "interview"


class ProcessPage(QWidget):
    """Heading, subheading and the tabs, in the order of the method.

    A process whose interview is under way opens on the interview, where it stopped; one with
    steps opens on its map; a new one on Define. Each save shows the new snapshot in the tab
    in view; the other tabs catch up when they come into view (at 300 steps, redrawing every
    hidden tab took some 150 ms a save).
    """

    def __init__(self, store: ProcessStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.heading = ElidedLabel(self)
        self.heading.setObjectName("processHeading")
        self.heading.setContentsMargins(0, 0, 0, 0)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading = QLabel(self)
        self.subheading.setTextFormat(Qt.TextFormat.PlainText)
        self.subheading.setContentsMargins(0, 0, 0, 0)
        self.interview_page = InterviewPage(store, self)
        self.define_view = DefineView(store, self)
        self.map_page = MapPage(store, self)
        self.steps_table = StepsTable(store, self)
        self.analyze_page = AnalyzePage(store, self)
        self.improve_view = ImproveView(store, self)
        self.future_view = FutureView(store, self)
        self.goals_view = GoalsView(store, self)
        self.control_page = ControlPage(store, self)
        self.evidence_page = EvidencePage(store, self)
        self.simulate_page = SimulatePage(store, self)
        self.accounts_page = AccountsPage(store, self)
        self.tabs = PageTabs(self)
        self.tabs.setDocumentMode(True)
        self._latest: Process | None = None
        self._behind: set[QWidget] = set()  # tabs not yet showing the latest snapshot
        self._viewers: dict[QWidget, Callable[[Process], None]] = {}
        for widget, title in (
            (self.interview_page, "Interview"),
            (self.define_view, "Define"),
            (self.map_page, "Map"),
            (self.steps_table, "Steps"),
            (self.analyze_page, "Analyze"),
            (self.improve_view, "Improve"),
            (self.future_view, "Future state"),
            (self.simulate_page, "Simulate"),
            (self.goals_view, "Goals"),
            (self.control_page, "Control"),
            (self.evidence_page, "Evidence"),
            (self.accounts_page, "Accounts"),
        ):
            self.tabs.add_page(widget, title)
            self._viewers[widget] = widget.show_process
        self.tabs.currentChanged.connect(lambda _index: self._bring_current_up_to_date())
        self.interview_page.finished.connect(lambda: self.tabs.setCurrentWidget(self.map_page))
        self.analyze_page.steps_highlighted.connect(self.show_steps_on_map)
        self.accounts_page.steps_shown.connect(self.show_steps_on_map)
        self._process_id = ""
        top = QHBoxLayout()  # one line: the height goes to the maps and tables
        top.setContentsMargins(16, 8, 16, 4)
        top.setSpacing(16)
        top.addWidget(self.heading, 1, Qt.AlignmentFlag.AlignBaseline)
        top.addWidget(self.subheading, 0, Qt.AlignmentFlag.AlignBaseline)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        for page in (self.map_page, self.future_view.map_page):  # small screens: map first
            remember(
                page.splitter,
                f"process/{page.target.__class__.__name__}",
                small_screen=[0, 900, 260],
            )
        remember_all(
            self, "process", skip={self.map_page.splitter, self.future_view.map_page.splitter}
        )

    def show_process(self, process: Process) -> None:
        """Show a snapshot in the tab in view; the others show it when they come into view."""
        self.heading.set_full_text(process.name)
        self.subheading.setText(subheading(process))
        self._latest = process
        self._behind = set(self._viewers)
        opened = process.id != self._process_id
        if opened:
            self._process_id = process.id
            self.tabs.setCurrentWidget(self.first_view(process))
        self._bring_current_up_to_date()
        if opened and self.tabs.currentWidget() is self.interview_page:
            self.interview_page.focus_current_question()

    def bring_all_up_to_date(self) -> None:
        """Show the latest snapshot in every tab now, hidden ones included."""
        for view in list(self._behind):
            self._show_latest(view)

    def _bring_current_up_to_date(self) -> None:
        current = self.tabs.currentWidget()
        if current in self._behind:
            self._show_latest(current)

    def _show_latest(self, view: QWidget) -> None:
        self._behind.discard(view)
        if self._latest is not None:
            self._viewers[view](self._latest)

    def first_view(self, process: Process) -> QWidget:
        """Where a process opens: its interview under way, else its map, else Define."""
        under_way = INTERVIEW_KEY in process.extra and interview_state(process).stage != "done"
        if under_way:
            return self.interview_page
        return self.map_page if process.steps else self.define_view

    def show_steps_on_map(self, step_ids: tuple[str, ...]) -> None:
        """Show a finding's steps: switch to the map with the first one selected."""
        if step_ids:
            self.tabs.setCurrentWidget(self.map_page)
            self.map_page.select_step(step_ids[0])


class PageTabs(QTabWidget):
    """Tabs whose pages scroll when the window is smaller than a page needs (a laptop at 2×
    scale) instead of forcing the window past the screen; pages are addressed directly."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: list[QWidget] = []

    def add_page(self, page: QWidget, title: str) -> None:
        holder = QScrollArea(self)
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        holder.setWidget(page)
        self.pages.append(page)
        self.addTab(holder, title)

    def currentWidget(self) -> QWidget:
        index = self.currentIndex()
        return self.pages[index] if 0 <= index < len(self.pages) else super().currentWidget()

    def setCurrentWidget(self, page: QWidget) -> None:
        self.setCurrentIndex(self.pages.index(page))

    def page(self, index: int) -> QWidget | None:
        return self.pages[index] if 0 <= index < len(self.pages) else None


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with “…” to the width it gets (full text in
    the tooltip), so a long process name never widens the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, self.width()))


def subheading(process: Process) -> str:
    """“15 steps · 5 lanes · owner: Dana Ortiz”."""
    parts = [f"{len(process.steps)} steps", f"{len(process.lanes)} lanes"]
    if process.owner:
        parts.append(f"owner: {process.owner}")
    return " · ".join(parts)
