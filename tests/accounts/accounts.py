"""Accounts to compare: a process told once, and the same process told again with known edits."""

from __future__ import annotations

import dataclasses

from app.process.model import Flow, Lane, Process, Step

VERBS = ("Check", "Log", "Approve", "Send", "Scan", "File", "Review", "Pay", "Sign", "Archive")
OBJECTS = ("invoice", "order", "request", "receipt", "contract", "budget", "payment", "ticket")


def told(count: int, *, decision_at: int | None = None) -> Process:
    """A sequential account of ``count`` tasks over three lanes, optionally one decision."""
    lanes = (Lane("ap", "Accounts payable"), Lane("bh", "Budget holder"), Lane("fi", "Finance"))
    steps = [Step("s0", "ap", "An invoice arrives", "start")]
    for n in range(1, count + 1):
        name = f"{VERBS[n % len(VERBS)]} {OBJECTS[(n * 3) % len(OBJECTS)]} {n}"
        kind = "decision" if n == decision_at else "task"
        lane = lanes[n % 3].id
        steps.append(Step(f"s{n}", lane, name, kind, touch_minutes=5 + n, wait_minutes=60 * n))
    steps.append(Step(f"s{count + 1}", "fi", "Invoice paid", "end"))
    flows = [Flow(f"s{n}", f"s{n + 1}") for n in range(count + 1)]
    if decision_at is not None:
        flows = [
            dataclasses.replace(f, probability=0.8) if f.source == f"s{decision_at}" else f
            for f in flows
        ]
        flows.append(Flow(f"s{decision_at}", f"s{count + 1}", "No", 0.2))
    return Process(name="Pay invoices", lanes=lanes, steps=tuple(steps), flows=tuple(flows))


def renamed_ids(process: Process) -> Process:
    """The same account with other ids for every step and lane."""
    step_ids = {s.id: f"x{i}" for i, s in enumerate(reversed(process.steps))}
    lane_ids = {lane.id: f"lane-{i}" for i, lane in enumerate(process.lanes)}
    return dataclasses.replace(
        process,
        lanes=tuple(dataclasses.replace(lane, id=lane_ids[lane.id]) for lane in process.lanes),
        steps=tuple(
            dataclasses.replace(s, id=step_ids[s.id], lane=lane_ids[s.lane]) for s in process.steps
        ),
        flows=tuple(
            dataclasses.replace(f, source=step_ids[f.source], target=step_ids[f.target])
            for f in process.flows
        ),
    )


def without_step(process: Process, step_id: str) -> Process:
    """The account of someone who never mentions ``step_id`` (its neighbours joined)."""
    into = [f for f in process.flows if f.target == step_id]
    out = [f for f in process.flows if f.source == step_id]
    kept = [f for f in process.flows if step_id not in (f.source, f.target)]
    joined = [dataclasses.replace(i, target=o.target) for i in into for o in out[:1]]
    steps = tuple(s for s in process.steps if s.id != step_id)
    return dataclasses.replace(process, steps=steps, flows=tuple(kept + joined))


def swapped(process: Process, first: str, second: str) -> Process:
    """``first`` and ``second`` (consecutive) told the other way round."""

    def swap(step_id: str) -> str:
        return {first: second, second: first}.get(step_id, step_id)

    flows = tuple(
        dataclasses.replace(f, source=swap(f.source), target=swap(f.target)) for f in process.flows
    )
    return dataclasses.replace(process, flows=flows)


def changed_step(process: Process, step_id: str, **changes: object) -> Process:
    steps = tuple(
        dataclasses.replace(s, **changes) if s.id == step_id else s  # type: ignore[arg-type]
        for s in process.steps
    )
    return dataclasses.replace(process, steps=steps)
