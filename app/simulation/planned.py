"""The scenarios chosen for the plan, simulated with their saved settings (Qt-free).

The plan runs them itself, seeded, so its figures are the ones ``walkthrough simulate`` prints
for the same scenario and seed.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.process.model import Process
from app.simulation.model import SimulationError
from app.simulation.results import SimulationResult
from app.simulation.saved import planned_scenarios, saved_options
from app.simulation.scenario import Scenario, apply_scenario
from app.simulation.simulate import SimulationOptions, simulate


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


def run_planned(process: Process) -> PlannedRuns:
    """Simulate every scenario chosen for the plan (none chosen: no runs)."""
    options = saved_options(process)
    runs = tuple(_run(process, scenario, options) for scenario in planned_scenarios(process))
    return PlannedRuns(options, runs)


def _run(process: Process, scenario: Scenario, options: SimulationOptions) -> PlannedRun:
    try:
        return PlannedRun(scenario, simulate(apply_scenario(process, scenario), options))
    except SimulationError as error:
        return PlannedRun(scenario, None, str(error))
