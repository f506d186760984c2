"""Which action changed what in the future state: one row per action, as it was applied."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from app.future.apply import EFFECTS_KEY
from app.process.model import Process

NOT_APPLIED = QColor("#c62828")


class ActionEffects(QTreeWidget):
    """The effects kept in the future state by "Apply actions" (empty for a hand-made one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Which action changed what")
        self.setHeaderLabels(["Action", "What it changed"])
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.setColumnWidth(0, 220)

    def show_future(self, future: Process | None) -> None:
        self.clear()
        effects = future.extra.get(EFFECTS_KEY) if future is not None else None
        if not isinstance(effects, Sequence) or isinstance(effects, str):
            self.addTopLevelItem(QTreeWidgetItem(["", "Edited by hand: no actions applied yet."]))
            return
        for effect in effects:
            if isinstance(effect, Mapping):
                self.addTopLevelItem(_row(effect))


def _row(effect: Mapping[str, Any]) -> QTreeWidgetItem:
    verb = str(effect.get("verb", "")).capitalize()
    title = str(effect.get("title", ""))
    what = str(effect.get("what", ""))
    item = QTreeWidgetItem([f"{verb}: {title}", what])
    item.setToolTip(0, f"{verb}: {title}")
    item.setToolTip(1, what)
    item.setTextAlignment(0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if not effect.get("applied", False):
        item.setForeground(1, QBrush(NOT_APPLIED))
    return item
