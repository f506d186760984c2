"""Which sequences of steps the map allows, seen through the steps a log can record.

A step no activity is mapped to (the start and end events, a phone call no system logs) is
silent: the map allows a→b when a flow path leads from a to b through silent steps only. A case
fits when its first step can follow the start this way, each next step can follow the one before,
and an end (or a step with no way out) can follow its last.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from app.process.model import Flow, Process

_BEGIN = "\x00begin"  # the moment before the first step of a case


@dataclass(frozen=True, slots=True)
class AllowedPaths:
    """For each visible step (and the beginning), the visible steps that may come next."""

    follows: dict[str, frozenset[str]]
    may_finish: frozenset[str]

    def allows_arc(self, source: str, target: str) -> bool:
        return target in self.follows.get(source, frozenset())

    def allows(self, steps: Sequence[str]) -> bool:
        """Whether the map allows a case that went through ``steps`` in this order."""
        if not steps:
            return False
        previous = _BEGIN
        for step in steps:
            if not self.allows_arc(previous, step):
                return False
            previous = step
        return previous in self.may_finish


def allowed_paths(process: Process, visible: Collection[str]) -> AllowedPaths:
    """The moves the map allows between the ``visible`` steps (ids that activities map to)."""
    outgoing = process.outgoing()
    kinds = {step.id: step.kind for step in process.steps}
    visible = set(visible)
    follows: dict[str, frozenset[str]] = {}
    may_finish = set()
    for source in [*visible, _BEGIN]:
        firsts = _starts(process) if source == _BEGIN else [f.target for f in outgoing[source]]
        reached, finishes = _reach(firsts, outgoing, kinds, visible)
        follows[source] = frozenset(reached)
        if finishes or (source != _BEGIN and (kinds[source] == "end" or not outgoing[source])):
            may_finish.add(source)
    return AllowedPaths(follows, frozenset(may_finish))


def reach_through_silent(
    process: Process, first: str, visible: Collection[str]
) -> tuple[set[str], bool]:
    """The visible steps a flow into ``first`` can lead to next, and whether it can end there."""
    kinds = {step.id: step.kind for step in process.steps}
    return _reach([first], process.outgoing(), kinds, set(visible))


def _starts(process: Process) -> list[str]:
    """The start steps; without any, the steps no flow leads to."""
    starts = [step.id for step in process.steps if step.kind == "start"]
    if starts:
        return starts
    targets = {flow.target for flow in process.flows}
    return [step.id for step in process.steps if step.id not in targets]


def _reach(
    firsts: list[str],
    outgoing: dict[str, list[Flow]],
    kinds: Mapping[str, str],
    visible: Collection[str],
) -> tuple[set[str], bool]:
    """The visible steps reached from ``firsts`` through silent ones; whether an end was too."""
    reached: set[str] = set()
    seen: set[str] = set()
    finishes = False
    queue = list(firsts)
    while queue:
        step = queue.pop()
        if step in visible:
            reached.add(step)
            continue
        if step in seen or step not in kinds:
            continue
        seen.add(step)
        flows = outgoing.get(step, [])
        finishes = finishes or kinds[step] == "end" or not flows
        queue.extend(flow.target for flow in flows)
    return reached, finishes
