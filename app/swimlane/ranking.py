"""Which column each step goes in: a depth-first search finds the back edges, then longest paths.

Back edges are method.md's rework flows: back edges of a depth-first search from the start,
flows taken in file order. Ignoring them leaves a DAG, and a step's column is one more than the
largest column of the steps feeding it, so a step sits right of everything that feeds it and
no column is ever empty. Steps the start does not reach are searched afterwards, first from
those with no incoming flow, then in step order. All walks are iterative (1,000-step chains).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.process.model import Flow, Process, Step

_UNSEEN, _ON_PATH, _DONE = 0, 1, 2


@dataclass(frozen=True, slots=True)
class IndexedFlow:
    """A flow whose two ends exist, with its position in ``process.flows``."""

    index: int
    flow: Flow

    @property
    def source(self) -> str:
        return self.flow.source

    @property
    def target(self) -> str:
        return self.flow.target


@dataclass(frozen=True, slots=True)
class Ranking:
    """The steps kept (first of each id), the usable flows, the back edges and the columns.

    ``order`` lists the step ids so that every forward flow goes from earlier to later.
    """

    steps: tuple[Step, ...]
    flows: tuple[IndexedFlow, ...]
    back_edges: frozenset[int]
    columns: dict[str, int]
    order: tuple[str, ...]


def rank_steps(process: Process) -> Ranking:
    """Place every step in a column following the flow from the start."""
    steps = unique_steps(process.steps)
    ids = {step.id for step in steps}
    flows = tuple(
        IndexedFlow(index, flow)
        for index, flow in enumerate(process.flows)
        if flow.source in ids and flow.target in ids
    )
    outgoing = _outgoing(steps, flows)
    back_edges, finish_order = _depth_first(placement_roots(steps, flows), outgoing)
    order = tuple(reversed(finish_order))
    columns = _longest_path_columns(order, outgoing, back_edges)
    return Ranking(steps, flows, back_edges, columns, order)


def unique_steps(steps: Sequence[Step]) -> tuple[Step, ...]:
    """The steps in file order, keeping the first of any repeated id."""
    seen: dict[str, Step] = {}
    for step in steps:
        seen.setdefault(step.id, step)
    return tuple(seen.values())


def placement_roots(steps: Sequence[Step], flows: Sequence[IndexedFlow]) -> list[str]:
    """Where the searches begin: the start, then steps nobody feeds, then every step."""
    targets = {flow.target for flow in flows}
    starts = [step.id for step in steps if step.kind == "start"][:1]
    unfed = [step.id for step in steps if step.id not in targets]
    return starts + unfed + [step.id for step in steps]


def _outgoing(steps: Sequence[Step], flows: Sequence[IndexedFlow]) -> dict[str, list[IndexedFlow]]:
    outgoing: dict[str, list[IndexedFlow]] = {step.id: [] for step in steps}
    for flow in flows:
        outgoing[flow.source].append(flow)
    return outgoing


def _depth_first(
    roots: Sequence[str], outgoing: dict[str, list[IndexedFlow]]
) -> tuple[frozenset[int], list[str]]:
    """Back edges (flow indexes) and the finishing order of a search from each root in turn."""
    state = dict.fromkeys(outgoing, _UNSEEN)
    back: set[int] = set()
    finished: list[str] = []
    for root in roots:
        if state[root] != _UNSEEN:
            continue
        state[root] = _ON_PATH
        work = [(root, 0)]
        while work:
            node, next_child = work[-1]
            children = outgoing[node]
            if next_child == len(children):
                state[node] = _DONE
                finished.append(node)
                work.pop()
                continue
            work[-1] = (node, next_child + 1)
            flow = children[next_child]
            if state[flow.target] == _UNSEEN:
                state[flow.target] = _ON_PATH
                work.append((flow.target, 0))
            elif state[flow.target] == _ON_PATH:
                back.add(flow.index)
    return frozenset(back), finished


def _longest_path_columns(
    order: Sequence[str], outgoing: dict[str, list[IndexedFlow]], back_edges: frozenset[int]
) -> dict[str, int]:
    """Column = longest chain of forward flows leading to the step (sources in column 0)."""
    columns = dict.fromkeys(order, 0)
    for node in order:
        for flow in outgoing[node]:
            if flow.index not in back_edges:
                columns[flow.target] = max(columns[flow.target], columns[node] + 1)
    return columns
