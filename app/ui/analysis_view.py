"""The Analyze page: the metrics, what is missing in the map, the findings and the Pareto."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.analysis.finding import Finding
from app.analysis.findings import find_findings, ranking
from app.analysis.metrics import Metrics, compute_metrics
from app.analysis.noted import noted_from
from app.analysis.pareto import ParetoBar, wait_pareto
from app.analysis.unknowns import cost_gap, value_known
from app.analysis.wording import cases_text, hours_per_year, per_case_wait, percent
from app.process.durations import format_duration
from app.process.model import Process

STEPS_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class MetricCard:
    """One figure on the page: its label, how it reads, and what it means (the tooltip)."""

    label: str
    meaning: str


CARDS: dict[str, MetricCard] = {
    "lead": MetricCard(
        "Lead time",
        "From trigger to done, per run: hands-on time plus waiting, "
        "each step counted as often as it is expected to run.",
    ),
    "touch": MetricCard("Hands-on (touch) time", "Minutes somebody actually works on it, per run."),
    "wait": MetricCard("Wait time", "Time the work sits in queues before steps start, per run."),
    "pce": MetricCard(
        "Process cycle efficiency",
        "Value-added time ÷ lead time. 25 % or more is lean; about 5 % is common.",
    ),
    "fpy": MetricCard(
        "First-pass yield", "Share of runs that reach an end without being sent back."
    ),
    "handoffs": MetricCard("Handoffs", "Times per run the work passes from one lane to another."),
    "approvals": MetricCard("Approvals", "Approval steps in the process."),
    "cost_run": MetricCard(
        "Cost per run", "Hands-on hours × the lane's hourly rate (or the process rate), per run."
    ),
    "cost_year": MetricCard("Cost per year", "Cost per run × runs per year."),
}


def metric_texts(metrics: Metrics, currency: str, process: Process | None = None) -> dict[str, str]:
    """Every card's figure as a person reads it; what ``process`` cannot tell is "not known"."""
    texts = _figures(metrics, currency)
    if process is not None and not value_known(process):
        texts["pce"] = "not known: no step classified"
    gap = cost_gap(process) if process is not None else ""
    if gap:
        texts["cost_run"] = texts["cost_year"] = gap
    return texts


def _figures(metrics: Metrics, currency: str) -> dict[str, str]:
    return {
        "lead": format_duration(metrics.lead_time_minutes),
        "touch": format_duration(metrics.touch_minutes),
        "wait": format_duration(metrics.wait_minutes),
        "pce": percent(metrics.pce),
        "fpy": percent(metrics.first_pass_yield),
        "handoffs": f"{metrics.handoffs:.1f}",
        "approvals": str(metrics.approvals),
        "cost_run": f"{metrics.cost_per_run:,.2f} {currency}",
        "cost_year": f"{metrics.annual_cost:,.0f} {currency}",
    }


class ParetoChart(QWidget):
    """Bars of wait minutes per year by step, the cumulative line, and the 80 % focus line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: tuple[ParetoBar, ...] = ()
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Pareto of waiting")

    def set_bars(self, bars: Sequence[ParetoBar]) -> None:
        self.bars = tuple(bar for bar in bars if bar.minutes_per_run > 0)[:15]
        self.setToolTip(
            "\n".join(
                f"{bar.step_name}: a case waits {format_duration(bar.minutes_per_run)} "
                f"({bar.share:.0%}, cumulative {bar.cumulative_share:.0%})"
                for bar in self.bars
            )
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        if not self.bars:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No waiting recorded yet.")
            return
        area = QRectF(self.rect()).adjusted(8, 12, -8, -48)
        self._draw_bars(painter, area, palette)
        self._draw_focus(painter, area, palette)

    def _draw_bars(self, painter: QPainter, area: QRectF, palette: QPalette) -> None:
        width = area.width() / len(self.bars)
        top = max(bar.share for bar in self.bars)
        accent = palette.color(QPalette.ColorRole.Highlight)
        muted = palette.color(QPalette.ColorRole.Mid)
        font = QFont(painter.font())
        font.setPointSizeF(font.pointSizeF() * 0.85)
        painter.setFont(font)
        for index, bar in enumerate(self.bars):
            height = area.height() * bar.share / top
            rect = QRectF(
                area.left() + index * width + 3, area.bottom() - height, width - 6, height
            )
            painter.fillRect(rect, accent if bar.in_focus else muted)
            label = QRectF(rect.left() - 2, area.bottom() + 4, width - 2, 40)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            elided = painter.fontMetrics().elidedText(
                bar.step_name, Qt.TextElideMode.ElideRight, int(label.width()) * 2
            )
            painter.drawText(
                label, Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, elided
            )

    def _draw_focus(self, painter: QPainter, area: QRectF, palette: QPalette) -> None:
        """The cumulative share as a line over the bars, and where it crosses 80 %."""
        width = area.width() / len(self.bars)
        pen = QPen(palette.color(QPalette.ColorRole.Text), 1.5)
        painter.setPen(pen)
        points = [
            (area.left() + (i + 0.5) * width, area.bottom() - area.height() * bar.cumulative_share)
            for i, bar in enumerate(self.bars)
        ]
        for (x1, y1), (x2, y2) in pairwise(points):
            painter.drawLine(int(x1), int(y1), int(x2), int(y2))
        y = area.bottom() - area.height() * 0.8
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setColor(QColor(palette.color(QPalette.ColorRole.Text)))
        painter.setPen(pen)
        painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))
        painter.drawText(
            QRectF(area.right() - 120, y - 18, 120, 16),
            Qt.AlignmentFlag.AlignRight,
            "80 % of waiting",
        )


FINDING_COLUMNS = ("Finding", "Waste", "Waiting", "Work a year", "Cost a year")
FINDINGS_TITLES = {
    "money": "Findings, by what they cost a year (waiting is calendar time: it costs no wages)",
    "time": "Findings, by time (no hourly rate is given, so nothing is in money)",
}


def finding_cells(finding: Finding, currency: str) -> list[str]:
    """A finding's row: waiting per case (and cases queued) apart from hours of work."""
    waiting = per_case_wait(finding.wait_minutes_per_run)
    if finding.cases_waiting > 0:
        waiting += f", {cases_text(finding.cases_waiting)} queued"
    work = finding.work_minutes_per_year
    return [
        finding.title,
        finding.waste,
        waiting,
        hours_per_year(work) if work else "–",
        f"{finding.cost_per_year:,.0f} {currency}" if finding.cost_per_year else "–",
    ]


def finding_tooltip(finding: Finding) -> str:
    """The finding's title and figures; a noted one also says where it came from."""
    text = f"{finding.title}\n{finding.detail}".strip()
    if finding.note_id:
        text += f"\n{noted_from(finding)} Right-click to remove it."
    return text


class AnalysisView(QScrollArea):
    """Shows the analysis of one snapshot; clicking a finding announces its steps.

    ``finding_selected`` carries the chosen Finding (or None), also when a new snapshot keeps
    the same finding chosen. With ``highlight_on_select`` off, only activating a finding
    (double-click, Enter) announces its steps, so choosing one does not leave the page.
    """

    steps_highlighted = Signal(tuple)
    finding_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.highlight_on_select = True
        self.shown_findings: tuple[Finding, ...] = ()
        self._refilling = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 16, 24, 24)
        column.setSpacing(16)
        self.values: dict[str, QLabel] = {}
        column.addWidget(self._cards())
        self.problems = QLabel(body)
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_box = self._box("What the map still needs", self.problems)
        column.addWidget(self.problems_box)
        self.findings = self._findings_tree()
        self.findings_box = self._box("Findings, by what they cost a year", self.findings)
        column.addWidget(self.findings_box)
        self.pareto = ParetoChart(body)
        column.addWidget(self._box("Where the waiting is (Pareto)", self.pareto))
        column.addStretch(1)
        self.setWidget(body)

    def _box(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        QVBoxLayout(box).addWidget(widget)
        return box

    def _cards(self) -> QGroupBox:
        box = QGroupBox("Metrics", self)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(24)
        for index, (key, card) in enumerate(CARDS.items()):
            label = QLabel(card.label, box)
            value = QLabel("–", box)
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            font.setBold(True)
            value.setFont(font)
            for widget in (label, value):
                widget.setToolTip(card.meaning)
            value.setAccessibleName(card.label)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, col = divmod(index, 3)
            grid.addWidget(label, row * 2, col)
            grid.addWidget(value, row * 2 + 1, col)
            self.values[key] = value
        return box

    def _findings_tree(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setAccessibleName("Findings")
        tree.setHeaderLabels(list(FINDING_COLUMNS))
        tree.setRootIsDecorated(False)
        tree.setWordWrap(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setMinimumHeight(240)
        header = tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        tree.currentItemChanged.connect(self._finding_chosen)
        tree.itemActivated.connect(self._finding_activated)
        return tree

    def show_process(self, process: Process) -> None:
        """Compute and show everything for a snapshot."""
        metrics = compute_metrics(process)
        for key, text in metric_texts(metrics, process.currency, process).items():
            self.values[key].setText(text)
        problems = [problem.message for problem in metrics.problems]
        self.problems.setText("\n".join(f"• {line}" for line in problems))
        self.problems_box.setVisible(bool(problems))
        self._fill_findings(find_findings(process, metrics), process.currency)
        self.findings_box.setTitle(FINDINGS_TITLES[ranking(process)])
        self.pareto.set_bars(wait_pareto(process, metrics))

    def _fill_findings(self, findings: Sequence[Finding], currency: str) -> None:
        chosen = self.current_finding()
        self.shown_findings = tuple(findings)
        self._refilling = True
        self.findings.clear()
        for finding in findings:
            item = QTreeWidgetItem(finding_cells(finding, currency))
            item.setToolTip(0, finding_tooltip(finding))
            item.setData(0, STEPS_ROLE, tuple(finding.step_ids))
            item.setData(0, KEY_ROLE, finding.key)
            for column in (2, 3, 4):
                item.setTextAlignment(
                    column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            self.findings.addTopLevelItem(item)
            if chosen is not None and finding.key == chosen.key:
                self.findings.setCurrentItem(item)
        self._refilling = False
        self.finding_selected.emit(self.current_finding())

    def current_finding(self) -> Finding | None:
        """The finding chosen in the list, or None."""
        item = self.findings.currentItem()
        key = item.data(0, KEY_ROLE) if item is not None else None
        return next((finding for finding in self.shown_findings if finding.key == key), None)

    def select_finding(self, key: str) -> None:
        """Choose the finding with ``key`` in the list (nothing when it is not there)."""
        for row in range(self.findings.topLevelItemCount()):
            item = self.findings.topLevelItem(row)
            if item is not None and item.data(0, KEY_ROLE) == key:
                self.findings.setCurrentItem(item)
                return

    def _finding_chosen(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if self._refilling:
            return
        if current is not None and self.highlight_on_select:
            self.steps_highlighted.emit(tuple(current.data(0, STEPS_ROLE)))
        self.finding_selected.emit(self.current_finding())

    def _finding_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if not self.highlight_on_select:
            self.steps_highlighted.emit(tuple(item.data(0, STEPS_ROLE)))
