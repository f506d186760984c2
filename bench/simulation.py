"""Simulation speed: 10,000 cases through a 50-step map with shared roles and 5 % rework,
beside SimPy (when installed) running the same compiled model; and what the plan's simulation
section (four scenarios at the default 10 × 1,000 cases) adds to a 60-step PDF."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Generator
from dataclasses import replace
from typing import Any

from app.process.model import Process
from app.process.staffing import with_people
from app.simulation.engine import run_replication
from app.simulation.model import SimModel, compile_model
from app.simulation.planned import forget_results
from app.simulation.simulate import expected_loads
from bench.core import Report, median_ms
from bench.generate import looped_process

CASES = 10_000
PEOPLE = {"clerk": 3, "manager": 2}
TARGET_LOAD = 0.8


def benchmark_process() -> Process:
    """50 steps over three lanes (3 clerks, 2 managers, an unlimited ERP), 5 % sent back."""
    base = looped_process(50, 5)
    flows = tuple(
        replace(flow, probability=0.05) if flow.probability is not None else flow
        for flow in base.flows
    )
    lanes = tuple(with_people(lane, PEOPLE.get(lane.id)) for lane in base.lanes)
    staffed = replace(base, lanes=lanes, flows=flows)
    busiest = max(expected_loads(compile_model(staffed), staffed.runs_per_year))
    return replace(staffed, runs_per_year=staffed.runs_per_year * TARGET_LOAD / busiest)


def _simpy_run(model: SimModel, seed: int) -> None:
    import simpy

    rng = random.Random(seed)
    env = simpy.Environment()
    pools = [simpy.Resource(env, pool.people) for pool in model.pools]

    def case() -> Generator[Any, Any, None]:
        step = model.start
        while step >= 0:
            touch = model.touch[step][0]
            if model.pool[step] >= 0:
                yield env.timeout(model.delay[step])
                with pools[model.pool[step]].request() as turn:
                    yield turn
                    yield env.timeout(touch)
            else:
                yield env.timeout(model.delay[step] + touch)
            step = _route(model, step, rng)

    def source() -> Generator[Any, Any, None]:
        for _ in range(CASES):
            yield env.timeout(rng.expovariate(model.arrivals_per_minute))
            env.process(case())

    env.process(source())
    env.run()


def _route(model: SimModel, step: int, rng: random.Random) -> int:
    targets = model.targets[step]
    if len(targets) <= 1:
        return targets[0] if targets else -1
    draw = rng.random()
    for target, edge in zip(targets, model.cumulative[step], strict=True):
        if draw < edge:
            return target
    return targets[-1]


def _cpu_ms(action: Callable[[], object]) -> float:
    """The CPU time of one run, which other processes on the machine do not inflate."""
    start = time.process_time()
    action()
    return (time.process_time() - start) * 1000


def _plan_with_scenarios(size: int) -> Process:
    """A ``size``-step staffed map with four scenarios chosen for the plan."""
    base = benchmark_process() if size == 50 else looped_process(size, max(1, size // 20))
    lanes = tuple(with_people(lane, PEOPLE.get(lane.id)) for lane in base.lanes)
    staffed = replace(base, lanes=lanes)
    busiest = max(expected_loads(compile_model(staffed), staffed.runs_per_year))
    scenarios = [
        {"name": name, "demand": demand, "people": people, "in_plan": True}
        for name, demand, people in (
            ("Today", 1.0, {}),
            ("Volume +20 %", 1.2, {}),
            ("One more clerk", 1.2, {"clerk": 4}),
            ("One more manager", 1.2, {"manager": 3}),
        )
    ]
    extra = {"simulation_scenarios": scenarios}
    return replace(staffed, runs_per_year=staffed.runs_per_year * 0.7 / busiest, extra=extra)


def plan_rows(report: Report) -> None:
    """The PDF plan of 60 steps with its four simulated scenarios, and without any."""
    import tempfile
    from pathlib import Path

    from app.export.pdf import PlanOptions, write_plan_pdf

    options = PlanOptions(page_size="A4", invariant=True)
    chosen = _plan_with_scenarios(60)
    plain = replace(chosen, extra={})
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.pdf"
        name, baseline = "pdf plan 60 steps, 4 simulated scenarios", "pdf plan 60 steps, none"

        def export_afresh() -> None:
            forget_results()  # as the first export after opening the app
            write_plan_pdf(chosen, path, options=options)

        report.add(name, median_ms(export_afresh, repeat=3))
        report.add(
            baseline, median_ms(lambda: write_plan_pdf(plain, path, options=options), repeat=3)
        )
    report.add_ratio(name, baseline, note="the simulation section's share of the export")


def run(report: Report) -> None:
    plan_rows(report)
    model = compile_model(benchmark_process())
    ours = "simulate 10,000 cases, 50 steps"
    cpu = _cpu_ms(lambda: run_replication(model, "bench", CASES, 0))
    note = f"CPU {cpu:.0f} ms (wall time includes other work on a shared machine); goal < 2 s"
    report.add(
        ours, median_ms(lambda: run_replication(model, "bench", CASES, 0), repeat=3), note=note
    )
    try:
        import simpy  # noqa: F401
    except ImportError:
        report.add("simulate with SimPy", 0.0, note="SimPy not installed: pip install simpy")
        return
    report.add("simulate with SimPy", median_ms(lambda: _simpy_run(model, 1), repeat=3))
    report.add_ratio(ours, "simulate with SimPy", note="the app's engine against SimPy")
