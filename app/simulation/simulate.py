"""Run independent replications of a process and summarise them (method.md, simulation)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.analysis.metrics import compute_metrics
from app.process.model import Process
from app.simulation.calendar import MINUTES_PER_WEEK, WEEKS_PER_YEAR
from app.simulation.engine import Replication, run_replication
from app.simulation.model import (
    SimModel,
    SimulationError,
    Variability,
    compile_model,
    mean_touch,
)
from app.simulation.results import LeadTime, RoleResult, SimulationResult, StepResult
from app.simulation.stats import histogram, interval, mean, percentile

Progress = Callable[[int, int], bool]  # (replications done, of) → go on?


class SimulationCancelledError(Exception):
    """The progress callback asked to stop."""


@dataclass(frozen=True, slots=True)
class SimulationOptions:
    """How long and how often to run; ``variability`` = "exponential" is for theory checks."""

    cases: int = 1000
    replications: int = 10
    warmup: int = 200
    seed: int = 1
    variability: Variability = "as-typed"


def simulate(
    process: Process, options: SimulationOptions, progress: Progress | None = None
) -> SimulationResult:
    """Simulate ``process``; SimulationError if it cannot be, SimulationCancelledError if told."""
    if options.cases < 1 or options.replications < 1 or options.warmup < 0:
        raise SimulationError("simulate at least 1 case in at least 1 replication")
    model = compile_model(process, options.variability)
    loads = expected_loads(model, process.runs_per_year)
    overloaded = [i for i, load in enumerate(loads) if load >= 1]
    runs: list[Replication] = []
    if not overloaded:
        for index in range(options.replications):
            seed = f"walkthrough-{options.seed}-{index}"
            runs.append(run_replication(model, seed, options.cases, options.warmup))
            if progress is not None and not progress(index + 1, options.replications):
                raise SimulationCancelledError
    lead = compute_metrics(process).lead_time_minutes
    return _summarise(model, options, runs, loads, lead, _warnings(model, loads, options))


def expected_loads(model: SimModel, runs_per_year: float) -> list[float]:
    """Per pool: arrivals × Σ visits × mean hands-on time ÷ (people × open minutes)."""
    work = [0.0] * len(model.pools)
    for position, index in enumerate(model.pool):
        if index >= 0:
            work[index] += model.visits[position] * mean_touch(model, position)
    loads = []
    for pool, minutes in zip(model.pools, work, strict=True):
        open_share = pool.calendar.open_share if pool.calendar else 1.0
        open_per_year = open_share * MINUTES_PER_WEEK * WEEKS_PER_YEAR
        loads.append(runs_per_year * minutes / (pool.people * open_per_year))
    return loads


def _warnings(model: SimModel, loads: Sequence[float], options: SimulationOptions) -> list[str]:
    notes = []
    for pool, load in zip(model.pools, loads, strict=True):
        if load >= 1:
            notes.append(
                f"'{pool.name}' gets {load:.0%} of the work {pool.people} "
                f"{'person' if pool.people == 1 else 'people'} can do: the queue grows "
                "without bound, so the lead time has no finite mean (add people or cut demand)"
            )
    if options.replications < 2:
        notes.append("one replication gives no confidence interval: run at least 2")
    return notes


def _summarise(
    model: SimModel,
    options: SimulationOptions,
    runs: Sequence[Replication],
    loads: Sequence[float],
    analytic: float,
    warnings: list[str],
) -> SimulationResult:
    pooled = sorted(value for run in runs for value in run.lead_times)
    edges, counts = histogram(pooled)
    stable = bool(runs)
    return SimulationResult(
        cases=options.cases,
        replications=options.replications,
        warmup=options.warmup,
        seed=options.seed,
        lead_time=_lead_time(runs, pooled) if stable else None,
        histogram_edges=tuple(edges),
        histogram_counts=tuple(counts),
        throughput_per_day=mean([r.completions / r.window * 1440 for r in runs])
        if stable
        else None,
        wip=mean([sum(r.lead_times) / r.window for r in runs]) if stable else None,
        roles=tuple(_role(model, runs, index, load) for index, load in enumerate(loads)),
        steps=tuple(_step(model, runs, position) for position in range(len(model.steps))),
        cost_per_case=mean([r.cost / options.cases for r in runs]) if stable else None,
        analytic_lead_time_minutes=analytic,
        warnings=tuple(warnings),
    )


def _lead_time(runs: Sequence[Replication], pooled: Sequence[float]) -> LeadTime:
    means = [mean(run.lead_times) for run in runs]
    return LeadTime(
        mean=mean(means),
        ci95=interval(means),
        p50=percentile(pooled, 0.50),
        p85=percentile(pooled, 0.85),
        p95=percentile(pooled, 0.95),
    )


def _role(model: SimModel, runs: Sequence[Replication], index: int, load: float) -> RoleResult:
    pool = model.pools[index]
    shares = [run.pool_work[index] / run.pool_open[index] for run in runs if run.pool_open[index]]
    utilisation = mean(shares) if shares else None
    open_per_day = 1440 * (pool.calendar.open_share if pool.calendar else 1.0)
    idle = None if utilisation is None else (1 - utilisation) * pool.people * open_per_day
    return RoleResult(pool.lane, pool.name, pool.people, utilisation, interval(shares), load, idle)


def _step(model: SimModel, runs: Sequence[Replication], position: int) -> StepResult:
    step = model.steps[position]
    waits = [
        r.step_wait[position] / r.step_visits[position] for r in runs if r.step_visits[position]
    ]
    queue = [r.step_wait[position] / r.window for r in runs if r.window > 0]
    return StepResult(
        step=step.id,
        name=step.name,
        mean_wait_minutes=mean(waits) if waits else None,
        ci95=interval(waits),
        mean_queue_length=mean(queue) if queue else None,
        interviewed_wait_minutes=step.wait_minutes,
        queue_of=model.pools[model.pool[position]].lane if model.pool[position] >= 0 else None,
    )
