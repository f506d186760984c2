"""A scenario in words, and the ``walkthrough simulate`` command that re-runs it (Qt-free).

The plan prints both, so a reader sees what was changed and can reproduce every figure.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence

from app.process.durations import format_duration
from app.process.model import Lane, Process, Step
from app.process.staffing import DAY_NAMES, WorkingHours
from app.simulation.scenario import Scenario, StepTime
from app.simulation.simulate import SimulationOptions


def scenario_changes(process: Process, scenario: Scenario) -> list[str]:
    """What the scenario changes, one short phrase each ("the map as interviewed" if nothing)."""
    changes = ["the future-state map" if scenario.state == "future" else ""]
    if scenario.demand != 1:
        changes.append(f"demand × {scenario.demand:g}")
    lanes, steps = _lane_names(process), _step_names(process)
    for lane, people in scenario.people.items():
        changes.append(f"{lanes.get(lane, lane)}: {people} {_people(people)}")
    for step, time in scenario.step_times.items():
        changes.append(f"{steps.get(step, step)}: {step_time_text(time)} hands-on")
    for step, minutes in scenario.touch_minutes.items():
        changes.append(f"{steps.get(step, step)}: {format_duration(minutes)} hands-on")
    for lane, hours in scenario.hours.items():
        changes.append(f"{lanes.get(lane, lane)} works {hours_text(hours)}")
    changes = [change for change in changes if change]
    return changes or ["the current map as interviewed"]


def step_time_text(time: StepTime) -> str:
    """``5 min (best 3 min, worst 12 min)``."""
    text = format_duration(time.typical)
    if time.best is None and time.worst is None:
        return text
    best = format_duration(time.best if time.best is not None else time.typical)
    worst = format_duration(time.worst if time.worst is not None else time.typical)
    return f"{text} (best {best}, worst {worst})"


def hours_text(hours: WorkingHours | None) -> str:
    """``mon–fri 09:00–17:00``, or ``around the clock``."""
    if hours is None:
        return "around the clock"
    return f"{days_text(hours.days)} {_clock(hours.start)}–{_clock(hours.end)}"


def days_text(days: Sequence[int]) -> str:
    """``mon–fri`` for a run of days, else the days listed."""
    ordered = sorted(days)
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{DAY_NAMES[ordered[0]]}–{DAY_NAMES[ordered[-1]]}"
    return " ".join(DAY_NAMES[day] for day in ordered)


def rerun_command(process: Process, scenario: Scenario, options: SimulationOptions) -> str:
    """The command line that gives the same figures for this scenario."""
    words = ["walkthrough", "simulate", process.name]
    if scenario.state == "future":
        words += ["--state", "future"]
    words += ["--cases", str(options.cases), "--replications", str(options.replications)]
    words += ["--warmup", str(options.warmup), "--seed", str(options.seed)]
    if scenario.demand != 1:
        words += ["--demand", f"{scenario.demand:g}"]
    for lane, people in scenario.people.items():
        words += ["--people", f"{lane}={people}"]
    for step, time in scenario.step_times.items():
        words += ["--time", f"{step}={_time_argument(time)}"]
    for step, minutes in scenario.touch_minutes.items():
        words += ["--time", f"{step}={minutes:g}"]
    for lane, hours in scenario.hours.items():
        words += ["--hours", f"{lane}={_hours_argument(hours)}"]
    return shlex.join(words)


def _time_argument(time: StepTime) -> str:
    if time.best is None and time.worst is None:
        return f"{time.typical:g}"
    best = time.typical if time.best is None else time.best
    worst = time.typical if time.worst is None else time.worst
    return f"{time.typical:g},{best:g},{worst:g}"


def _hours_argument(hours: WorkingHours | None) -> str:
    if hours is None:
        return "always"
    days = ",".join(DAY_NAMES[day] for day in hours.days)
    return f"{days}@{_clock(hours.start)}-{_clock(hours.end)}"


def _lane_names(process: Process) -> dict[str, str]:
    return {key: lane.name for lane in process.lanes for key in _keys(lane)}


def _step_names(process: Process) -> dict[str, str]:
    names = {key: f"'{step.name}'" for step in process.steps for key in _keys(step)}
    future = process.future_state
    if future is not None:
        for step in future.steps:
            names.setdefault(step.id, f"'{step.name}'")
    return names


def _keys(item: Lane | Step) -> tuple[str, str]:
    return item.id, item.name


def _people(count: int) -> str:
    return "person" if count == 1 else "people"


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
