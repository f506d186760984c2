"""The engine beside SimPy, an independent reference, on a network with a shared role."""

from __future__ import annotations

import random
import statistics

import pytest

from app.process.model import Flow, Process
from app.simulation.simulate import SimulationOptions, simulate
from app.simulation.stats import interval
from tests.simulation.helpers import lane, process, step

simpy = pytest.importorskip("simpy", reason="SimPy is the test-only reference engine")

PER_MINUTE, BACK, CASES, WARMUP = 0.04, 0.15, 4000, 400
TOUCH = {"A": 10.0, "B": 12.0, "C": 6.0}
ROLE = {"A": "clerk", "B": "manager", "C": "clerk"}


def _shared() -> Process:
    """start → A (clerks) → B (manager; 15 % back to A) → C (clerks) → end."""
    return process(
        [lane("clerk", 2), lane("manager", 1), lane("in")],
        [step("start", "in", "start"), step("A", "clerk", touch=10.0),
         step("B", "manager", "approval", touch=12.0), step("C", "clerk", touch=6.0),
         step("end", "in", "end")],
        [Flow("start", "A"), Flow("A", "B"), Flow("B", "A", probability=BACK), Flow("B", "C"),
         Flow("C", "end")],
        PER_MINUTE,
    )  # fmt: skip


def _simpy_mean(seed: int) -> float:
    rng = random.Random(seed)
    env = simpy.Environment()
    pools = {"clerk": simpy.Resource(env, 2), "manager": simpy.Resource(env, 1)}
    leads: list[float] = []

    def case(index: int) -> object:
        arrived, name = env.now, "A"
        while name != "end":
            with pools[ROLE[name]].request() as turn:
                yield turn
                yield env.timeout(rng.expovariate(1 / TOUCH[name]))
            name = {"A": "B", "C": "end"}.get(name) or ("A" if rng.random() < BACK else "C")
        if index >= WARMUP:
            leads.append(env.now - arrived)

    def source() -> object:
        for index in range(WARMUP + CASES):
            yield env.timeout(rng.expovariate(PER_MINUTE))
            env.process(case(index))

    env.process(source())
    env.run()
    return statistics.fmean(leads)


def test_the_engine_and_simpy_agree_on_the_mean_lead_time() -> None:
    options = SimulationOptions(CASES, 8, WARMUP, seed=2, variability="exponential")
    ours = simulate(_shared(), options).lead_time
    theirs = [_simpy_mean(seed) for seed in range(8)]
    reference = interval(theirs)
    assert ours is not None
    assert ours.ci95 is not None
    assert reference is not None
    # the two 95 % intervals overlap: the engines do not differ beyond their noise
    assert ours.ci95[0] <= reference[1], (ours, reference)
    assert reference[0] <= ours.ci95[1], (ours, reference)
