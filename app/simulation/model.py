"""A process snapshot compiled into the flat arrays the engine runs on.

Rules (interchange.md, ``walkthrough simulate``): a step whose lane has ``people`` queues for
one of them; its typed wait is that queue (dropped: the simulation produces it) unless the step
says the wait is ``outside``. Typed waits of steps in unlimited lanes are outside delays, so an
unlimited simulation gives the analytic lead time. A step with no hands-on time needs nobody.
Arrivals are Poisson at runs_per_year / 525,600 per minute, or at the same yearly count spread
over the start lane's working hours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from app.analysis.chain import build_chain
from app.analysis.metrics import compute_metrics
from app.process.fields import Problems
from app.process.model import Process, Step
from app.process.staffing import check_staffing, lane_hours, lane_people, touch_range, wait_for
from app.simulation.calendar import WEEKS_PER_YEAR, Calendar

Variability = Literal["as-typed", "exponential"]
FIXED, TRIANGULAR, EXPONENTIAL = 0, 1, 2
MINUTES_PER_YEAR = 525_600


class SimulationError(ValueError):
    """The process cannot be simulated; the message names what and where."""


@dataclass(frozen=True, slots=True)
class Pool:
    """A lane with a capacity: its people and its calendar (None = around the clock)."""

    lane: str
    name: str
    people: int
    calendar: Calendar | None


@dataclass(frozen=True, slots=True)
class SimModel:
    """Per step (by position): pool index (-1 = nobody to wait for), hands-on time law,
    outside delay, routes with cumulative probabilities, cost per hands-on minute."""

    steps: tuple[Step, ...]
    pool: tuple[int, ...]
    law: tuple[int, ...]
    touch: tuple[tuple[float, float, float], ...]  # (typical or mean, low, high)
    delay: tuple[float, ...]
    targets: tuple[tuple[int, ...], ...]
    cumulative: tuple[tuple[float, ...], ...]
    cost_per_minute: tuple[float, ...]
    start: int
    pools: tuple[Pool, ...]
    arrivals_per_minute: float
    arrival_calendar: Calendar | None
    visits: tuple[float, ...]


def compile_model(process: Process, variability: Variability = "as-typed") -> SimModel:
    """The engine's view of ``process``; SimulationError when it cannot be simulated."""
    _check_simulable(process)
    chain = build_chain(process)
    assert chain.start is not None  # checked above
    pools, pool_of_lane = _pools(process)
    pool = tuple(_step_pool(step, pool_of_lane) for step in process.steps)
    visits = compute_metrics(process).visits
    start_lane = process.lane_by_id().get(process.steps[chain.start].lane)
    hours = lane_hours(start_lane) if start_lane is not None else None
    calendar = Calendar(hours) if hours is not None else None
    open_per_year = calendar.open_per_week * WEEKS_PER_YEAR if calendar else MINUTES_PER_YEAR
    return SimModel(
        steps=process.steps,
        pool=pool,
        law=tuple(_law(step, variability) for step in process.steps),
        touch=tuple(_touch(step) for step in process.steps),
        delay=tuple(_delay(step, p) for step, p in zip(process.steps, pool, strict=True)),
        targets=tuple(tuple(edge.target for edge in edges) for edges in chain.edges),
        cumulative=tuple(_cumulative([e.probability for e in edges]) for edges in chain.edges),
        cost_per_minute=tuple(process.lane_rate(step.lane) / 60 for step in process.steps),
        start=chain.start,
        pools=pools,
        arrivals_per_minute=process.runs_per_year / open_per_year,
        arrival_calendar=calendar,
        visits=tuple(visits.get(step.id, 0.0) for step in process.steps),
    )


def _check_simulable(process: Process) -> None:
    problems = Problems()
    check_staffing(process.lanes, process.steps, problems)
    if problems:
        raise SimulationError(problems.items[0])
    if process.runs_per_year <= 0:
        raise SimulationError(
            f"'{process.name}' runs 0 times a year: say how often it runs to simulate it"
        )
    metrics = compute_metrics(process)
    if not metrics.computable:
        reason = metrics.problems[0].message if metrics.problems else "the map has no start step"
        raise SimulationError(f"'{process.name}' cannot be simulated: {reason}")


def _pools(process: Process) -> tuple[tuple[Pool, ...], dict[str, int]]:
    pools: list[Pool] = []
    index: dict[str, int] = {}
    for lane in process.lanes:
        people = lane_people(lane)
        if people is None or people == 0:
            continue  # 0 people is refused when the lane has work; without work it is idle
        hours = lane_hours(lane)
        index[lane.id] = len(pools)
        pools.append(Pool(lane.id, lane.name, people, Calendar(hours) if hours else None))
    return tuple(pools), index


def _step_pool(step: Step, pool_of_lane: dict[str, int]) -> int:
    if step.touch_minutes <= 0 and touch_range(step) is None:
        return -1
    return pool_of_lane.get(step.lane, -1)


def _law(step: Step, variability: Variability) -> int:
    if variability == "exponential" and step.touch_minutes > 0:
        return EXPONENTIAL
    span = touch_range(step)
    return TRIANGULAR if span is not None and span[0] < span[1] else FIXED


def _touch(step: Step) -> tuple[float, float, float]:
    low, high = touch_range(step) or (step.touch_minutes, step.touch_minutes)
    return step.touch_minutes, low, high


def mean_touch(model: SimModel, position: int) -> float:
    """The expected hands-on minutes of one visit under the model's law."""
    typical, low, high = model.touch[position]
    return (low + typical + high) / 3 if model.law[position] == TRIANGULAR else typical


def _delay(step: Step, pool: int) -> float:
    if pool >= 0 and wait_for(step) != "outside":
        return 0.0
    return step.wait_minutes


def _cumulative(probabilities: Sequence[float]) -> tuple[float, ...]:
    total, result = 0.0, []
    for probability in probabilities:
        total += probability
        result.append(total)
    return tuple(result)
