"""Small helpers that build process snapshots in code for the analysis tests."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from app.process.model import Flow, Lane, Process, Step, StepKind


def step(
    step_id: str,
    kind: StepKind = "task",
    *,
    touch: float = 0.0,
    wait: float = 0.0,
    lane: str = "a",
    **fields: Any,
) -> Step:
    """A step named after its id (``"A"`` → ``"Step A"``)."""
    return Step(
        step_id, lane, f"Step {step_id}", kind, touch_minutes=touch, wait_minutes=wait, **fields
    )


def flow(source: str, target: str, probability: float | None = None) -> Flow:
    return Flow(source, target, probability=probability)


def process(
    steps: Sequence[Step],
    flows: Sequence[Flow],
    *,
    lanes: Sequence[Lane] | None = None,
    runs: float = 0.0,
    rate: float = 0.0,
) -> Process:
    """A process; without ``lanes``, one lane without a rate per lane id the steps use."""
    if lanes is None:
        ids = dict.fromkeys(s.lane for s in steps)
        lanes = [Lane(lane_id, f"Lane {lane_id}") for lane_id in ids]
    return Process(
        name="Test process",
        runs_per_year=runs,
        hourly_rate=rate,
        lanes=tuple(lanes),
        steps=tuple(steps),
        flows=tuple(flows),
    )


def sequential(
    touches: Sequence[float], waits: Sequence[float] | None = None, **options: Any
) -> Process:
    """start → t0 → t1 → … → end, the tasks with the given touch and wait minutes."""
    waits = waits if waits is not None else [0.0] * len(touches)
    tasks = [
        step(f"t{i}", touch=touch, wait=wait)
        for i, (touch, wait) in enumerate(zip(touches, waits, strict=True))
    ]
    steps = [step("start", "start"), *tasks, step("end", "end")]
    flows = [flow(a.id, b.id) for a, b in itertools.pairwise(steps)]
    return process(steps, flows, **options)


def nested_loops(depth: int, back: float) -> Process:
    """start → A1 → … → Ak → Dk → … → D1 → end; decision Di sends work back to Ai.

    Loop i holds loops i+1…k, so v(Ai) = v(Di) = (1 − back)^−i and first-pass yield is
    (1 − back)^k.
    """
    opens = [step(f"A{i}", touch=1.0) for i in range(1, depth + 1)]
    closes = [step(f"D{i}", "decision", touch=1.0) for i in range(depth, 0, -1)]
    steps = [step("start", "start"), *opens, *closes, step("end", "end")]
    flows = []
    for current, following in itertools.pairwise(steps):
        if current.kind == "decision":
            flows.append(flow(current.id, "A" + current.id[1:], back))
        flows.append(flow(current.id, following.id))
    return process(steps, flows)
