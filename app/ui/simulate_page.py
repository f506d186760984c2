"""The Simulate tab: up to four scenarios run side by side in the background, with progress
and Cancel; lead time with its 95 % interval and percentiles, throughput, work in progress,
cost per case, utilisation bars per role and the lead-time histogram."""

from __future__ import annotations

import threading
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.process.model import Process
from app.simulation.model import SimulationError
from app.simulation.planned import simulate_remembered
from app.simulation.results import SimulationResult
from app.simulation.saved import SETTINGS_KEY, options_document, saved_options
from app.simulation.scenario import Scenario, apply_scenario
from app.simulation.simulate import SimulationCancelledError, SimulationOptions
from app.ui import messages
from app.ui.simulate_results import ResultsView
from app.ui.simulate_scenarios import EXTRA_KEY, ScenarioTable, people_summary
from app.ui.simulate_staffing import StaffingEditor
from app.ui.simulate_whatif_tab import WhatIfTab
from app.ui.splitters import remember
from app.ui.store import ProcessStore
from app.ui.worker import run_task

PLAN_HINT = (
    "Tick “In the plan” to print a scenario in the PDF improvement plan: the plan simulates it "
    "again with these cases, replications and seed, so its figures are the ones shown here."
)


class _Progress(QObject):
    """Carries progress from the worker thread to the page (a queued signal)."""

    advanced = Signal(int, int)


class SimulatePage(QWidget):
    """Runs the scenarios of one process and shows what they did."""

    def __init__(self, store: ProcessStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.process: Process | None = None
        self.results: list[tuple[str, SimulationResult]] = []
        self.cancel = threading.Event()
        self.running = False
        self.relay = _Progress(self)
        self.relay.advanced.connect(self._advanced)
        self._build()

    def _build(self) -> None:
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.scenarios = ScenarioTable(self)
        self.scenarios.edited.connect(self._save_scenarios)
        self.whatifs = WhatIfTab(self.scenarios, self)
        self.staffing = StaffingEditor(self)
        self.staffing.edited.connect(self._staffing_edited)
        self.add_button = QPushButton("Add scenario", self)
        self.remove_button = QPushButton("Remove scenario", self)
        self.run_button = QPushButton("Run", self)
        self.cancel_button = QPushButton("Cancel", self)
        self.cases = _spin(100, 100_000, 1000, "Measured cases per replication")
        self.replications = _spin(2, 100, 10, "Independent replications (for the 95 % interval)")
        self.seed = _spin(0, 999_999, 1, "The same seed gives the same results")
        for box in (self.cases, self.replications, self.seed):
            box.editingFinished.connect(self._save_scenarios)
        self.progress = QProgressBar(self)
        self.results_view = ResultsView(self)
        self.results_table = self.results_view.table
        self.bars, self.histogram = self.results_view.bars, self.results_view.histogram
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #c62828")
        self.add_button.clicked.connect(lambda: self.scenarios.add_row())
        self.remove_button.clicked.connect(self.scenarios.remove_current)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel.set)
        self._lay_out()
        self._set_running(False)

    def _lay_out(self) -> None:
        settings = QFormLayout()
        for label, box in (("Cases", self.cases), ("Replications", self.replications)):
            settings.addRow(label, box)
        settings.addRow("Seed", self.seed)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.run_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addWidget(self.progress, 1)
        scenarios = QWidget(self)
        top = QHBoxLayout()
        top.addWidget(self.scenarios, 1)
        top.addLayout(settings)
        hint = QLabel(PLAN_HINT, scenarios)
        hint.setWordWrap(True)
        rows = QVBoxLayout(scenarios)
        rows.addLayout(top, 1)
        rows.addWidget(hint)
        self.sections = QTabWidget(self)
        self.sections.addTab(scenarios, "Scenarios")
        self.sections.addTab(self.whatifs, "What-if times and hours")
        self.sections.addTab(self.staffing, "Staffing and times")
        top_part = QWidget(self)
        top_layout = QVBoxLayout(top_part)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.sections, 1)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.warnings)
        self.parts = QSplitter(Qt.Orientation.Vertical, self)
        self.parts.setChildrenCollapsible(False)
        self.parts.addWidget(top_part)
        self.parts.addWidget(self.results_view)
        self.parts.setStretchFactor(0, 2)
        self.parts.setStretchFactor(1, 3)
        remember(self.parts, "simulate/parts")
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.parts, 1)

    def show_process(self, process: Process) -> None:
        """Show a snapshot; scenarios are rebuilt only when another process is shown."""
        same = self.process is not None and self.process.id == process.id
        self.process = process
        self.explanation.setText(
            "Cases arrive at random at the process's runs per year and queue for the people of "
            f"each lane; {people_summary(process.lanes)}. Waits typed in a staffed lane are its "
            "queue, and the simulation produces them instead."
        )
        self.staffing.show_process(process)
        if not same:
            self.results = []
            self._show_results()
        if not same or self._scenarios_changed_elsewhere(process):
            self.scenarios.show_process(process)
            self._show_settings(saved_options(process))
        self.whatifs.show_process(process)

    def _scenarios_changed_elsewhere(self, process: Process) -> bool:
        """Undo, or another window, changed the saved scenarios while no cell is being typed in."""
        focused = QApplication.focusWidget()
        typing = focused is not None and self.scenarios.isAncestorOf(focused)
        return not typing and process.extra.get(EXTRA_KEY) != self.scenarios.shown

    def _show_settings(self, options: SimulationOptions) -> None:
        for box, value in (
            (self.cases, options.cases),
            (self.replications, options.replications),
            (self.seed, options.seed),
        ):
            box.setValue(value)

    def options(self) -> SimulationOptions:
        """The run settings as shown (the warm-up is a fifth of the cases, at least 100)."""
        return SimulationOptions(
            cases=self.cases.value(),
            replications=self.replications.value(),
            warmup=max(100, self.cases.value() // 5),
            seed=self.seed.value(),
        )

    def run(self) -> None:
        """Save the scenarios, then simulate each of them in the background."""
        if self.process is None or self.running:
            return
        self._save_scenarios()
        scenarios = self.scenarios.scenarios()
        options = self.options()
        self.cancel.clear()
        self._set_running(True)
        self.progress.setRange(0, len(scenarios) * options.replications)
        self.progress.setValue(0)
        process = self.process
        run_task(
            lambda: self._simulate_all(process, scenarios, options),
            lambda results: self._done(results, process.id),
            self._failed,
        )

    def _simulate_all(
        self, process: Process, scenarios: list[Scenario], options: SimulationOptions
    ) -> list[tuple[str, SimulationResult]]:
        """Runs on a worker thread: touches no widget, only emits progress."""
        results = []
        for index, scenario in enumerate(scenarios):

            def progress(done: int, total: int, index: int = index) -> bool:
                self.relay.advanced.emit(index * total + done, len(scenarios) * total)
                return not self.cancel.is_set()

            try:
                snapshot = apply_scenario(process, scenario)
                results.append((scenario.name, simulate_remembered(snapshot, options, progress)))
            except SimulationError as error:
                raise SimulationError(f"{scenario.name}: {error}") from error
        return results

    def _save_scenarios(self) -> None:
        """Keep the scenarios and settings as shown (one undoable edit when they changed)."""
        if self.process is None:
            return
        documents = self.scenarios.documents()
        settings = options_document(self.options())
        extra = {**self.process.extra, EXTRA_KEY: documents, SETTINGS_KEY: settings}
        self.scenarios.shown = documents
        if extra != self.process.extra:
            self.process = replace(self.process, extra=extra)
            self.store.apply(self.process, "Simulation scenarios")

    def _staffing_edited(self, process: Process) -> None:
        self.show_process(process)
        self.store.apply(process, "Staffing and times")

    def _advanced(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, results: list[tuple[str, SimulationResult]], process_id: str) -> None:
        """Show the results of a run, unless another process is shown since it began."""
        self._set_running(False)
        if self.process is None or self.process.id != process_id:
            return
        self.results = results
        self._show_results()

    def _failed(self, error: Exception) -> None:
        self._set_running(False)
        if isinstance(error, SimulationCancelledError):
            self.warnings.setText("Cancelled: the results shown are from the last full run.")
        elif isinstance(error, SimulationError):
            messages.show_error(self, "Cannot simulate", str(error))
        else:
            messages.show_crash(self, error)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        for widget in (self.add_button, self.remove_button, self.scenarios):
            widget.setEnabled(not running)

    def _show_results(self) -> None:
        currency = self.process.currency if self.process else ""
        self.results_view.show_results(self.results, currency)
        warnings = [f"{name}: {text}" for name, result in self.results for text in result.warnings]
        self.warnings.setText("\n".join(warnings))


def _spin(low: int, high: int, value: int, tip: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    box.setToolTip(tip)
    box.setGroupSeparatorShown(True)
    return box
