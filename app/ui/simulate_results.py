"""The Simulate tab's results: the figures of each scenario side by side (with units), the
utilisation bars per role and the lead-time histogram of the scenario picked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.simulation.results import SimulationResult
from app.simulation.summary import result_rows
from app.ui.simulate_charts import HistogramChart, UtilisationBars


class ResultsView(QSplitter):
    """The table of figures beside the charts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results: Sequence[tuple[str, SimulationResult]] = ()
        self.table = QTableWidget(0, 0, self)
        self.table.setAccessibleName("Simulation results")
        self.histogram_choice = QComboBox(self)
        self.histogram_choice.setAccessibleName("Scenario whose lead times are drawn")
        self.histogram = HistogramChart(self)
        self.bars = UtilisationBars(self)
        self.histogram_choice.currentIndexChanged.connect(lambda _index: self._show_histogram())
        charts = QWidget(self)
        layout = QVBoxLayout(charts)
        layout.addWidget(QLabel("Utilisation per role", charts))
        layout.addWidget(self.bars)
        layout.addWidget(self.histogram_choice)
        layout.addWidget(self.histogram, 1)
        self.addWidget(self.table)
        self.addWidget(charts)

    def show_results(self, results: Sequence[tuple[str, SimulationResult]], currency: str) -> None:
        """Show ``results`` (name, result) in their order; none clears the view."""
        self.results = results
        names = [name for name, _ in results]
        rows = result_rows(results, currency) if results else []
        self.table.clear()
        self.table.setColumnCount(len(names))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(names)
        self.table.setVerticalHeaderLabels([label for label, _ in rows])
        for row, (_, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.bars.show_bars(
            [
                (f"{name}: {role.name}", role.utilisation or role.expected)
                for name, result in results
                for role in result.roles
            ]
        )
        self.histogram_choice.blockSignals(True)
        self.histogram_choice.clear()
        self.histogram_choice.addItems([f"Lead times of {name}" for name in names])
        self.histogram_choice.blockSignals(False)
        self._show_histogram()

    def _show_histogram(self) -> None:
        index = self.histogram_choice.currentIndex()
        if 0 <= index < len(self.results):
            result = self.results[index][1]
            self.histogram.show_histogram(result.histogram_edges, result.histogram_counts)
        else:
            self.histogram.show_histogram((), ())
