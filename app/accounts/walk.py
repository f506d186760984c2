"""One account's steps in the order they are told: from the start, the first way out first."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from app.process.model import Lane, Process, Step


@dataclass(frozen=True, slots=True)
class Walk:
    """The steps of an account with their order along the flow and what comes before each."""

    process: Process
    steps: dict[str, Step]
    order: dict[str, int]  # place of each step in the told order, 0 = first
    before: dict[str, tuple[str, ...]]  # the steps with a flow into each step
    after: dict[str, tuple[str, ...]]  # the steps each step flows to
    lanes: dict[str, Lane]

    @property
    def described(self) -> list[str]:
        """Every step id in the told order."""
        return sorted(self.steps, key=self.order.__getitem__)

    def place(self, step_id: str) -> float:
        """Where a step stands in the flow, 0 (first) to 1 (last)."""
        last = max(len(self.order) - 1, 1)
        return self.order[step_id] / last

    def lane_name(self, step_id: str) -> str:
        lane = self.lanes.get(self.steps[step_id].lane)
        return lane.name if lane else self.steps[step_id].lane

    def pairs(self) -> Iterator[tuple[str, str]]:
        """Consecutive steps: one with a single way out into one with a single way in."""
        for step_id in self.described:
            ways = self.after[step_id]
            if len(ways) == 1 and len(self.before[ways[0]]) == 1:
                yield step_id, ways[0]


def walk_of(process: Process) -> Walk:
    """The told order: a depth-first walk from the start step(s), flows in file order; steps
    no flow reaches come after, in file order."""
    after: dict[str, list[str]] = {step.id: [] for step in process.steps}
    before: dict[str, list[str]] = {step.id: [] for step in process.steps}
    for flow in process.flows:
        if flow.source in after and flow.target in before:
            after[flow.source].append(flow.target)
            before[flow.target].append(flow.source)
    starts = [s.id for s in process.steps if s.kind == "start"] or [
        s.id for s in process.steps if not before[s.id]
    ]
    order: dict[str, int] = {}
    for start in starts:
        _visit(start, after, order)
    for step in process.steps:
        order.setdefault(step.id, len(order))
    return Walk(
        process,
        {step.id: step for step in process.steps},
        order,
        {key: tuple(value) for key, value in before.items()},
        {key: tuple(value) for key, value in after.items()},
        process.lane_by_id(),
    )


def _visit(start: str, after: dict[str, list[str]], order: dict[str, int]) -> None:
    stack = [start]
    while stack:
        step_id = stack.pop()
        if step_id in order:
            continue
        order[step_id] = len(order)
        stack.extend(reversed([s for s in after[step_id] if s not in order]))
