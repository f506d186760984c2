"""The Analyze tab: the analysis on the left, the root-cause notes of the chosen finding beside.

Choosing a finding here shows its notes; activating it (double-click, Enter) or "Show on map"
announces its steps through ``steps_highlighted``, as AnalysisView does on its own. A finding a
person noted (from accounts or an event log) can be removed again from its context menu.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QMenu, QSplitter, QVBoxLayout, QWidget

from app.analysis.noted import drop_noted
from app.process.model import Process
from app.ui.analysis_view import AnalysisView
from app.ui.root_causes import RootCausePanel
from app.ui.store import ProcessStore


class AnalyzePage(QWidget):
    """AnalysisView and RootCausePanel side by side in a splitter."""

    steps_highlighted = Signal(tuple)

    def __init__(self, store: ProcessStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._process: Process | None = None
        self.analysis_view = AnalysisView(self)
        self.analysis_view.highlight_on_select = False
        self.root_causes = RootCausePanel(store, self)
        self.analysis_view.finding_selected.connect(self.root_causes.show_finding)
        self.analysis_view.steps_highlighted.connect(self.steps_highlighted)
        self.root_causes.map_button.clicked.connect(self._show_on_map)
        findings = self.analysis_view.findings
        findings.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        findings.customContextMenuRequested.connect(self._findings_menu)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.analysis_view)
        splitter.addWidget(self.root_causes)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 520])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def show_process(self, process: Process) -> None:
        """Show a snapshot: the panel first, so the re-announced finding meets the new notes."""
        self._process = process
        self.root_causes.show_process(process)
        self.analysis_view.show_process(process)

    def remove_noted(self, note_id: str) -> None:
        """Take a noted finding off the list (undoable, like every edit)."""
        if self._process is not None and note_id:
            self.store.apply(drop_noted(self._process, note_id), "Remove noted finding")

    def _findings_menu(self, position: QPoint) -> None:
        finding = self.analysis_view.current_finding()
        if finding is None or not finding.note_id:
            return
        menu = QMenu(self)
        remove = menu.addAction("Remove this noted finding")
        remove.triggered.connect(lambda: self.remove_noted(finding.note_id))
        menu.exec(self.analysis_view.findings.viewport().mapToGlobal(position))

    def _show_on_map(self) -> None:
        finding = self.analysis_view.current_finding()
        if finding is not None:
            self.steps_highlighted.emit(tuple(finding.step_ids))
