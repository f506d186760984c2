"""Swimlane layout against process size: 100, 300 and 1,000 steps (aims: ratio < 12, < 150 ms)."""

from __future__ import annotations

import random
from functools import partial

from app.process.model import Flow, Lane, Process, Step, StepKind
from app.swimlane.layout import layout_swimlanes
from bench.core import Report, median_ms
from bench.generate import looped_process


def sample_process(step_count: int, lane_count: int, *, seed: int = 4) -> Process:
    """A main line with decisions that skip ahead or send work back, spread over the lanes."""
    rng = random.Random(seed)
    lanes = tuple(Lane(f"l{i}", f"Lane {i}") for i in range(lane_count))
    steps = [Step("s0", "l0", "Start", kind="start")]
    flows: list[Flow] = []
    for index in range(1, step_count):
        kind: StepKind = "end" if index == step_count - 1 else _kind(rng)
        lane = lanes[rng.randrange(lane_count)].id
        steps.append(Step(f"s{index}", lane, f"Step {index} of the sample process", kind=kind))
        flows.append(Flow(f"s{index - 1}", f"s{index}", "Yes" if index % 2 else "", 0.8))
        previous = steps[index - 1]
        if previous.kind in ("decision", "approval") and index > 1:
            jump = rng.randint(-8, 4)
            target = min(max(0, index - 1 + jump), step_count - 1)
            flows.append(Flow(previous.id, f"s{target}", "No", None))
    return Process(name=f"{step_count} steps", lanes=lanes, steps=tuple(steps), flows=tuple(flows))


def _kind(rng: random.Random) -> StepKind:
    roll = rng.random()
    if roll < 0.15:
        return "decision"
    if roll < 0.25:
        return "approval"
    return "task"


def run(report: Report) -> None:
    """Add the layout rows and the 1,000 vs 100 ratio."""
    cases = (
        ("layout 100 steps", sample_process(100, 6)),
        ("layout 300 steps", sample_process(300, 12)),
        ("layout 1000 steps (30 lanes)", sample_process(1000, 30)),
    )
    for name, process in cases:
        # More runs for the small case: its median is the ratio's denominator.
        repeat = 21 if len(process.steps) <= 100 else 9
        report.add(name, median_ms(partial(layout_swimlanes, process), repeat=repeat))
    report.add_ratio(
        "layout 1000 steps (30 lanes)", "layout 100 steps", note="aim < 12; 1000 steps < 150 ms"
    )
    for count in (300, 1000):
        process = looped_process(count, count // 30)
        sections = len(layout_swimlanes(process).sections)
        report.add(
            f"layout {count} steps, 3 lanes (folded)",
            median_ms(partial(layout_swimlanes, process), repeat=5),
            note=f"{sections} sections",
        )


if __name__ == "__main__":
    rows = Report()
    run(rows)
    print(rows.render())
