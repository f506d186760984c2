"""Scenarios and run settings as the Simulate tab saves them in the process's ``extra``.

``extra["simulation_scenarios"]`` is a list of at most four documents::

    {"name": "Two clerks", "state": "current", "demand": 1.3, "people": {"ap": 2},
     "in_plan": true,
     "step_times": {"s4": {"typical": 5, "best": 3, "worst": 12}},
     "hours": {"ap": {"days": ["mon", …], "start": "09:00", "end": "17:00"}}}

and ``extra["simulation_settings"]`` the cases, replications, warm-up and seed they were run
with, so the plan re-runs them to the same figures. Anything unreadable is left out, never
raised: a hand-edited file still opens. Qt-free.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from app.process.model import Process
from app.process.staffing import WorkingHours, read_hours
from app.simulation.scenario import Scenario, State, StepTime
from app.simulation.simulate import SimulationOptions

MAX_SCENARIOS = 4
SCENARIOS_KEY = "simulation_scenarios"
SETTINGS_KEY = "simulation_settings"
DEFAULT_OPTIONS = SimulationOptions(cases=1000, replications=10, warmup=200, seed=1)


def saved_documents(process: Process) -> list[Mapping[str, Any]]:
    """The scenario documents saved with the process (at most four, unreadable ones left out)."""
    value = process.extra.get(SCENARIOS_KEY)
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, Mapping)][:MAX_SCENARIOS]


def planned_scenarios(process: Process) -> list[Scenario]:
    """The scenarios the user chose to print in the plan, in their order."""
    return [
        scenario_from_document(document, index)
        for index, document in enumerate(saved_documents(process))
        if document.get("in_plan") is True
    ]


def scenario_from_document(document: Mapping[str, Any], index: int = 0) -> Scenario:
    """A saved document as a Scenario; missing or unreadable parts keep the map as it is."""
    name = document.get("name")
    demand = _minutes(document.get("demand")) or 1.0
    return Scenario(
        name=name.strip() if isinstance(name, str) and name.strip() else f"Scenario {index + 1}",
        state=_state(document.get("state")),
        demand=demand,
        people=_people(document.get("people")),
        step_times=_step_times(document.get("step_times")),
        hours=_hours(document.get("hours")),
    )


def saved_options(process: Process) -> SimulationOptions:
    """The settings the scenarios were last run with (the command line's defaults if none)."""
    value = process.extra.get(SETTINGS_KEY)
    if not isinstance(value, Mapping):
        return DEFAULT_OPTIONS
    default = DEFAULT_OPTIONS
    return SimulationOptions(
        cases=_whole(value.get("cases"), 1, default.cases),
        replications=_whole(value.get("replications"), 1, default.replications),
        warmup=_whole(value.get("warmup"), 0, default.warmup),
        seed=_whole(value.get("seed"), 0, default.seed),
    )


def options_document(options: SimulationOptions) -> dict[str, int]:
    """The saved form of run settings."""
    return {
        "cases": options.cases,
        "replications": options.replications,
        "warmup": options.warmup,
        "seed": options.seed,
    }


def _state(value: Any) -> State:
    return "future" if value == "future" else "current"


def _whole(value: Any, low: int, default: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        return default
    return value


def _people(value: Any) -> dict[str, int]:
    if not isinstance(value, Mapping):
        return {}
    return {
        str(lane): count
        for lane, count in value.items()
        if isinstance(count, int) and not isinstance(count, bool) and count > 0
    }


def _step_times(value: Any) -> dict[str, StepTime]:
    if not isinstance(value, Mapping):
        return {}
    times = {}
    for step, document in value.items():
        if isinstance(document, Mapping) and _minutes(document.get("typical")) is not None:
            times[str(step)] = StepTime(
                typical=float(document["typical"]),
                best=_minutes(document.get("best")),
                worst=_minutes(document.get("worst")),
            )
    return times


def _minutes(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) and value >= 0 else None


def _hours(value: Any) -> dict[str, WorkingHours | None]:
    if not isinstance(value, Mapping):
        return {}
    result: dict[str, WorkingHours | None] = {}
    for lane, document in value.items():
        hours = read_hours(document)
        if document is None or hours is not None:
            result[str(lane)] = hours
    return result
