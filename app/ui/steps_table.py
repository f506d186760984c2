"""The steps of a process as an editable table, for fixes after the interview.

Every cell edit builds the next snapshot and hands it to the store as one undoable edit;
a value that cannot be read (a time such as "soon") is refused with a sentence, never
turned into 0.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.process.durations import DurationError, format_duration, parse_duration
from app.process.model import STEP_KINDS, VALUE_CLASSES, Process, Step
from app.ui.store import ProcessStore

Index = QModelIndex | QPersistentModelIndex


class CellError(ValueError):
    """A typed value that cannot be stored; the message is shown to the user."""


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its title, how a step shows in it, and how typed text changes a step."""

    title: str
    show: Callable[[Step, Process], str]
    change: Callable[[Step, str, Process], Step]
    choices: Callable[[Process], list[str]] | None = None
    checkable: bool = False


def _duration(text: str, label: str) -> float:
    try:
        return parse_duration(text)
    except DurationError as error:
        raise CellError(f"{label}: {error}") from error


def _name(step: Step, text: str, _process: Process) -> Step:
    if not text.strip():
        raise CellError("A step needs a name: say what happens, e.g. “Check the invoice”.")
    return replace(step, name=text)


def _lane(step: Step, text: str, process: Process) -> Step:
    by_name = {lane.name: lane.id for lane in process.lanes}
    if text not in by_name:
        raise CellError(f"No lane named “{text}”.")
    return replace(step, lane=by_name[text])


def _lane_name(step: Step, process: Process) -> str:
    return next((lane.name for lane in process.lanes if lane.id == step.lane), step.lane)


def _systems(text: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in text.split(",") if item.strip())


COLUMNS: tuple[Column, ...] = (
    Column("Step", lambda s, _p: s.name, _name),
    Column("Lane", _lane_name, _lane, choices=lambda p: [lane.name for lane in p.lanes]),
    Column(
        "Kind",
        lambda s, _p: s.kind,
        lambda s, t, _p: replace(s, kind=t),  # type: ignore[arg-type]
        choices=lambda _p: list(STEP_KINDS),
    ),
    Column(
        "Hands-on",
        lambda s, _p: format_duration(s.touch_minutes),
        lambda s, t, _p: replace(s, touch_minutes=_duration(t, "Hands-on time")),
    ),
    Column(
        "Wait before",
        lambda s, _p: format_duration(s.wait_minutes),
        lambda s, t, _p: replace(s, wait_minutes=_duration(t, "Wait")),
    ),
    Column(
        "Value",
        lambda s, _p: s.value or "",
        lambda s, t, _p: replace(s, value=t or None),  # type: ignore[arg-type]
        choices=lambda _p: ["", *VALUE_CLASSES],
    ),
    Column("Why", lambda s, _p: s.why, lambda s, t, _p: replace(s, why=t)),
    Column(
        "Habit",
        lambda s, _p: "yes" if s.habit else "no",
        lambda s, t, _p: replace(s, habit=t == "yes"),
        checkable=True,
    ),
    Column(
        "Systems",
        lambda s, _p: ", ".join(s.systems),
        lambda s, t, _p: replace(s, systems=_systems(t)),
    ),
    Column(
        "Re-keys data",
        lambda s, _p: "yes" if s.rekeys_data else "no",
        lambda s, t, _p: replace(s, rekeys_data=t == "yes"),
        checkable=True,
    ),
    Column("Pain points", lambda s, _p: s.pain_points, lambda s, t, _p: replace(s, pain_points=t)),
)


class StepsModel(QAbstractTableModel):
    """Shows a snapshot's steps; an accepted edit is announced as the next snapshot."""

    edited = Signal(object, str)  # the next Process, the undo text
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.process = Process(name="")

    def set_process(self, process: Process) -> None:
        if process.id == self.process.id and len(process.steps) == len(self.process.steps):
            # Same rows: a refresh, not a reset, keeps the cell (and the editor Tab opens next).
            self.process = process
            if process.steps:
                last = self.index(len(process.steps) - 1, len(COLUMNS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self.process = process
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.process.steps)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section].title
        return str(section + 1)

    def data(self, index: Index, role: int = 0) -> Any:
        step = self.process.steps[index.row()]
        column = COLUMNS[index.column()]
        text = column.show(step, self.process)
        if role == Qt.ItemDataRole.CheckStateRole and column.checkable:
            return Qt.CheckState.Checked if text == "yes" else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return "" if column.checkable else text
        if role == Qt.ItemDataRole.ToolTipRole and not column.checkable:
            return text
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()].checkable:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = 0) -> bool:
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.checkable:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            text = "yes" if checked else "no"
        elif role == Qt.ItemDataRole.EditRole:
            text = str(value)
        else:
            return False
        return self._change(index.row(), column, text)

    def _change(self, row: int, column: Column, text: str) -> bool:
        step = self.process.steps[row]
        try:
            changed = column.change(step, text, self.process)
        except CellError as error:
            self.refused.emit(str(error))
            return False
        if changed == step:
            return False
        steps = list(self.process.steps)
        steps[row] = changed
        self.edited.emit(
            replace(self.process, steps=tuple(steps)),
            f"Edit {column.title.lower()} of “{step.name}”",
        )
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for columns with a fixed set of values (lane, kind, value class)."""

    def __init__(self, model: StepsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        choices = COLUMNS[index.column()].choices
        if choices is None:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItems(choices(self.model.process))
        combo.setAccessibleName(COLUMNS[index.column()].title)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class StepsTable(QWidget):
    """The table and the line that explains a refused edit."""

    def __init__(self, store: ProcessStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = StepsModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName("Steps")
        self.view.setItemDelegate(ChoiceDelegate(self.model, self.view))
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.toolbar = QToolBar("Steps", self)
        self.commands = {
            name: self._command(text, key, slot)
            for name, text, key, slot in (
                ("insert", "Insert step", "Ins", self.insert_step),
                ("delete", "Delete", "", self.delete_steps),
                ("duplicate", "Duplicate", "Ctrl+D", self.duplicate_step),
            )
        }
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view)
        layout.addWidget(self.error)
        self.view.installEventFilter(self)
        self.model.edited.connect(self._save)
        self.model.refused.connect(self._refused)

    def show_process(self, process: Process) -> None:
        self.model.set_process(process)
        self.view.resizeColumnsToContents()
        for column in range(len(COLUMNS)):
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), 260))

    def _save(self, process: Process, text: str) -> None:
        self.error.hide()
        self.store.apply(process, text)

    def _refused(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    # Structural commands: the same pure edits as the map's, on the selected rows.

    def _command(self, text: str, key: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if key:
            action.setShortcut(QKeySequence(key))
        # Only while the table itself has focus: Delete in a cell being typed in stays text.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip(f"{text} ({key or 'Del'})")
        action.triggered.connect(lambda _checked=False: slot())
        self.view.addAction(action)
        self.toolbar.addAction(action)
        return action

    def eventFilter(self, watched: Any, event: Any) -> bool:
        """Delete on the table (not in a cell being typed in) deletes the selected steps; taken
        before the window's shortcuts, where the Edit menu's Delete would make it ambiguous."""
        if watched is self.view and isinstance(event, QKeyEvent):
            deleting = event.key() == Qt.Key.Key_Delete and not event.modifiers()
            if deleting and event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if deleting and event.type() == QEvent.Type.KeyPress:
                self.delete_steps()
                return True
        return super().eventFilter(watched, event)

    def selected_step_ids(self) -> list[str]:
        """The steps of the rows that have a selected cell, in table order."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedIndexes()})
        steps = self.model.process.steps
        return [steps[row].id for row in rows if row < len(steps)]

    def insert_step(self) -> None:
        """A new step after the selected one (before the end when none is selected)."""
        from app.editing.steps import insert_after, insert_before

        chosen = self.selected_step_ids()
        process = self.model.process
        if chosen:
            self._run(lambda p, _ok: insert_after(p, chosen[-1]), "Insert a step")
        elif process.steps:
            self._run(lambda p, _ok: insert_before(p, process.steps[-1].id), "Insert a step")

    def duplicate_step(self) -> None:
        from app.editing.steps import duplicate_step

        chosen = self.selected_step_ids()
        if chosen:
            self._run(lambda p, _ok: duplicate_step(p, chosen[0]), "Duplicate a step")

    def delete_steps(self) -> None:
        from app.editing.removal import delete_steps

        chosen = self.selected_step_ids()
        if chosen:
            words = "Delete a step" if len(chosen) == 1 else f"Delete {len(chosen)} steps"
            self._run(lambda p, ok: delete_steps(p, chosen, confirmed=ok), words)

    def _run(self, edit: Callable[[Process, bool], Any], text: str) -> None:
        """One pure edit saved as one undoable edit; a refusal is explained under the table."""
        from app.editing import Refusal
        from app.ui.map import editor

        before = self.model.process
        result = edit(before, False)
        if isinstance(result, Refusal) and result.confirmable:
            if not editor.ask_to_confirm(self, result.reason):
                return
            result = edit(before, True)
        if isinstance(result, Refusal):
            self._refused(result.reason)
            return
        self._save(result, text)
        added = [row for row, step in enumerate(result.steps) if step.id not in before.step_by_id()]
        if added:
            self.view.setCurrentIndex(self.model.index(added[0], 0))
