"""The list of processes in the open database, with a search box.

The columns fit the width the list is given: below ``WIDE`` pixels only the name and the
step count show, and a due review is marked with a warning icon by the name (its words in
the tooltip); wider, the owner and the review get columns of their own.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QIcon, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.store import ProcessStore

if TYPE_CHECKING:
    from app.models.repository import ProcessSummary

# Qt.ItemDataRole.UserRole: the Qt namespace's enums take ~40 ms to create, so the window
# avoids them until it has been shown (bench/startup.py).
ID_ROLE = 256
WIDE = 440
NAME, OWNER, STEPS, REVIEW = range(4)


class ProcessListPanel(QWidget):
    """Search and pick a process; emits ``process_selected`` with its id (or '' for none)."""

    process_selected = Signal(str)
    process_activated = Signal(str)

    def __init__(self, store: ProcessStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search processes")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search processes")
        self.search.setToolTip(
            f"Filter by name or owner ({_shortcut(QKeySequence.StandardKey.Find)})"
        )
        self.tree = self._build_tree()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 8)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self.search.textChanged.connect(self.refresh)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(
            lambda item: self.process_activated.emit(item.data(0, ID_ROLE))
        )
        store.processes_changed.connect(self.refresh)
        self._wide = False
        self._has_reviews = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= WIDE
        if wide != self._wide:
            self._wide = wide
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Owner and review columns only where they fit; else the marker goes by the name."""
        self.tree.setColumnHidden(OWNER, not self._wide)
        self.tree.setColumnHidden(REVIEW, not (self._wide and self._has_reviews))
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None:
                self._mark_name(item)

    def _mark_name(self, item: QTreeWidgetItem) -> None:
        """A warning icon by the name when a review is due and its column is hidden."""
        if not self._wide and item.text(REVIEW):
            from PySide6.QtWidgets import QStyle  # its enums are big: loaded once needed

            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            item.setIcon(NAME, icon)
        elif not item.icon(NAME).isNull():
            item.setIcon(NAME, QIcon())

    def _build_tree(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setAccessibleName("Processes")
        tree.setHeaderLabels(["Process", "Owner", "Steps", "Review"])
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        return tree

    def _review_markers(self) -> dict[str, str]:
        """Per process, the review that is due ("30-day review due 14 Feb"), if any."""
        from app.analysis.reviews import due_review_markers

        today = dt.date.today()
        return due_review_markers(self.store.due_reviews(today), today)

    def current_id(self) -> str:
        item = self.tree.currentItem()
        return str(item.data(0, ID_ROLE)) if item is not None else ""

    def refresh(self) -> None:
        """Reload the list, keeping the current process selected if it is still there."""
        keep = self.current_id()
        self.tree.blockSignals(True)
        self.tree.clear()
        markers = self._review_markers()
        for summary in self.store.summaries(self.search.text()):
            self.tree.addTopLevelItem(_item(summary, markers.get(summary.id, "")))
        self._has_reviews = bool(markers)
        self._fit_columns()
        kept = self._item_of(keep)
        if kept is not None:  # the same process stays selected: nothing to announce
            self.tree.setCurrentItem(kept)
        self.tree.blockSignals(False)
        if kept is None:
            self.select(keep)

    def select(self, process_id: str) -> None:
        """Make ``process_id`` current (or the first process, or none)."""
        item = self._item_of(process_id)
        if item is not None:
            self.tree.setCurrentItem(item)
            return
        first = self.tree.topLevelItem(0)
        if first is None:
            self.process_selected.emit("")
            return
        self.tree.setCurrentItem(first)

    def _item_of(self, process_id: str) -> QTreeWidgetItem | None:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None and process_id and item.data(0, ID_ROLE) == process_id:
                return item
        return None

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self.process_selected.emit(str(current.data(0, ID_ROLE)) if current else "")


def _item(summary: ProcessSummary, review: str) -> QTreeWidgetItem:
    due = f"⚠ {review}" if review else ""
    item = QTreeWidgetItem([summary.name, summary.owner, str(summary.step_count), due])
    item.setData(0, ID_ROLE, summary.id)
    owner = f"\nowner: {summary.owner}" if summary.owner else ""
    item.setToolTip(0, f"{summary.name}{owner}\n{review}" if review else summary.name + owner)
    if review:
        item.setToolTip(3, f"{review}: open the process's Control tab to record it")
    from PySide6.QtCore import Qt  # items are made once the window shows

    item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _shortcut(key: QKeySequence.StandardKey) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
