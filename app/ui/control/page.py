"""The Control tab: go-live and owner, the reviews, the control plan, measurements and chart.

Setting the go-live schedules the 30- and 90-day reviews; moving it moves those not done;
clearing it drops those not done. Every change is one undoable edit through the store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.analysis.goals import metric_label
from app.analysis.monitoring import metric_chart, value_text, watched_metrics
from app.analysis.reviews import (
    clear_go_live,
    due_reviews,
    next_review,
    review_name,
    schedule_reviews,
    short_date,
)
from app.process.model import Process
from app.ui.control.chart import ControlChart
from app.ui.control.measurements import MeasurementsPanel
from app.ui.control.plan_table import PlanTable
from app.ui.control.reviews_panel import ReviewsPanel
from app.ui.date_field import DateField
from app.ui.store import ProcessStore


def section_title(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


class ControlPage(QWidget):
    """Everything the control phase of one process needs, on one page."""

    def __init__(
        self, store: ProcessStore, parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.fixed_today = today
        self.process = Process(name="")
        self._loading = False
        self._build()

    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    # Building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.reviews = ReviewsPanel(self.store, self)
        self.plan = PlanTable(self.store, self)
        self.measurements = MeasurementsPanel(self.store, self)
        self.chart = ControlChart(self)
        self.metric_box = QComboBox(self)
        self.metric_box.setAccessibleName("Metric")
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self._titled("Reviews", self.reviews))
        top.addWidget(self._titled("Control plan", self.plan))
        top.setSizes([540, 820])
        metric_row = QHBoxLayout()
        metric_row.addWidget(section_title("Measurements of", self))
        metric_row.addWidget(self.metric_box, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(metric_row)
        left_layout.addWidget(self.measurements, 1)
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(left)
        bottom.addWidget(self.chart)
        bottom.setSizes([460, 900])
        rows = QSplitter(Qt.Orientation.Vertical, self)
        rows.addWidget(top)
        rows.addWidget(bottom)
        rows.setSizes([260, 520])
        rows.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.addLayout(self._header())
        layout.addWidget(self.status)
        layout.addWidget(rows, 1)
        self.metric_box.currentIndexChanged.connect(self._metric_changed)

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title(title, box))
        layout.addWidget(widget, 1)
        return box

    def _header(self) -> QHBoxLayout:
        self.go_live = DateField(self, today=self.today)
        self.go_live.set_placeholder("Not set — e.g. today, 1 Dec")
        self.go_live.setAccessibleName("Go-live date")
        self.go_live.setToolTip("The day the new way starts: the reviews are counted from it.")
        self.clear_button = QPushButton("Clear", self)
        self.clear_button.setAccessibleName("Clear the go-live date")
        self.owner = QLineEdit(self)
        self.owner.setAccessibleName("Control owner")
        self.owner.setPlaceholderText("Who keeps the gain, e.g. Dana Ortiz")
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(QLabel("Go-live:", self))
        header.addWidget(self.go_live)
        header.addWidget(self.clear_button)
        header.addSpacing(24)
        header.addWidget(QLabel("Control owner:", self))
        header.addWidget(self.owner, 1)
        self.go_live.editing_finished.connect(self._go_live_edited)
        self.clear_button.clicked.connect(lambda: self.set_go_live(None))
        self.owner.editingFinished.connect(self._owner_edited)
        return header

    # Showing -----------------------------------------------------------------------------

    def show_process(self, process: Process) -> None:
        """Show a snapshot; the chosen metric is kept when the process still watches it."""
        typing = process.id == self.process.id and self.owner.hasFocus() and self.owner.isModified()
        self.process = process
        self._loading = True
        control = process.control
        self.go_live.set_date(control.go_live)
        self.clear_button.setEnabled(control.go_live is not None)
        if not typing and self.owner.text() != control.owner:
            self.owner.setText(control.owner)  # also when focused: another process, or an undo
        self._fill_metrics(process)
        self._loading = False
        self.status.setText(status_line(process, self.today()))
        self.reviews.show_process(process, self.today())
        self.plan.show_process(process)
        self.measurements.today = self.today()
        self._show_metric()

    def _fill_metrics(self, process: Process) -> None:
        chosen = self.metric_box.currentData()
        self.metric_box.clear()
        for metric in watched_metrics(process):
            self.metric_box.addItem(metric_label(metric).capitalize(), metric)
        index = self.metric_box.findData(chosen)
        self.metric_box.setCurrentIndex(max(index, 0))

    def _metric_changed(self) -> None:
        if not self._loading:
            self._show_metric()

    def current_metric(self) -> str:
        return str(self.metric_box.currentData() or "")

    def _show_metric(self) -> None:
        metric = self.current_metric()
        self.measurements.show_metric(self.process, metric)
        if not metric:
            self.chart.set_chart(None, title="Set a goal to have something to measure.")
            return
        self.chart.set_chart(
            metric_chart(self.process, metric),
            title=f"Individuals chart of {metric_label(metric)}",
            format_value=lambda value: value_text(self.process, metric, value),
        )

    def open_review(self, review_id: str) -> None:
        """Open the review dialog of one review (the due-review list's Open button)."""
        review = next((r for r in self.process.control.reviews if r.id == review_id), None)
        if review is not None:
            self.reviews.open_review(review)

    # Editing -----------------------------------------------------------------------------

    def _go_live_edited(self) -> None:
        if self._loading:
            return
        if not self.go_live.error():
            self.set_go_live(self.go_live.valid_date())

    def set_go_live(self, day: dt.date | None) -> None:
        """Set, move or clear the go-live, scheduling or moving the reviews not done."""
        control = self.process.control
        if day == control.go_live:
            return
        if day is None:
            changed, text = clear_go_live(control), "Clear the go-live date"
        else:
            verb = "Set" if control.go_live is None else "Move"
            changed, text = schedule_reviews(control, day), f"{verb} the go-live date"
        self.store.apply(replace(self.process, control=changed), text)

    def _owner_edited(self) -> None:
        owner = self.owner.text().strip()
        self.owner.setModified(False)
        if owner != self.process.control.owner:
            control = replace(self.process.control, owner=owner)
            self.store.apply(replace(self.process, control=control), "Edit the control owner")


def status_line(process: Process, today: dt.date) -> str:
    """``2 reviews are due: …`` or ``Next: 90-day review on 15 Apr 2027``, or how to start."""
    control = process.control
    if control.go_live is None:
        return "Set the go-live date: the 30- and 90-day reviews are scheduled from it."
    due = due_reviews(control, today)
    if due:
        names = ", ".join(f"{review_name(r)} (due {short_date(r.due, today)})" for r in due)
        count = "1 review is" if len(due) == 1 else f"{len(due)} reviews are"
        return f"⚠ {count} due: {names}. Select it and press “Complete review…”."
    upcoming = next_review(control, today)
    if upcoming is not None:
        return f"Next: {review_name(upcoming)} on {short_date(upcoming.due, today)}."
    return "Every review is done. Add another to keep watching."
