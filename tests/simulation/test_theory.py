"""The engine against queueing theory where theory is exact (method.md, simulation)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.process.model import Flow, Process, Step
from app.simulation.simulate import SimulationOptions, simulate
from tests.analysis.builder import flow, nested_loops, process, sequential, step
from tests.simulation.helpers import feedback_pair, single_server

LONG = SimulationOptions(cases=20_000, replications=10, warmup=2_000, seed=7)
EXPONENTIAL = replace(LONG, variability="exponential")


def _inside(value: float, interval: tuple[float, float] | None) -> bool:
    assert interval is not None
    return interval[0] <= value <= interval[1]


def _branching_with_rework() -> Process:
    steps = [
        step("start", "start"),
        step("A", touch=10, wait=60),
        step("D", "decision", touch=5, wait=30),
        step("B", touch=20, wait=120),
        step("C", touch=3, wait=10),
        step("R", "approval", touch=2, wait=240),
        step("end", "end"),
    ]
    flows = [
        flow("start", "A"), flow("A", "D"), flow("D", "B", 0.3), flow("D", "C"),
        flow("B", "R"), flow("C", "R"), flow("R", "A", 0.25), flow("R", "end"),
    ]  # fmt: skip
    return process(steps, flows, runs=5000)


@pytest.mark.parametrize(
    "snapshot",
    [
        sequential([5, 10, 15], [60, 0, 600], runs=2000),
        replace(nested_loops(3, 0.2), runs_per_year=900),
        _branching_with_rework(),
    ],
    ids=["sequential", "nested-loops", "branches-and-rework"],
)
def test_unlimited_fixed_times_give_the_analytic_lead_time_within_one_percent(
    snapshot: Process,
) -> None:
    result = simulate(snapshot, SimulationOptions(cases=20_000, replications=5, warmup=0))
    assert result.lead_time is not None
    assert result.lead_time.mean == pytest.approx(result.analytic_lead_time_minutes, rel=0.01)


def test_one_person_fixed_time_waits_as_m_d_1() -> None:
    touch, per_minute = 10.0, 0.06  # ρ = 0.6
    result = simulate(single_server(touch, per_minute), LONG)
    theory = per_minute * touch**2 / (2 * (1 - per_minute * touch))  # λD² / 2(1 − ρ) = 7.5
    serve = result.steps[1]
    assert _inside(theory, serve.ci95), (theory, serve.ci95)


def test_one_person_exponential_time_waits_as_m_m_1() -> None:
    touch, per_minute = 10.0, 0.06
    result = simulate(single_server(touch, per_minute), EXPONENTIAL)
    mu = 1 / touch
    theory = per_minute * touch / (mu - per_minute)  # ρ / (μ − λ) = 15
    assert _inside(theory, result.steps[1].ci95), (theory, result.steps[1].ci95)


def test_a_jackson_network_with_feedback_waits_as_theory() -> None:
    per_minute, back = 0.08, 0.2
    result = simulate(feedback_pair(per_minute, back), EXPONENTIAL)
    visits = 1 / (1 - back)
    total = 0.0
    for position, mean_touch in ((1, 5.0), (2, 4.0)):
        rate = per_minute * visits
        theory = rate * mean_touch / (1 / mean_touch - rate)
        assert _inside(theory, result.steps[position].ci95), (position, result.steps[position])
        total += visits * (theory + mean_touch)
    assert result.lead_time is not None
    assert _inside(total, result.lead_time.ci95), (total, result.lead_time)


def test_a_queue_the_interview_typed_is_replaced_by_the_one_simulated() -> None:
    result = simulate(single_server(10.0, 0.001), SimulationOptions(cases=500, replications=3))
    serve = result.steps[1]
    assert serve.interviewed_wait_minutes == 999.0
    assert serve.mean_wait_minutes is not None
    assert serve.mean_wait_minutes < 1.0


def test_little_law_holds_for_work_in_progress() -> None:
    result = simulate(feedback_pair(0.05, 0.1), LONG)
    assert result.lead_time is not None
    assert result.wip is not None
    assert result.throughput_per_day is not None
    arrivals_per_day = 0.05 * 1440
    assert result.throughput_per_day == pytest.approx(arrivals_per_day, rel=0.02)
    assert result.wip == pytest.approx(0.05 * result.lead_time.mean, rel=0.02)


def test_a_queue_behind_an_outside_delay_still_waits_as_m_d_1() -> None:
    """Cases walked ahead through steps that wait for nobody join the queue in time order."""
    touch, per_minute = 10.0, 0.06
    plain = single_server(touch, per_minute)
    before = Step("pre", "in", "Prepare", "task", touch_minutes=5.0, wait_minutes=30.0)
    steps = (plain.steps[0], before, *plain.steps[1:])
    flows = (Flow("start", "pre"), Flow("pre", "serve"), plain.flows[1])
    result = simulate(replace(plain, steps=steps, flows=flows), LONG)
    theory = per_minute * touch**2 / (2 * (1 - per_minute * touch))
    assert _inside(theory, result.steps[2].ci95), (theory, result.steps[2].ci95)
    assert all(s.mean_wait_minutes is not None and s.mean_wait_minutes >= 0 for s in result.steps)
