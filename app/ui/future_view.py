"""The Future state tab: a copy of the current map the actions are applied to, edited with the
same map page, and every metric before → after.

Typical actions are one click on the chosen step: remove it (its flows are passed on, as in the
interview's delete), cut an approval, combine it with the next step, change its times or move it
to another lane (the step editor beside the map does the last two). Reset asks first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.analysis.goals import BUILTIN_METRICS
from app.analysis.metrics import compute_metrics
from app.analysis.projection import MetricChange, compare_metrics
from app.analysis.wording import money, percent, plain_number
from app.future import apply_actions
from app.interview.edits import EditError, delete_step, merge_steps
from app.process.durations import format_duration
from app.process.model import Process, Step
from app.ui import messages
from app.ui.future_effects import ActionEffects
from app.ui.map.edits import with_step_changes
from app.ui.map.page import FUTURE_MAP, MapPage
from app.ui.plan_edits import with_approval_cut, with_future_started, without_future
from app.ui.store import ProcessStore

BETTER = QColor("#2e7d32")
WORSE = QColor("#c62828")


class FutureView(QWidget):
    """Starts, edits, compares and resets the future state of one process."""

    def __init__(self, store: ProcessStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.process: Process | None = None
        self.start_button = QPushButton("Start the future state from the current map", self)
        self.apply_first_button = QPushButton("Apply the actions to the current map", self)
        self.apply_button = QPushButton("Apply actions…", self)
        self.apply_button.setToolTip(
            "Build the future state again from the current map with the actions applied"
        )
        self.effects = ActionEffects(self)
        self.reset_button = QPushButton("Reset future state…", self)
        self.remove_button = QPushButton("Remove step", self)
        self.cut_button = QPushButton("Cut approval", self)
        self.combine_button = QPushButton("Combine with next", self)
        self.times_button = QPushButton("Change times", self)
        self.lane_button = QPushButton("Move to lane", self)
        self.lane_menu = QMenu(self)
        self.lane_button.setMenu(self.lane_menu)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.map_page = MapPage(store, self, target=FUTURE_MAP)
        self.comparison = self._comparison()
        self.pages = QStackedWidget(self)
        self._lay_out()
        self._connect()

    def _comparison(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setAccessibleName("Before and after")
        tree.setHeaderLabels(["Metric", "Before", "After", "Change"])
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        header = tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        return tree

    def _lay_out(self) -> None:
        empty = QWidget(self)
        start = QVBoxLayout(empty)
        start.addWidget(self.intro)
        start.addWidget(self.apply_first_button, 0, Qt.AlignmentFlag.AlignLeft)
        start.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        start.addStretch(1)
        editing = QWidget(self)
        tools = QHBoxLayout()
        for button in (
            self.remove_button,
            self.cut_button,
            self.combine_button,
            self.times_button,
            self.lane_button,
        ):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.apply_button)
        tools.addWidget(self.reset_button)
        splitter = QSplitter(Qt.Orientation.Vertical, editing)
        splitter.addWidget(self.map_page)
        below = QWidget(editing)
        table = QVBoxLayout(below)
        table.setContentsMargins(0, 4, 0, 0)
        table.addWidget(QLabel("<b>Before → after</b>", below))
        table.addWidget(self.comparison)
        changes = QWidget(editing)
        listing = QVBoxLayout(changes)
        listing.setContentsMargins(0, 4, 0, 0)
        listing.addWidget(QLabel("<b>Which action changed what</b>", changes))
        listing.addWidget(self.effects)
        self.results = QSplitter(Qt.Orientation.Horizontal, editing)
        self.results.addWidget(below)
        self.results.addWidget(changes)
        self.results.setChildrenCollapsible(False)
        splitter.addWidget(self.results)
        self.splitter = splitter
        rows = min(len(BUILTIN_METRICS) + 1, 6)  # the rest scrolls: the map keeps the height
        self.comparison.setMinimumHeight(
            self.comparison.fontMetrics().height() * rows + 4 * rows + 12
        )
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([700, 260])
        splitter.setChildrenCollapsible(False)
        column = QVBoxLayout(editing)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(tools)
        column.addWidget(splitter, 1)
        self.pages.addWidget(empty)
        self.pages.addWidget(editing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.pages)

    def _connect(self) -> None:
        self.start_button.clicked.connect(self.start_future)
        self.apply_first_button.clicked.connect(self.apply_the_actions)
        self.apply_button.clicked.connect(self.apply_the_actions)
        self.reset_button.clicked.connect(self.reset_future)
        self.remove_button.clicked.connect(self.remove_step)
        self.cut_button.clicked.connect(self.cut_approval)
        self.combine_button.clicked.connect(self.combine_with_next)
        self.times_button.clicked.connect(self.edit_times)
        self.lane_menu.aboutToShow.connect(self._fill_lane_menu)
        self.map_page.scene.selectionChanged.connect(self._enable)

    # Showing

    def show_process(self, process: Process) -> None:
        """Show the future state of a snapshot, or the way to start one."""
        self.process = process
        future = process.future_state
        if future is None:
            self.intro.setText(
                "No future state yet. Apply the actions of the Improve tab to a copy of the "
                "current map (eliminate removes a step, combine merges steps, the others change "
                "what the action says), or start from a plain copy and change it by hand: "
                "remove, combine, cut approvals, change times or lanes. Either way it stays "
                "editable, and the metrics of both maps are compared below the map."
            )
            self.start_button.setEnabled(bool(process.steps))
            self.apply_first_button.setEnabled(bool(process.steps and process.actions))
            self.pages.setCurrentIndex(0)
            return
        self.pages.setCurrentIndex(1)
        self.map_page.show_process(process)
        self._fill_comparison(compare_metrics(compute_metrics(process), compute_metrics(future)))
        self.effects.show_future(future)
        self.apply_button.setEnabled(bool(process.actions))
        self._enable()

    def _fill_comparison(self, changes: Sequence[MetricChange]) -> None:
        assert self.process is not None
        currency = self.process.currency
        self.comparison.clear()
        for change in changes:
            item = QTreeWidgetItem(
                [
                    change.label[:1].upper() + change.label[1:],
                    metric_value(change, change.before, currency),
                    metric_value(change, change.after, currency),
                    verdict(change),
                ]
            )
            for column in (1, 2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            if abs(change.delta) > 1e-9:
                colour = BETTER if change.improved else WORSE
                item.setForeground(3, QBrush(colour))
                font = QFont(item.font(3))
                font.setBold(change.improved)
                item.setFont(3, font)
            self.comparison.addTopLevelItem(item)

    def selected_step(self) -> Step | None:
        if self.map_page.process is None:
            return None
        selected = self.map_page.scene.selected_step_ids()
        return self.map_page.process.step_by_id().get(selected[0]) if selected else None

    def _enable(self) -> None:
        step = self.selected_step()
        for button in (self.remove_button, self.combine_button, self.times_button):
            button.setEnabled(step is not None)
        self.lane_button.setEnabled(step is not None)
        self.cut_button.setEnabled(step is not None and step.kind == "approval")

    # Edits

    def start_future(self) -> None:
        if self.process is not None and self.process.future_state is None:
            self._apply(with_future_started(self.process), "Start the future state")

    def apply_the_actions(self) -> None:
        """Build the future state from the current map and the actions (asks before it
        replaces a future state edited by hand; undo brings that back)."""
        if self.process is None:
            return
        built = apply_actions(self.process).future
        current = self.process.future_state
        if current is not None and replace(current, id="") == replace(built, id=""):
            return
        if current is not None and not self.confirm_apply():
            return
        self._apply(replace(self.process, future_state=built), "Apply the actions")

    def confirm_apply(self) -> bool:
        answer = QMessageBox.question(
            self,
            "Apply the actions again?",
            "The future state is built again from the current map with the actions applied; "
            "changes made to it by hand are replaced. You can undo this.",
            QMessageBox.StandardButton.Apply | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Apply

    def reset_future(self) -> None:
        if self.process is None or self.process.future_state is None:
            return
        if self.confirm_reset():
            self._apply(without_future(self.process), "Reset the future state")

    def confirm_reset(self) -> bool:
        """Ask before the future state is thrown away (undo brings it back)."""
        answer = QMessageBox.question(
            self,
            "Reset the future state?",
            "The future-state map and every change made to it will be removed. You can undo this.",
            QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Reset

    def remove_step(self) -> None:
        """Remove the chosen step from the future map; flows into it go on to its successor."""
        future, step = self.map_page.process, self.selected_step()
        if future is None or step is None:
            return
        self.map_page.apply_map(delete_step(future, step.id), f"Remove '{step.name}'")

    def cut_approval(self) -> None:
        """Remove the chosen approval; work goes on the way it takes when approved."""
        future, step = self.map_page.process, self.selected_step()
        if future is None or step is None or step.kind != "approval":
            return
        self.map_page.apply_map(with_approval_cut(future, step.id), f"Cut approval '{step.name}'")

    def combine_with_next(self) -> None:
        future, step = self.map_page.process, self.selected_step()
        if future is None or step is None:
            return
        following = [flow.target for flow in future.flows if flow.source == step.id]
        try:
            if len(following) != 1:
                raise EditError(f"'{step.name}' must lead to exactly one next step to combine.")
            after = merge_steps(future, step.id, following[0])
        except EditError as error:
            messages.show_error(self, "Cannot combine the steps", str(error))
            return
        self.map_page.apply_map(after, f"Combine '{step.name}' with the next step")

    def edit_times(self) -> None:
        """Put the cursor in the step editor's touch time."""
        if self.selected_step() is not None:
            self.map_page.panel.touch.setFocus()
            self.map_page.panel.touch.selectAll()

    def move_to_lane(self, lane_id: str) -> None:
        future, step = self.map_page.process, self.selected_step()
        if future is None or step is None or step.lane == lane_id:
            return
        lane = future.lane_by_id()[lane_id]
        after = with_step_changes(future, step.id, {"lane": lane_id})
        self.map_page.apply_map(after, f"Move '{step.name}' to {lane.name}")

    def _fill_lane_menu(self) -> None:
        self.lane_menu.clear()
        future, step = self.map_page.process, self.selected_step()
        if future is None or step is None:
            return
        for lane in future.lanes:
            action = self.lane_menu.addAction(lane.name)
            action.triggered.connect(self._mover(lane.id))
            action.setEnabled(lane.id != step.lane)

    def _mover(self, lane_id: str) -> Callable[[], None]:
        return lambda: self.move_to_lane(lane_id)

    def _apply(self, after: Process, text: str) -> None:
        from app.models.database import DatabaseError

        try:
            self.store.apply(after, text)
        except DatabaseError as error:
            messages.show_error(self, "Cannot save the change", str(error))


def metric_value(change: MetricChange, value: float, currency: str) -> str:
    """A metric's value as the Analyze tab writes it."""
    if change.unit == "minutes":
        return format_duration(value) if value > 0 else "–"
    if change.unit == "fraction":
        return percent(value)
    if change.unit == "money":
        return money(value, currency)
    return plain_number(value, decimals=2)


def verdict(change: MetricChange) -> str:
    """“✓ better”, “worse” or “no change”."""
    if abs(change.delta) <= 1e-9:
        return "no change"
    return "✓ better" if change.improved else "worse"
