"""The Evidence tab: an event log imported beside the map, said against recorded, step by step.

Reading and analysing run on the worker thread; the progress bar polls a shared share and
Cancel sets a flag the reader checks, so a cancelled or refused log leaves nothing behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.analysis.noted import noted_origins
from app.evidence.baseline import with_log_baseline, with_weekly_measurements
from app.evidence.columns import ALIASES, REQUIRED, ColumnChoice
from app.evidence.csv_log import read_header
from app.evidence.errors import EventLogError, ImportCancelledError
from app.evidence.gaps import Gap, large_gaps, with_gap_noted
from app.evidence.read import read_event_log
from app.evidence.report import Evidence, gather_evidence, remap
from app.evidence.stored import stored_mapping, with_stored_evidence
from app.evidence.table import (
    HEADER_TIPS,
    HEADERS,
    kept_rows,
    kept_sentence,
    step_rows,
    summary_lines,
)
from app.process.dates import environment_day_first
from app.process.durations import format_duration
from app.process.model import Process
from app.ui import messages, worker
from app.ui.evidence_gaps import GapList
from app.ui.store import ProcessStore

NONE = "(none)"
NOT_MAPPED = "(not in the map)"
PREVIEW_ROWS = 20


@dataclass(slots=True)
class Reading:
    """Shared by the worker and the GUI thread: how far reading is, and whether to stop."""

    share: float = 0.0
    cancelled: bool = False

    def progress(self, share: float) -> bool:
        self.share = share
        return not self.cancelled


class ColumnDialog(QDialog):
    """Which column holds the case, the activity, the time…, with the log's first rows shown."""

    def __init__(self, header: list[str], rows: list[list[str]], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Columns of the event log")
        self.pickers: dict[str, QComboBox] = {}
        form = QFormLayout()
        for role in ALIASES:
            picker = QComboBox(self)
            picker.addItems([NONE, *header])
            picker.setCurrentIndex(_guess(role, header) + 1)
            self.pickers[role] = picker
            form.addRow(role.capitalize() + ("" if role in REQUIRED else " (optional)"), picker)
        preview = QTableWidget(len(rows), len(header), self)
        preview.setHorizontalHeaderLabels(header)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row[: len(header)]):
                preview.setItem(r, c, QTableWidgetItem(cell))
        self.problem = QLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept_if_complete)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(preview, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def choice(self) -> ColumnChoice:
        picked = {role: box.currentText() for role, box in self.pickers.items()}
        return ColumnChoice(**{r: (None if v == NONE else v) for r, v in picked.items()})

    def accept_if_complete(self) -> None:
        missing = [r for r in REQUIRED if self.pickers[r].currentText() == NONE]
        if missing:
            self.problem.setText(f"Pick the column of the {missing[0]}.")
            return
        self.accept()


def _guess(role: str, header: list[str]) -> int:
    lowered = [name.strip().lower() for name in header]
    return next((lowered.index(a) for a in ALIASES[role] if a in lowered), -1)


NO_LOG = "Import a CSV or XES event log to check the map against it."


class EvidencePage(QWidget):
    """Import a log, see it against the map, confirm which step each activity records."""

    def __init__(self, store: ProcessStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.process: Process | None = None
        self.evidence: Evidence | None = None
        self.reading: Reading | None = None
        self.import_button = QPushButton("Import event log…", self)
        self.import_button.clicked.connect(self.import_log)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel(NO_LOG, self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.steps = QTableWidget(0, len(HEADERS), self)
        self.steps.setHorizontalHeaderLabels(HEADERS)
        for column, title in enumerate(HEADERS):
            header_item = self.steps.horizontalHeaderItem(column)
            if header_item is not None and title in HEADER_TIPS:
                header_item.setToolTip(HEADER_TIPS[title])
        self.gaps = GapList(self)
        self.gaps.note_requested.connect(self.note_gap)
        self.tables = QTabWidget(self)
        self.tables.addTab(self.steps, "Said vs recorded, step by step")
        self.tables.addTab(self.gaps, "Large gaps")
        self.mapping = QTableWidget(0, 2, self)
        self.mapping.setHorizontalHeaderLabels(["Activity in the log", "Step of the map"])
        for table in (self.steps, self.mapping):
            table.verticalHeader().setVisible(False)
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.steps.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(HEADERS)):
            self.steps.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.save_button = QPushButton("Keep this mapping with the process", self)
        self.save_button.clicked.connect(self.save_mapping)
        self.baseline_button = QPushButton("Use the recorded lead time as the goal's baseline")
        self.baseline_button.clicked.connect(self.take_baseline)
        self.chart_button = QPushButton("Add its weekly lead times to the control chart")
        self.chart_button.clicked.connect(self.add_weekly_points)
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._show_progress)
        self._layout()
        self._set_busy(False)

    def _layout(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.import_button, self.progress, self.cancel_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.summary)
        layout.addWidget(self.tables, 2)
        layout.addWidget(QLabel("Which step each activity records:", self))
        layout.addWidget(self.mapping, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.baseline_button)
        buttons.addWidget(self.chart_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def show_process(self, process: Process) -> None:
        """Show a snapshot; a log already read is checked again against the map as it is now."""
        opened = self.process is None or process.id != self.process.id
        if opened:
            self.evidence = None
        self.process = process
        if self.evidence is not None:
            mapping = stored_mapping(process) or self.evidence.mapping
            self._show(self._recompared(mapping))
        else:
            self._clear(say_what_is_kept=opened)  # a read error stays until another process

    def import_log(self) -> None:
        path_text, _ = QFileDialog.getOpenFileName(
            self, "Import an event log", "", "Event logs (*.csv *.xes *.txt);;All files (*)"
        )
        if path_text:
            self.read(Path(path_text))

    def read(self, path: Path, columns: ColumnChoice | None = None) -> None:
        """Ask for the columns of a CSV (unless given), then read and analyse it off the GUI."""
        if self.process is None or self.reading is not None:
            return
        if columns is None and path.suffix.lower() != ".xes":
            columns = self._ask_columns(path)
            if columns is None:
                return
        process, reading = self.process, Reading()
        self.reading = reading

        def work() -> Evidence:
            log = read_event_log(
                path, columns, day_first=environment_day_first(), progress=reading.progress
            )
            return gather_evidence(process, log, stored_mapping(process))

        self._set_busy(True)
        self.status.setText(f"Reading {path.name}…")
        worker.run_task(work, lambda evidence: self._loaded(evidence, process.id), self._failed)

    def _ask_columns(self, path: Path) -> ColumnChoice | None:
        try:
            header, rows = read_header(path, rows=PREVIEW_ROWS)
        except (EventLogError, OSError, UnicodeDecodeError) as error:
            self.status.setText(str(error))
            return None
        dialog = ColumnDialog(header, rows, self)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def cancel(self) -> None:
        if self.reading is not None:
            self.reading.cancelled = True

    def _loaded(self, evidence: Evidence, process_id: str) -> None:
        """Show a log read for ``process_id`` against that process as it is now (edits may have
        been saved while it was read); a log read for a process no longer shown is dropped."""
        self._set_busy(False)
        if self.process is None or self.process.id != process_id:
            return
        self.process = self.store.load(process_id)
        self.status.setText(" ".join([f"Read {evidence.log.name}.", *evidence.log.notes]))
        self._show(evidence)
        if self.process is not None and stored_mapping(self.process) is not None:
            self._keep(evidence.mapping, f"Check the map against {evidence.log.name}")
        else:
            self.status.setText(
                f"{self.status.text()} Check which step each activity records and keep the "
                "mapping with the process to see said against recorded on the map."
            )

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, EventLogError | ImportCancelledError):
            self.status.setText(str(error))
            return
        messages.show_crash(self, error)

    def _set_busy(self, busy: bool) -> None:
        if not busy:
            self.reading = None
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.import_button.setEnabled(not busy)
        (self.timer.start if busy else self.timer.stop)()

    def _show_progress(self) -> None:
        if self.reading is not None:
            self.progress.setValue(round(self.reading.share * 100))

    def _recompared(self, mapping: dict[str, str]) -> Evidence:
        assert self.evidence is not None
        assert self.process is not None
        return remap(self.process, self.evidence, mapping)

    def _show(self, evidence: Evidence) -> None:
        self.evidence = evidence
        self.summary.setText("\n".join(f"{s.label}: {s.value}" for s in summary_lines(evidence)))
        _fill(self.steps, step_rows(evidence))
        self._show_gaps(evidence)
        self._fill_mapping(evidence)
        self.save_button.setEnabled(True)
        self.baseline_button.setEnabled(True)
        self.chart_button.setEnabled(True)

    def _show_gaps(self, evidence: Evidence) -> None:
        assert self.process is not None
        gaps = large_gaps(evidence)
        self.gaps.show_gaps(gaps, noted_origins(self.process))
        self.tables.setTabText(1, f"Large gaps ({len(gaps)})")

    def _clear(self, *, say_what_is_kept: bool) -> None:
        """No log read since the process opened: show what the process keeps of its last one."""
        self.summary.clear()
        kept = kept_sentence(self.process) if self.process is not None else ""
        if say_what_is_kept:
            self.status.setText(kept or NO_LOG)
        _fill(self.steps, kept_rows(self.process) if kept and self.process else [])
        self.gaps.show_gaps((), frozenset())
        self.tables.setTabText(1, "Large gaps")
        _fill(self.mapping, kept_mapping_rows(self.process) if self.process else [])
        self.save_button.setEnabled(False)
        self.baseline_button.setEnabled(False)
        self.chart_button.setEnabled(False)

    def _fill_mapping(self, evidence: Evidence) -> None:
        assert self.process is not None
        steps = [s for s in self.process.steps if s.kind not in ("start", "end")]
        activities = list(evidence.figures.activities)
        self.mapping.setRowCount(len(activities))
        for row, activity in enumerate(activities):
            self.mapping.setItem(row, 0, _cell(activity))
            picker = QComboBox(self.mapping)
            picker.addItem(NOT_MAPPED, "")
            for step in steps:
                picker.addItem(step.name, step.id)
            picker.setCurrentIndex(max(0, picker.findData(evidence.mapping.get(activity, ""))))
            picker.currentIndexChanged.connect(self._mapping_edited)
            self.mapping.setCellWidget(row, 1, picker)
        self.mapping.resizeColumnToContents(0)

    def chosen_mapping(self) -> dict[str, str]:
        """activity → step id as the pickers show it now."""
        chosen = {}
        for row in range(self.mapping.rowCount()):
            picker = self.mapping.cellWidget(row, 1)
            activity = self.mapping.item(row, 0)
            if isinstance(picker, QComboBox) and activity is not None and picker.currentData():
                chosen[activity.text()] = str(picker.currentData())
        return chosen

    def _mapping_edited(self) -> None:
        evidence = self._recompared(self.chosen_mapping())
        self.evidence = evidence
        self.summary.setText("\n".join(f"{s.label}: {s.value}" for s in summary_lines(evidence)))
        _fill(self.steps, step_rows(evidence))
        self._show_gaps(evidence)

    def save_mapping(self) -> None:
        """Keep the confirmed mapping with the process (one undoable edit)."""
        if self.process is None or self.evidence is None:
            return
        self._keep(self.chosen_mapping(), "Confirm the event-log mapping")

    def _keep(self, mapping: dict[str, str], text: str) -> None:
        """Keep the mapping and what the log recorded per step with the process (undoable)."""
        assert self.process is not None
        self.evidence = self._recompared(mapping)
        self.store.apply(with_stored_evidence(self.process, self.evidence), text)
        self.status.setText(
            f"The mapping and what {self.evidence.log.name} recorded are kept with the process: "
            "the Map tab's “Said vs recorded” draws them."
        )

    def note_gap(self, gap: Gap) -> None:
        """Make ``gap`` a noted finding (one undoable edit); its row then says so."""
        if self.process is None or gap.origin in noted_origins(self.process):
            return
        self.store.apply(with_gap_noted(self.process, gap), f"Make a finding: {gap.title}")
        self.status.setText(f"“{gap.title}” is now a finding on the Analyze tab.")

    def take_baseline(self) -> None:
        """Set the lead-time goal's baseline to the recorded median (one undoable edit)."""
        if self.process is None or self.evidence is None:
            return
        after, changed = with_log_baseline(self.process, self.evidence)
        if not changed:
            self.status.setText("There is no lead-time goal yet: add one on the Goals tab first.")
            return
        self.store.apply(after, "Take the lead-time baseline from the event log")
        median = format_duration(self.evidence.figures.lead_time.median)
        self.status.setText(f"The lead-time goal's baseline is now {median}, from the log.")

    def add_weekly_points(self) -> None:
        """Put the log's weekly lead times on the control chart (one undoable edit)."""
        if self.process is None or self.evidence is None:
            return
        after, added = with_weekly_measurements(self.process, self.evidence)
        if added:
            self.store.apply(after, "Add weekly lead times from the event log")
        weeks = "week" if added == 1 else "weeks"
        self.status.setText(f"{added} {weeks} of lead time added to the control chart.")


def kept_mapping_rows(process: Process) -> list[tuple[str, ...]]:
    """The kept activity → step matching, as text (a log read again makes it editable)."""
    names = {step.id: step.name for step in process.steps}
    kept = stored_mapping(process) or {}
    return [(activity, names[step]) for activity, step in sorted(kept.items())]


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, _cell(text))
    table.resizeColumnsToContents()


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item
