"""The scenarios chosen for the plan, simulated with their saved settings (Qt-free).

The plan runs them itself, seeded, so its figures are the ones ``walkthrough simulate`` prints
for the same scenario and seed. A seeded run is a pure function of the snapshot and the
settings, so the last few results are remembered: a plan exported after a run in the Simulate
tab reuses that run's figures instead of computing them again.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

from app.process.model import Process
from app.simulation.model import SimulationError
from app.simulation.results import SimulationResult
from app.simulation.saved import planned_scenarios, saved_options
from app.simulation.scenario import Scenario, apply_scenario
from app.simulation.simulate import Progress, SimulationOptions, simulate

REMEMBERED = 16  # results kept for reuse
_results: OrderedDict[str, SimulationResult] = OrderedDict()
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class PlannedRun:
    """One chosen scenario and what it gave: a result, or why it could not be simulated."""

    scenario: Scenario
    result: SimulationResult | None
    problem: str = ""


@dataclass(frozen=True, slots=True)
class PlannedRuns:
    """The chosen scenarios of a process and the settings they were run with."""

    options: SimulationOptions
    runs: tuple[PlannedRun, ...]


def run_planned(process: Process, progress: Progress | None = None) -> PlannedRuns:
    """Simulate every scenario chosen for the plan (none chosen: no runs).

    ``progress`` may stop it (SimulationCancelledError), as for ``simulate``.
    """
    options = saved_options(process)
    runs = tuple(
        _run(process, scenario, options, progress) for scenario in planned_scenarios(process)
    )
    return PlannedRuns(options, runs)


def _run(
    process: Process, scenario: Scenario, options: SimulationOptions, progress: Progress | None
) -> PlannedRun:
    try:
        snapshot = apply_scenario(process, scenario)
        return PlannedRun(scenario, simulate_remembered(snapshot, options, progress))
    except SimulationError as error:
        return PlannedRun(scenario, None, str(error))


def simulate_remembered(
    snapshot: Process, options: SimulationOptions, progress: Progress | None = None
) -> SimulationResult:
    """``simulate``, reusing the result of the same snapshot and settings when it is known."""
    key = hashlib.sha256(repr((snapshot, options)).encode()).hexdigest()
    with _lock:
        known = _results.get(key)
        if known is not None:
            _results.move_to_end(key)
            return known
    result = simulate(snapshot, options, progress)
    with _lock:
        _results[key] = result
        while len(_results) > REMEMBERED:
            _results.popitem(last=False)
    return result


def forget_results() -> None:
    """Drop every remembered result (benchmarks time the runs themselves)."""
    with _lock:
        _results.clear()
