"""What-if scenarios: a process state with demand, people, step times or hours changed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from app.process.model import Lane, Process, Step
from app.process.staffing import WorkingHours, hours_document, with_people
from app.simulation.model import SimulationError

State = Literal["current", "future"]


def _nothing() -> dict[str, int]:
    return {}


@dataclass(frozen=True, slots=True)
class StepTime:
    """A step's new hands-on minutes: typical, and optionally best and worst (else scaled)."""

    typical: float
    best: float | None = None
    worst: float | None = None


@dataclass(frozen=True, slots=True)
class Scenario:
    """Changes to simulate; lanes and steps are named by id or exact name."""

    name: str = "Current"
    state: State = "current"
    demand: float = 1.0
    people: Mapping[str, int] = field(default_factory=_nothing)
    touch_minutes: Mapping[str, float] = field(default_factory=dict)
    step_times: Mapping[str, StepTime] = field(default_factory=dict)
    hours: Mapping[str, WorkingHours | None] = field(default_factory=dict)


def apply_scenario(process: Process, scenario: Scenario) -> Process:
    """The process state the scenario names, with its changes; SimulationError names a miss."""
    chosen = _state(process, scenario.state)
    lanes = list(chosen.lanes)
    for reference, people in scenario.people.items():
        index = _find(lanes, reference, "lane")
        lanes[index] = with_people(lanes[index], people)
    for reference, hours in scenario.hours.items():
        index = _find(lanes, reference, "lane")
        lanes[index] = _with_hours(lanes[index], hours)
    steps = list(chosen.steps)
    for reference, minutes in scenario.touch_minutes.items():
        index = _find(steps, reference, "step")
        steps[index] = _with_touch(steps[index], minutes)
    for reference, time in scenario.step_times.items():
        index = _find(steps, reference, "step")
        steps[index] = _with_time(steps[index], time)
    return replace(
        chosen,
        runs_per_year=chosen.runs_per_year * scenario.demand,
        lanes=tuple(lanes),
        steps=tuple(steps),
    )


def _state(process: Process, state: State) -> Process:
    if state == "current":
        return process
    if process.future_state is None:
        raise SimulationError(f"'{process.name}' has no future state yet: design it first")
    return replace(process.future_state, runs_per_year=process.runs_per_year)


def _find(items: Sequence[Lane | Step], reference: str, kind: str) -> int:
    for index, item in enumerate(items):
        if reference == item.id:
            return index
    for index, item in enumerate(items):
        if reference == item.name:
            return index
    known = ", ".join(f"'{item.id}'" for item in items[:8])
    raise SimulationError(f"no {kind} '{reference}' (the {kind}s are {known})")


def _with_hours(lane: Lane, hours: WorkingHours | None) -> Lane:
    extra = {k: v for k, v in lane.extra.items() if k != "working_hours"}
    if hours is not None:
        extra["working_hours"] = hours_document(hours)
    return replace(lane, extra=extra)


def _with_touch(step: Step, minutes: float) -> Step:
    """A new typical time; a best/worst range is scaled with it so it still holds it."""
    extra = dict(step.extra)
    if step.touch_minutes > 0:
        factor = minutes / step.touch_minutes
        for key in ("touch_best_minutes", "touch_worst_minutes"):
            if isinstance(extra.get(key), int | float):
                extra[key] = extra[key] * factor
    else:
        extra.pop("touch_best_minutes", None)
        extra.pop("touch_worst_minutes", None)
    return replace(step, touch_minutes=minutes, extra=extra)


def _with_time(step: Step, time: StepTime) -> Step:
    """A new typical time with the best and worst given (a missing one is the typical)."""
    changed = _with_touch(step, time.typical)
    if time.best is None and time.worst is None:
        return changed
    extra = dict(changed.extra)
    for key, value in (("touch_best_minutes", time.best), ("touch_worst_minutes", time.worst)):
        extra[key] = time.typical if value is None else value
    return replace(changed, extra=extra)
