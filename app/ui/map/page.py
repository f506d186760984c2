"""The Map tab: toolbar, step list, map view and step editor, and the behaviour joining them.

Views here hold layout; this controller turns what the user does (an edit in the panel, a
drop on another lane, "Move lane up") into one snapshot saved through ``store.apply``.

Which map of a process the page shows and edits is its ``target``: the current map (the
process itself, the default) or the future state (``FUTURE_MAP``). The page edits the map it
is given; the target puts the edited map back into the whole process before it is saved.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QSplitter,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.analysis.problems import Problem
from app.process.model import Process
from app.ui import messages
from app.ui.map import menus
from app.ui.map.account_marks import AccountMarks
from app.ui.map.edit_actions import build_edit_actions
from app.ui.map.editor import MapEditor
from app.ui.map.edits import with_lane_moved, with_step_changes
from app.ui.map.evidence_marks import EvidenceMarks
from app.ui.map.interaction import MapInteraction
from app.ui.map.legend import LegendWidget
from app.ui.map.look import make_look
from app.ui.map.marks import ConnectHandle, MapAffordances, ProblemMark
from app.ui.map.overview import Overview
from app.ui.map.panel import StepPanel
from app.ui.map.rename import InPlaceRename
from app.ui.map.scene import MapScene, build_model
from app.ui.map.text import FontMeasure
from app.ui.map.theme import theme_from_palette
from app.ui.map.view import MapView, ZoomReadout
from app.ui.store import ProcessStore


class MapTarget(Protocol):
    """Which map of a process a MapPage shows and edits."""

    def map_of(self, process: Process) -> Process | None:
        """The map to show (a Process of its own), or None when there is none."""
        ...

    def with_map(self, process: Process, edited: Process) -> Process:
        """``process`` with its map replaced by ``edited``."""
        ...


@dataclass(frozen=True, slots=True)
class CurrentMap:
    """The process's own map: the current state."""

    def map_of(self, process: Process) -> Process | None:
        return process

    def with_map(self, process: Process, edited: Process) -> Process:
        return edited


@dataclass(frozen=True, slots=True)
class FutureMap:
    """The future-state map; shown under the process's id so the page keeps its place."""

    def map_of(self, process: Process) -> Process | None:
        future = process.future_state
        return None if future is None else replace(future, id=process.id)

    def with_map(self, process: Process, edited: Process) -> Process:
        stored_id = process.future_state.id if process.future_state is not None else ""
        return replace(process, future_state=replace(edited, id=stored_id))


CURRENT_MAP = CurrentMap()
FUTURE_MAP = FutureMap()
FIELD_WORDS = {"touch_minutes": "touch time", "wait_minutes": "wait", "rekeys_data": "re-keyed"}
OVERVIEW_FROM_STEPS = 25


class MapPage(QWidget):
    """Shows the map of one process and edits it."""

    def __init__(
        self, store: ProcessStore, parent: QWidget | None = None, *, target: MapTarget = CURRENT_MAP
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.target = target
        self.whole: Process | None = None
        self.process: Process | None = None
        self.look = make_look(theme_from_palette(self.palette()))
        self.measure = FontMeasure(self.look.font)
        self.scene = MapScene(self.look, self)
        self.view = MapView(self.scene, self)
        self.steps = QTreeWidget(self)
        self.steps.setAccessibleName("Steps")
        self.steps.setHeaderLabels(["Step", "Lane"])
        self.steps.setRootIsDecorated(False)
        self.steps.setUniformRowHeights(True)
        self.steps.setMinimumWidth(140)
        self.steps.setColumnWidth(0, 170)
        self._list_rows: list[tuple[str, str, str]] = []
        self.panel = StepPanel(self)
        self.legend = LegendWidget(self.look, self)
        self.overview = Overview(self.view, self)
        self.zoom_readout = ZoomReadout(self.view, self)
        self.toolbar = QToolBar("Map", self)
        self._syncing = False
        self._fitted_for = ""
        self.editor = MapEditor(self)
        self.affordances = MapAffordances(self)
        self.account_marks = AccountMarks(self)
        self.renamer = InPlaceRename(self.view, self.editor.rename)
        self._build_actions()
        self.evidence_marks = EvidenceMarks(self, shown=target is CURRENT_MAP)
        self.toolbar.addSeparator()
        self.edit_actions = build_edit_actions(self)
        self.interaction = MapInteraction(self)
        self._lay_out()
        self._connect()

    # Layout

    def _lay_out(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(self)
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.steps, 1)
        side.addWidget(self.overview)  # beside the map, never over it
        splitter.addWidget(left)
        centre = QWidget(self)
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.view, 1)
        column.addWidget(self.legend)
        splitter.addWidget(centre)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 800, 260])
        splitter.setCollapsible(1, False)  # the step list and the editor fold away, not the map
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)

    def _action(
        self, text: str, shortcuts: list[str], slot: Any, *, checkable: bool = False
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(key) for key in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        hint = f" ({shortcuts[0]})" if shortcuts else ""
        action.setToolTip(text.replace("&", "").rstrip("…") + hint)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.view.addAction(action)
        self.toolbar.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.zoom_in_action = self._action("Zoom in", ["Ctrl++", "Ctrl+="], self.view.zoom_in)
        self.zoom_out_action = self._action("Zoom out", ["Ctrl+-"], self.view.zoom_out)
        self.toolbar.addWidget(self.zoom_readout)
        self.actual_size_action = self._action("Actual size", ["Ctrl+0"], self.view.reset_zoom)
        self.fit_action = self._action("Fit width", ["F"], self.view.fit_width)
        self.whole_action = self._action("Whole map", ["Shift+F"], self.view.fit)
        self.toolbar.addSeparator()
        self.overlay_actions = {
            name: self._action(
                text, [key], lambda on, n=name: self.set_overlay(n, on), checkable=True
            )
            for name, text, key in (
                ("heat", "Wait heat", "Alt+1"),
                ("share", "Lead-time share", "Alt+2"),
                ("badges", "Badges", "Alt+3"),
            )
        }
        for name, action in self.overlay_actions.items():
            action.setChecked(self.look.shows(name))
        self.legend_action = self._action(
            "Legend", ["Alt+L"], lambda on: self._set_legend(on), checkable=True
        )
        self.legend_action.setChecked(True)
        self.overview_action = self._action(
            "Overview", ["Alt+O"], lambda _on: self._place_corners(), checkable=True
        )
        self.overview_action.setChecked(True)
        self.toolbar.addSeparator()
        self.export_action = self._action("Export map as image…", [], self.choose_export)
        self.print_action = self._action(
            "Print map…", ["Ctrl+Shift+P"], self.choose_print
        )  # Ctrl+P is the window's plan export: one key claimed twice does nothing

    def _connect(self) -> None:
        self.scene.selectionChanged.connect(self._scene_selection_changed)
        self.scene.step_moved.connect(self.move_step)
        self.scene.lane_menu_requested.connect(self._lane_menu)
        self.steps.currentItemChanged.connect(self._list_selection_changed)
        self.steps.itemActivated.connect(lambda _item, _column: self.focus_editor())
        self.view.edit_requested.connect(lambda _step: self.focus_editor())
        self.panel.changed.connect(self.edit_step)
        self.view.zoom_changed.connect(lambda _zoom: self._place_corners())
        self.view.installEventFilter(self)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.view and event.type() == event.Type.Resize:
            QTimer.singleShot(0, self._place_corners)
        return super().eventFilter(watched, event)

    def _place_corners(self) -> None:
        big = self.process is not None and len(self.process.steps) >= OVERVIEW_FROM_STEPS
        shown = self.overview_action.isChecked() and (big or self._map_larger_than_view())
        self.overview.setVisible(shown)

    def _map_larger_than_view(self) -> bool:
        rect = self.view.mapFromScene(self.scene.sceneRect()).boundingRect()
        viewport = self.view.viewport().rect()
        return rect.width() > viewport.width() * 1.3 or rect.height() > viewport.height() * 1.3

    # Showing a process

    def show_process(self, whole: Process) -> None:
        """Draw the target's map of ``whole``: changed items only; selection and editor follow.

        A process without that map (no future state yet) leaves the page as it was.
        """
        process = self.target.map_of(whole)
        if process is None:
            return
        another = self.whole is None or self.whole.id != whole.id
        self.whole = whole
        self.process = process
        if another:  # step ids ("s3") repeat between processes: nothing stays selected
            self.scene.clearSelection()
        self.scene.show_map(build_model(process, self.measure))
        self.affordances.show_problems(process)
        self.account_marks.show(whole if self.target is CURRENT_MAP else None)
        self.evidence_marks.refresh()
        self._fill_list()
        self.affordances.place_handle()
        selected = self.scene.selected_step_ids()
        self.panel.show_step(process, selected[0] if selected else None)
        if self._fitted_for != whole.id:
            self._fitted_for = whole.id
            QTimer.singleShot(0, self.view.show_start)
        self._place_corners()

    def _fill_list(self) -> None:
        model = self.scene.model
        if model is None:
            return
        lanes = {band.lane_id: band.name for band in model.geometry.lanes}
        by_id = model.process.step_by_id()
        rows = []
        for node in model.geometry.nodes:
            step = by_id[node.step_id]
            rows.append((step.id, step.name or "(no name)", lanes.get(step.lane, step.lane)))
        if rows == self._list_rows:
            return
        self._list_rows = rows
        selected = self.scene.selected_step_ids()
        self._syncing = True
        self.steps.clear()
        for step_id, name, lane in rows:
            item = QTreeWidgetItem([name, lane])
            item.setData(0, Qt.ItemDataRole.UserRole, step_id)
            item.setToolTip(0, name)
            self.steps.addTopLevelItem(item)
            if step_id in selected:
                self.steps.setCurrentItem(item)
        self._syncing = False

    # Selection, both ways

    def _scene_selection_changed(self) -> None:
        self.affordances.place_handle()
        if self._syncing:
            return
        selected = self.scene.selected_step_ids()
        step_id = selected[0] if selected else None
        self._syncing = True
        for row in range(self.steps.topLevelItemCount()):
            item = self.steps.topLevelItem(row)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == step_id:
                self.steps.setCurrentItem(item)
                self.steps.scrollToItem(item)
                break
        else:
            self.steps.clearSelection()
            self.steps.setCurrentIndex(self.steps.rootIndex())
        self._syncing = False
        self.panel.show_step(self.process, step_id)

    def _list_selection_changed(self, current: QTreeWidgetItem | None, _previous: Any) -> None:
        if self._syncing:
            return
        step_id = current.data(0, Qt.ItemDataRole.UserRole) if current else None
        if step_id:
            self.view.select_and_show(step_id)
        else:
            self.scene.select_step(None)

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The problems the map checks find in the shown map (each marked on its steps)."""
        return self.affordances.problems

    @property
    def marks(self) -> dict[str, ProblemMark]:
        return self.affordances.marks

    @property
    def handle(self) -> ConnectHandle:
        return self.affordances.handle

    @property
    def selected(self) -> list[str]:
        """The ids of the steps selected on the map."""
        return self.scene.selected_step_ids()

    def select_steps(self, step_ids: list[str]) -> None:
        """Select these steps on the map (the first is shown and edited)."""
        if not step_ids:
            return
        self.select_step(step_ids[0])
        for step_id in step_ids[1:]:
            item = self.scene.steps.get(step_id)
            if item is not None:
                item.setSelected(True)

    def rename_in_place(self, step_id: str) -> None:
        """Type a step's new name over its box on the map (F2)."""
        node = self.scene.model.geometry.find_node(step_id) if self.scene.model else None
        step = self.process.step_by_id().get(step_id) if self.process else None
        if node is not None and step is not None:
            self.view.ensureVisible(self.scene.steps[step_id], 48, 48)
            self.renamer.start(step_id, step.name, node.rect)

    def select_step(self, step_id: str | None) -> None:
        """Select a step on the map (the list and the editor follow)."""
        if step_id:
            self.view.select_and_show(step_id)
        else:
            self.scene.select_step(None)

    def focus_editor(self) -> None:
        if self.panel.step_id:
            self.panel.name.setFocus()
            self.panel.name.selectAll()

    # Edits

    def edit_step(self, step_id: str, changes: dict[str, Any]) -> None:
        """Save field changes of one step as one undoable edit."""
        if self.process is None:
            return
        step = self.process.step_by_id().get(step_id)
        if step is None:
            return
        after = with_step_changes(self.process, step_id, changes)
        words = ", ".join(FIELD_WORDS.get(name, name.replace("_", " ")) for name in changes)
        self._apply(after, f"Edit {words} of '{step.name}'")

    def move_step(self, step_id: str, lane_id: str) -> None:
        """Move a step to another lane (a drop on the map)."""
        if self.process is None:
            return
        step = self.process.step_by_id().get(step_id)
        lane = self.process.lane_by_id().get(lane_id)
        if step is None or step.lane == lane_id:
            return
        after = with_step_changes(self.process, step_id, {"lane": lane_id})
        self._apply(after, f"Move '{step.name}' to {lane.name if lane else lane_id}")

    def move_lane(self, lane_id: str, offset: int) -> None:
        """Move a lane up (−1) or down (+1)."""
        if self.process is None:
            return
        lane = self.process.lane_by_id().get(lane_id)
        if lane is None:
            return
        after = with_lane_moved(self.process, lane_id, offset)
        self._apply(after, f"Move lane '{lane.name}' {'up' if offset < 0 else 'down'}")

    def _apply(self, after: Process, text: str) -> None:
        from app.models.database import DatabaseError

        if self.whole is None:
            return
        try:
            self.store.apply(self.target.with_map(self.whole, after), text)
        except DatabaseError as error:
            messages.show_error(self, "Cannot save the change", str(error))

    def apply_map(self, after: Process, text: str) -> None:
        """Save an edited map (of the target) as one undoable edit."""
        self._apply(after, text)

    def _lane_menu(self, lane_id: str, where: QPoint) -> None:
        menu = self.lane_menu(lane_id)
        if menu is not None:
            menu.exec(where)

    def lane_menu(self, lane_id: str) -> QMenu | None:
        """The context menu of a lane: rename, add, merge, delete, move up or down."""
        return menus.lane_menu(self, lane_id)

    # Overlays

    def set_overlay(self, name: str, on: bool) -> None:
        """Switch an overlay (heat, share, badges) on or off."""
        setattr(self.look, name, on)
        self.overlay_actions[name].setChecked(on)
        self.legend.refresh()
        self.scene.update()

    def _set_legend(self, on: bool) -> None:
        self.legend.setVisible(on)

    # Export and print

    def choose_export(self) -> None:
        from app.ui.map.export_dialog import choose_image_export

        if self.process is not None:
            choose_image_export(self, self.process)

    def choose_print(self) -> None:
        from app.ui.map.export_dialog import choose_print

        if self.process is not None:
            choose_print(self, self.process)

    def export_image(self, path: Path, scale: float) -> None:
        from app.ui.image_export import ImageExportError, export_map_image

        if self.process is None:
            return
        try:
            note = export_map_image(self.process, path, scale=scale).note
        except ImageExportError as error:
            messages.show_error(self, "Cannot export the map", str(error))
            return
        window = self.window()
        if note and isinstance(window, QMainWindow):
            window.statusBar().showMessage(note, 15_000)  # drawn smaller than asked: say so
