"""The page of one process: its name and figures on top, its views in tabs below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.process.model import Process
from app.ui.define_view import DefineView
from app.ui.map.page import MapPage
from app.ui.store import ProcessStore


class ProcessPage(QWidget):
    """Heading, subheading and the tabs: Define and Map (a process with steps opens on Map)."""

    def __init__(self, store: ProcessStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.heading = QLabel(self)
        self.heading.setObjectName("processHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setContentsMargins(24, 16, 24, 0)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading = QLabel(self)
        self.subheading.setTextFormat(Qt.TextFormat.PlainText)
        self.subheading.setContentsMargins(24, 0, 24, 8)
        self.define_view = DefineView(store, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.map_page = MapPage(store, self)
        self.tabs.addTab(self.define_view, "Define")
        self.tabs.addTab(self.map_page, "Map")
        self._process_id = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.tabs, 1)

    def show_process(self, process: Process) -> None:
        """Show a snapshot in every view."""
        self.heading.setText(process.name)
        self.subheading.setText(subheading(process))
        self.define_view.show_process(process)
        self.map_page.show_process(process)
        if process.id != self._process_id:
            self._process_id = process.id
            self.tabs.setCurrentWidget(self.map_page if process.steps else self.define_view)


def subheading(process: Process) -> str:
    """“15 steps · 5 lanes · owner: Dana Ortiz”."""
    parts = [f"{len(process.steps)} steps", f"{len(process.lanes)} lanes"]
    if process.owner:
        parts.append(f"owner: {process.owner}")
    return " · ".join(parts)
