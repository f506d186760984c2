"""Big process snapshots for benchmarks (and anyone who needs a large map)."""

from __future__ import annotations

import itertools

from app.process.model import Flow, Lane, Process, Step, StepKind

_LANES = (Lane("clerk", "Clerk"), Lane("manager", "Manager", hourly_rate=90.0), Lane("erp", "ERP"))


def _step(index: int, kind: StepKind) -> Step:
    return Step(
        id=f"s{index}",
        lane=_LANES[index // 7 % len(_LANES)].id,
        name=f"Step {index}",
        kind=kind,
        touch_minutes=float(5 + index % 11),
        wait_minutes=float(index % 13 * 30),
        value="value-added" if index % 5 == 0 else None,
    )


def _process(name: str, steps: list[Step], flows: list[Flow]) -> Process:
    return Process(
        name=name,
        runs_per_year=1000,
        hourly_rate=45,
        lanes=_LANES,
        steps=tuple(steps),
        flows=tuple(flows),
    )


def sequential_process(size: int) -> Process:
    """``size`` steps in a line: a start, tasks, an end."""
    tasks: list[StepKind] = ["task"] * (size - 2)
    kinds: list[StepKind] = ["start", *tasks, "end"]
    steps = [_step(i, kind) for i, kind in enumerate(kinds)]
    flows = [Flow(a.id, b.id) for a, b in itertools.pairwise(steps)]
    return _process(f"Sequential {size}", steps, flows)


def looped_process(size: int, loops: int) -> Process:
    """``size`` steps in a line, cut into ``loops`` equal stretches; the last step of each stretch
    is an approval that sends 20 % of the work back to the stretch's first step."""
    stretch = max(2, (size - 2) // max(loops, 1))
    steps, flows = [_step(0, "start")], []
    for index in range(1, size - 1):
        closes_loop = index % stretch == 0 and index // stretch <= loops
        steps.append(_step(index, "approval" if closes_loop else "task"))
        flows.append(Flow(steps[-2].id, steps[-1].id))
        if closes_loop:
            flows.append(Flow(steps[-1].id, f"s{index - stretch + 1}", probability=0.2))
    steps.append(_step(size - 1, "end"))
    flows.append(Flow(steps[-2].id, steps[-1].id))
    return _process(f"{size} steps, {loops} loops", steps, flows)
