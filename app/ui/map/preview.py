"""The map drawn beside the interview: it grows as steps are added and follows the latest."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.process.model import Process
from app.ui.map.look import make_look
from app.ui.map.scene import MapScene, build_model
from app.ui.map.text import FontMeasure
from app.ui.map.theme import theme_from_palette
from app.ui.map.view import MapView


class MapPreview(QWidget):
    """A read-only map of the process being described; the newest step stays in view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.look = make_look(theme_from_palette(self.palette()))
        self.measure = FontMeasure(self.look.font)
        self.scene = MapScene(self.look, self)
        self.view = MapView(self.scene, self)
        self.view.setAccessibleName("Map of the steps so far")
        self.empty = QLabel("The map appears here as the steps are described.", self)
        self.empty.setEnabled(False)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self._step_count = -1

    def show_process(self, process: Process) -> None:
        self.scene.show_map(build_model(process, self.measure))
        self.empty.setVisible(not process.steps)
        if len(process.steps) != self._step_count:
            self._step_count = len(process.steps)
            newest = process.steps[-1].id if process.steps else ""
            QTimer.singleShot(0, lambda: self._follow(newest))

    def _follow(self, step_id: str) -> None:
        """Fit while the map is small; once it is not, keep the newest step in view."""
        self.view.show_start()
        item = self.scene.steps.get(step_id)
        if item is not None:
            self.view.ensureVisible(item, 40, 40)
