"""The Improve tab: the ECRS actions in a table, their impact × effort quadrant, and the
"optimize before you automate" warnings. Every add, edit and removal is one undoable edit."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.analysis.actions import (
    HIGH_EFFORT,
    HIGH_IMPACT_SHARE,
    RatedAction,
    impact_words,
    rate_actions,
)
from app.analysis.finding import Finding
from app.analysis.findings import find_findings
from app.analysis.metrics import compute_metrics
from app.analysis.wording import money
from app.process.model import Action, Process
from app.ui import messages
from app.ui.action_dialog import ActionDialog
from app.ui.plan_edits import new_action_id, with_action, without_action
from app.ui.quadrant_chart import Dot, QuadrantChart
from app.ui.store import ProcessStore

COLUMNS = (
    "#", "ECRS", "Action", "Steps", "Finding", "Owner", "Due", "Effort",
    "Saves", "Money a year", "Quadrant", "Status",
)  # fmt: skip
RIGHT_COLUMNS = (0, 7, 8, 9)
ID_ROLE = Qt.ItemDataRole.UserRole
QUADRANT_NOTE = (
    f"High impact: saves at least {HIGH_IMPACT_SHARE:.0%} of the process's yearly lead time. "
    f"High effort: {HIGH_EFFORT} of 5 or more."
)


class ImproveView(QWidget):
    """Lists the actions of one process and edits them through ``store.apply``."""

    def __init__(self, store: ProcessStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.process: Process | None = None
        self.findings: tuple[Finding, ...] = ()
        self.rated: tuple[RatedAction, ...] = ()
        self.add_button = QPushButton("Add action…", self)
        self.edit_button = QPushButton("Edit…", self)
        self.remove_button = QPushButton("Remove", self)
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setStyleSheet("color: #a15c00;")
        self.table = self._table()
        self.chart = QuadrantChart(self)
        self.empty = QLabel(
            "No actions yet. Work through the costliest findings in ECRS order: eliminate, "
            "combine, rearrange, simplify — and automate only what is left.",
            self,
        )
        self.empty.setWordWrap(True)
        self._lay_out()
        self.add_button.clicked.connect(self.add_action)
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.table.itemActivated.connect(lambda _item, _column: self.edit_current())
        self.table.currentItemChanged.connect(lambda *_: self._enable_buttons())

    def _table(self) -> QTreeWidget:
        table = QTreeWidget(self)
        table.setAccessibleName("Actions")
        table.setHeaderLabels(list(COLUMNS))
        table.setRootIsDecorated(False)
        table.setUniformRowHeights(True)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((3, 120), (4, 160)):  # steps and finding: long, elided
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, width)
        header.setStretchLastSection(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        return table

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(self.empty)
        column.addWidget(self.table, 1)
        column.addWidget(self.warnings)
        right = QWidget(self)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel("<b>Impact × effort</b>", right))
        side.addWidget(self.chart, 1)
        note = QLabel(QUADRANT_NOTE, right)
        note.setWordWrap(True)
        side.addWidget(note)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([1100, 280])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(splitter)

    # Showing

    def show_process(self, process: Process) -> None:
        """Rate and list the actions of a snapshot."""
        self.process = process
        metrics = compute_metrics(process)
        self.findings = find_findings(process, metrics)
        self.rated = rate_actions(process, metrics, self.findings)
        current = self.current_action_id()
        self.table.clear()
        for number, rated in enumerate(self.rated, start=1):
            item = QTreeWidgetItem(action_cells(process, self.findings, number, rated))
            item.setData(0, ID_ROLE, rated.action.id)
            for index in RIGHT_COLUMNS:
                item.setTextAlignment(index, Qt.AlignmentFlag.AlignRight)
            item.setToolTip(2, "\n".join(filter(None, (rated.action.title, rated.warning))))
            for column in (3, 4):
                item.setToolTip(column, item.text(column))
            self.table.addTopLevelItem(item)
            if rated.action.id == current:
                self.table.setCurrentItem(item)
        warnings = [rated.warning for rated in self.rated if rated.warning]
        self.warnings.setText("\n".join(f"⚠ {warning}" for warning in warnings))
        self.warnings.setVisible(bool(warnings))
        self.empty.setVisible(not self.rated)
        self.chart.set_dots(chart_dots(self.rated))
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        chosen = self.current_action_id() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.add_button.setEnabled(self.process is not None)

    def current_action_id(self) -> str | None:
        item = self.table.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    # Edits

    def add_action(self) -> None:
        if self.process is None:
            return
        fresh = Action(new_action_id(self.process), "eliminate", "")
        edited = self.run_dialog(fresh)
        if edited is not None:
            self._apply(with_action(self.process, edited), f"Add action '{edited.title}'")

    def edit_current(self) -> None:
        action = self._current_action()
        if self.process is None or action is None:
            return
        edited = self.run_dialog(action)
        if edited is not None and edited != action:
            self._apply(with_action(self.process, edited), f"Edit action '{edited.title}'")

    def remove_current(self) -> None:
        action = self._current_action()
        if self.process is None or action is None:
            return
        self._apply(without_action(self.process, action.id), f"Remove action '{action.title}'")

    def run_dialog(self, action: Action) -> Action | None:
        """Show the action dialog; the edited action, or None when cancelled."""
        assert self.process is not None
        dialog = ActionDialog(self.process, action, self.findings, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.action()

    def _current_action(self) -> Action | None:
        action_id = self.current_action_id()
        if self.process is None or action_id is None:
            return None
        return next((a for a in self.process.actions if a.id == action_id), None)

    def _apply(self, after: Process, text: str) -> None:
        from app.models.database import DatabaseError

        try:
            self.store.apply(after, text)
        except DatabaseError as error:
            messages.show_error(self, "Cannot save the change", str(error))


def action_cells(
    process: Process, findings: Sequence[Finding], number: int, rated: RatedAction
) -> list[str]:
    """One table row as text."""
    action = rated.action
    names = process.step_by_id()
    titles = {finding.key: finding.title for finding in findings}
    impact = rated.impact
    words = [w for w in impact_words(impact, process.currency) if process.currency not in w]
    saves = "; ".join(words) or "–"
    return [
        str(number),
        action.verb.capitalize(),
        ("⚠ " if rated.warning else "") + (action.title or "(untitled)"),
        ", ".join(names[i].name if i in names else i for i in action.steps) or "–",
        titles.get(action.finding, action.finding) or "–",
        action.owner or "–",
        action.due.isoformat() if action.due else "–",
        f"{action.effort} of 5",
        saves + (" (est.)" if impact.estimated and words else ""),
        money(impact.money_per_year, process.currency) if impact.money_per_year else "–",
        rated.quadrant,
        action.status.capitalize(),
    ]


def chart_dots(rated: Sequence[RatedAction]) -> list[Dot]:
    """The actions as dots; within each half, impact relative to the largest there."""
    tops = {
        high: max((r.impact.minutes_per_year for r in rated if r.high_impact == high), default=0.0)
        for high in (True, False)
    }
    return [
        Dot(
            number,
            item.action.effort,
            item.high_impact,
            item.impact.minutes_per_year / tops[item.high_impact] if tops[item.high_impact] else 0,
        )
        for number, item in enumerate(rated, start=1)
        if item.action.status != "dropped"
    ]
