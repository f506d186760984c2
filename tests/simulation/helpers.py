"""Process snapshots for the simulation tests: queues whose theory is known."""

from __future__ import annotations

from typing import Any

from app.process.model import Flow, Lane, Process, Step, StepKind

MINUTES_PER_YEAR = 525_600


def lane(lane_id: str, people: int | None = None, **extra: Any) -> Lane:
    """A lane; ``people`` None = unlimited."""
    fields = dict(extra) if people is None else {"people": people, **extra}
    return Lane(lane_id, f"Lane {lane_id}", extra=fields)


def step(
    step_id: str, lane_id: str, kind: StepKind = "task", touch: float = 0.0, wait: float = 0.0,
    **extra: Any,
) -> Step:  # fmt: skip
    """A step named after its id."""
    return Step(step_id, lane_id, f"Step {step_id}", kind, touch, wait, extra=extra)


def process(
    lanes: list[Lane], steps: list[Step], flows: list[Flow], per_minute: float, rate: float = 60
) -> Process:
    """A process with ``per_minute`` arrivals a minute on average."""
    return Process(
        name="Queue",
        runs_per_year=per_minute * MINUTES_PER_YEAR,
        hourly_rate=rate,
        lanes=tuple(lanes),
        steps=tuple(steps),
        flows=tuple(flows),
    )


def single_server(touch: float, per_minute: float) -> Process:
    """start → serve (one person, ``touch`` minutes) → end."""
    return process(
        [lane("desk", 1), lane("in")],
        [step("start", "in", "start"), step("serve", "desk", touch=touch, wait=999.0),
         step("end", "in", "end")],
        [Flow("start", "serve"), Flow("serve", "end")],
        per_minute,
    )  # fmt: skip


def feedback_pair(per_minute: float, back: float) -> Process:
    """start → A (one person, 5 min) → B (one person, 4 min) → end; B sends ``back`` to A."""
    return process(
        [lane("a", 1), lane("b", 1), lane("in")],
        [step("start", "in", "start"), step("A", "a", touch=5.0),
         step("B", "b", "decision", touch=4.0), step("end", "in", "end")],
        [Flow("start", "A"), Flow("A", "B"), Flow("B", "A", probability=back),
         Flow("B", "end")],
        per_minute,
    )  # fmt: skip
