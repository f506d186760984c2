"""Root-cause notes on one finding: the 5 whys as a tree, the office fishbone, the conclusion.

The 5 whys may branch: "Ask why" adds an answer under the chosen one (one level deeper), "Another
answer" adds a sibling beside it. Five is a guide, not a limit. Fishbone causes are typed one per
line under each category; a category's name is edited in place and renames it for every
finding. Each change is one undoable edit through ``store.apply``.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.analysis.finding import Finding
from app.process.model import Process, RootCause, WhyNode
from app.ui import messages
from app.ui.define_view import PlainTextField
from app.ui.plan_edits import (
    PlanEditError,
    WhyPath,
    categories_of,
    root_cause_for,
    why_at,
    with_category_renamed,
    with_fishbone_causes,
    with_root_cause,
    with_why_added,
    with_why_text,
    without_why,
)
from app.ui.store import ProcessStore

PATH_ROLE = Qt.ItemDataRole.UserRole
NEW_WHY = "Why?"
FISHBONE_COLUMNS = 2


class FishboneBox(QGroupBox):
    """One fishbone category: its name (editable) and its causes, one per line."""

    def __init__(self, category: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = category
        self.name = QLineEdit(category, self)
        self.name.setAccessibleName(f"Fishbone category {category}")
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.name.setFrame(False)
        self.causes = PlainTextField(self)
        self.causes.setAccessibleName(f"Causes under {category}")
        self.causes.setPlaceholderText("One cause per line")
        self.causes.setTabChangesFocus(True)
        self.causes.setFixedHeight(self.causes.fontMetrics().lineSpacing() * 4 + 12)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 4, 6, 6)
        column.setSpacing(2)
        column.addWidget(self.name)
        column.addWidget(self.causes)

    def typed_causes(self) -> tuple[str, ...]:
        lines = self.causes.toPlainText().splitlines()
        return tuple(line.strip() for line in lines if line.strip())


class RootCausePanel(QScrollArea):
    """Edits the root-cause notes of the finding chosen in the Analyze view."""

    def __init__(self, store: ProcessStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.process: Process | None = None
        self.finding: Finding | None = None
        self.setWidgetResizable(True)
        self.body = QWidget(self)
        self.title = QLabel("Choose a finding to note its root cause.", self.body)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.map_button = QPushButton("Show on map", self.body)
        self.map_button.setToolTip("Show the finding's steps on the map")
        self.whys = self._whys_tree()
        self.ask_button = QPushButton("Ask why", self.body)
        self.ask_button.setToolTip("Add an answer to the chosen why, one level deeper")
        self.branch_button = QPushButton("Another answer", self.body)
        self.branch_button.setToolTip("Add another answer beside the chosen one (a branch)")
        self.remove_button = QPushButton("Remove", self.body)
        self.remove_button.setToolTip("Remove the chosen why and the answers under it")
        self.fishbone_grid = QGridLayout()
        self.fishbone: dict[str, FishboneBox] = {}
        self.conclusion = PlainTextField(self.body)
        self.conclusion.setAccessibleName("Root cause the team controls")
        self.conclusion.setPlaceholderText("Stop at a cause the team can change.")
        self.conclusion.setFixedHeight(self.conclusion.fontMetrics().lineSpacing() * 3 + 12)
        self.notes_box = QWidget(self.body)
        self._lay_out()
        self._connect()
        self._enable()

    def _whys_tree(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setAccessibleName("5 whys")
        tree.setHeaderLabels(["5 whys: why does this happen?"])
        tree.setMinimumHeight(160)
        tree.setWordWrap(True)
        tree.setEditTriggers(
            QTreeWidget.EditTrigger.DoubleClicked
            | QTreeWidget.EditTrigger.EditKeyPressed
            | QTreeWidget.EditTrigger.SelectedClicked
        )
        return tree

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.ask_button, self.branch_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        notes = QVBoxLayout(self.notes_box)
        notes.setContentsMargins(0, 0, 0, 0)
        notes.addWidget(self.whys)
        notes.addLayout(buttons)
        notes.addWidget(QLabel("<b>Fishbone</b>: causes by category", self.notes_box))
        notes.addLayout(self.fishbone_grid)
        notes.addWidget(QLabel("<b>Root cause the team controls</b>", self.notes_box))
        notes.addWidget(self.conclusion)
        column = QVBoxLayout(self.body)
        column.setContentsMargins(12, 16, 12, 16)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.map_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(heading)
        column.addWidget(self.notes_box)
        column.addStretch(1)
        self.setWidget(self.body)

    def _connect(self) -> None:
        self.whys.itemChanged.connect(self._why_edited)
        self.whys.currentItemChanged.connect(lambda *_: self._enable())
        self.ask_button.clicked.connect(self.ask_why)
        self.branch_button.clicked.connect(self.add_branch)
        self.remove_button.clicked.connect(self.remove_why)
        self.conclusion.editing_finished.connect(self._conclusion_edited)

    # Showing

    def show_process(self, process: Process) -> None:
        self.process = process
        self._rebuild_fishbone(categories_of(process))
        self._show_notes()

    def show_finding(self, finding: Finding | None) -> None:
        """Show the notes of ``finding`` (from AnalysisView.finding_selected)."""
        self.finding = finding
        self._show_notes()

    def cause(self) -> RootCause | None:
        if self.process is None or self.finding is None:
            return None
        return root_cause_for(self.process, self.finding.key)

    def _show_notes(self) -> None:
        cause = self.cause()
        self.notes_box.setVisible(cause is not None)
        self.map_button.setVisible(cause is not None)
        if cause is None or self.finding is None:
            self.title.setText("Choose a finding to note its root cause.")
            return
        self.title.setText(f"Root cause of: {self.finding.title}")
        self._fill_whys(cause.whys)
        for category, box in self.fishbone.items():
            _set_plain(box.causes, "\n".join(cause.fishbone.get(category, ())))
        _set_plain(self.conclusion, cause.conclusion)
        self._enable()

    def _fill_whys(self, whys: tuple[WhyNode, ...]) -> None:
        current = self.current_path()
        self.whys.blockSignals(True)
        self.whys.clear()
        self._add_items(self.whys.invisibleRootItem(), whys, ())
        self.whys.expandAll()
        self.whys.blockSignals(False)
        if current is not None:
            self.select_path(current)

    def _add_items(self, parent: QTreeWidgetItem, nodes: tuple[WhyNode, ...], at: WhyPath) -> None:
        for index, node in enumerate(nodes):
            path = (*at, index)
            item = QTreeWidgetItem(parent, [node.text])
            item.setData(0, PATH_ROLE, path)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(0, f"Why {len(path)}: {node.text}")
            self._add_items(item, node.children, path)

    def _rebuild_fishbone(self, categories: tuple[str, ...]) -> None:
        if tuple(self.fishbone) == categories:
            return
        for box in self.fishbone.values():
            box.deleteLater()
        self.fishbone = {}
        for index, category in enumerate(categories):
            box = FishboneBox(category, self.notes_box)
            box.name.editingFinished.connect(lambda b=box: self._category_renamed(b))
            box.causes.editing_finished.connect(lambda b=box: self._causes_edited(b))
            row, column = divmod(index, FISHBONE_COLUMNS)
            self.fishbone_grid.addWidget(box, row, column)
            self.fishbone[category] = box

    def _enable(self) -> None:
        chosen = self.current_path() is not None
        self.branch_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # The 5 whys

    def current_path(self) -> WhyPath | None:
        item = self.whys.currentItem()
        return tuple(item.data(0, PATH_ROLE)) if item is not None else None

    def select_path(self, path: WhyPath) -> None:
        item: QTreeWidgetItem | None = self.whys.invisibleRootItem()
        for index in path:
            item = item.child(index) if item is not None else None
        if item is not None:
            self.whys.setCurrentItem(item)

    def ask_why(self) -> None:
        """Add an answer under the chosen why, or a first why when none is chosen."""
        self._add_why(self.current_path() or ())

    def add_branch(self) -> None:
        """Add another answer beside the chosen why."""
        path = self.current_path()
        if path is not None:
            self._add_why(path[:-1])

    def _add_why(self, parent: WhyPath) -> None:
        cause = self.cause()
        if cause is None:
            return
        whys, path = with_why_added(cause.whys, parent, NEW_WHY)
        self._save(replace(cause, whys=whys), "Add a why")
        self.select_path(path)
        item = self.whys.currentItem()
        if item is not None:
            self.whys.editItem(item, 0)

    def remove_why(self) -> None:
        cause, path = self.cause(), self.current_path()
        if cause is None or path is None:
            return
        text = why_at(cause.whys, path).text
        self.whys.setCurrentIndex(self.whys.rootIndex())
        self._save(replace(cause, whys=without_why(cause.whys, path)), f"Remove why '{text}'")

    def _why_edited(self, item: QTreeWidgetItem, _column: int) -> None:
        cause = self.cause()
        if cause is None:
            return
        path = tuple(item.data(0, PATH_ROLE))
        text = item.text(0).strip()
        if not text:  # an emptied why keeps its old text; Remove takes it away
            item.setText(0, why_at(cause.whys, path).text)
            return
        edited = replace(cause, whys=with_why_text(cause.whys, path, text))
        process = self.process
        # Saved on the next turn of the event loop: the save rebuilds the tree, which must not
        # delete the item while it is still announcing its own change. The process is taken
        # now: another one may be shown by then (the why is left by a click on it).
        QTimer.singleShot(0, lambda: self._save(edited, "Edit a why", process))

    # Fishbone and conclusion

    def _causes_edited(self, box: FishboneBox) -> None:
        cause = self.cause()
        if cause is None:
            return
        updated = with_fishbone_causes(cause, box.category, box.typed_causes())
        self._save(updated, f"Edit fishbone causes under {box.category}")

    def _category_renamed(self, box: FishboneBox) -> None:
        new = box.name.text().strip()
        if self.process is None or new == box.category:
            return
        try:
            after = with_category_renamed(self.process, box.category, new)
        except PlanEditError as error:
            box.name.setText(box.category)
            messages.show_error(self, "Cannot rename the category", str(error))
            return
        self._apply(after, f"Rename fishbone category '{box.category}' to '{new}'")

    def _conclusion_edited(self) -> None:
        cause = self.cause()
        if cause is None:
            return
        text = self.conclusion.toPlainText()
        if text != cause.conclusion:
            self._save(replace(cause, conclusion=text), "Edit the root cause")

    # Saving

    def _save(self, cause: RootCause, text: str, process: Process | None = None) -> None:
        process = process or self.process
        if process is not None:
            self._apply(with_root_cause(process, cause), text)

    def _apply(self, after: Process, text: str) -> None:
        from app.models.database import DatabaseError

        try:
            changed = self.store.apply(after, text)
        except DatabaseError as error:
            messages.show_error(self, "Cannot save the change", str(error))
            return
        if changed and self.process is not None and self.process.id == after.id:
            # Show the saved state even when nobody has wired process_changed to this panel.
            self.show_process(self.store.load(after.id))


def _set_plain(field: PlainTextField, text: str) -> None:
    """Set a field's text only when it differs, so the cursor of a typing user stays put."""
    if field.toPlainText() != text:
        field.setPlainText(text)
