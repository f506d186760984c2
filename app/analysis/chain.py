"""The process read as an absorbing Markov chain (method.md, "The process model").

Steps are numbered by their position in the file. Each step's outgoing flows become edges with
a probability: a single flow has probability 1; where a step branches, given probabilities are
kept and the remainder is shared equally among the flows without one; a total that is not 1 is
reported and scaled to 1. End steps absorb: flows leaving an end are reported and ignored.
Flows to or from an unknown step are reported and ignored.

A flow the person marked as sending work back (``Flow.extra["rework"] is True``) is a rework
flow besides the back edges of the search from the start; a task whose ways out are one forward
flow plus such flows is not reported as branching.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from app.analysis.problems import Problem
from app.analysis.wording import percent, quoted_names
from app.process.model import BRANCHING_KINDS, Flow, Process, Step

SUM_TOLERANCE = 1e-6


class Edge(NamedTuple):
    """One usable flow: its index in ``process.flows``, the target's position, its probability.

    A named tuple rather than a dataclass: maps have thousands of them and this is cheaper.
    """

    flow: int
    target: int
    probability: float


@dataclass(frozen=True, slots=True)
class Chain:
    """Steps by position, each with its outgoing edges in file order, and the problems met."""

    steps: tuple[Step, ...]
    position: Mapping[str, int]
    edges: tuple[tuple[Edge, ...], ...]
    starts: tuple[int, ...]
    problems: tuple[Problem, ...]
    marked_rework: frozenset[int] = frozenset()

    @property
    def start(self) -> int | None:
        """The step the chain starts from: the first start step, if there is one."""
        return self.starts[0] if self.starts else None


def build_chain(process: Process) -> Chain:
    """Number the steps, give every usable flow its probability and note what is wrong."""
    position: dict[str, int] = {}
    for index, step in enumerate(process.steps):
        position.setdefault(step.id, index)
    problems: list[Problem] = []
    outgoing = _known_flows(process, position, problems)
    edges = tuple(
        _step_edges(step, outgoing[index], process.flows, problems)
        for index, step in enumerate(process.steps)
    )
    starts = tuple(i for i, step in enumerate(process.steps) if step.kind == "start")
    marked = frozenset(i for i, flow in enumerate(process.flows) if sends_work_back(flow))
    return Chain(process.steps, position, edges, starts, tuple(problems), marked)


def sends_work_back(flow: Flow) -> bool:
    """Whether the person marked this flow as sending work back (a rework flow)."""
    return flow.extra.get("rework") is True


def _known_flows(
    process: Process, position: Mapping[str, int], problems: list[Problem]
) -> list[list[tuple[int, int]]]:
    """Per step position, its outgoing (flow index, target position) pairs in file order."""
    outgoing: list[list[tuple[int, int]]] = [[] for _ in process.steps]
    for index, flow in enumerate(process.flows):
        source, target = position.get(flow.source), position.get(flow.target)
        if source is None or target is None:
            problems.append(_unknown_step(process, flow))
            continue
        outgoing[source].append((index, target))
    return outgoing


def _unknown_step(process: Process, flow: Flow) -> Problem:
    names = {step.id: step.name for step in process.steps}
    known = tuple(step_id for step_id in (flow.source, flow.target) if step_id in names)
    source = f"'{names[flow.source]}'" if flow.source in names else f"unknown step '{flow.source}'"
    target = f"'{names[flow.target]}'" if flow.target in names else f"unknown step '{flow.target}'"
    message = f"A flow goes from {source} to {target}; it is left out of the metrics."
    return Problem("unknown_step", message, known)


def _step_edges(
    step: Step, pairs: Sequence[tuple[int, int]], flows: Sequence[Flow], problems: list[Problem]
) -> tuple[Edge, ...]:
    if step.kind == "end":
        if pairs:
            message = f"'{step.name}' is an end step but has flows going out; they are ignored."
            problems.append(Problem("end_has_flows", message, (step.id,)))
        return ()
    if (
        len(pairs) > 1
        and step.kind not in BRANCHING_KINDS
        and not _forward_plus_rework(pairs, flows)
    ):
        message = (
            f"'{step.name}' is a {step.kind} step but has {len(pairs)} ways out: only decisions "
            "and approvals branch, so it is treated as a decision."
        )
        problems.append(Problem("task_branches", message, (step.id,)))
    probabilities = _probabilities(step, [flows[i].probability for i, _ in pairs], problems)
    return tuple(
        Edge(flow, target, p) for (flow, target), p in zip(pairs, probabilities, strict=True)
    )


def _forward_plus_rework(pairs: Sequence[tuple[int, int]], flows: Sequence[Flow]) -> bool:
    """One forward way out plus flows marked as sending work back: a check, not a branch."""
    return sum(1 for index, _ in pairs if not sends_work_back(flows[index])) == 1


def _probabilities(
    step: Step, given: Sequence[float | None], problems: list[Problem]
) -> list[float]:
    """Kept, shared and scaled probabilities of one step's flows (method.md)."""
    if len(given) <= 1:
        return [1.0] * len(given)
    raw, given_total = share_remainder(given)
    total = sum(raw)
    if given_total > 1 + SUM_TOLERANCE:
        problems.append(_sum_problem("probabilities_over_one", step, given_total))
    elif abs(total - 1) > SUM_TOLERANCE:
        problems.append(_sum_problem("probabilities_not_one", step, total))
    if total <= 0:
        return [1 / len(raw)] * len(raw)
    return [p / total for p in raw]


def share_remainder(given: Sequence[float | None]) -> tuple[list[float], float]:
    """Keep the given probabilities, share what is left of 1 equally among the others.

    Returns the probabilities (not yet scaled) and the total of the given ones. Negative
    probabilities count as 0.
    """
    given_total = sum(max(p, 0.0) for p in given if p is not None)
    missing = sum(1 for p in given if p is None)
    share = max(0.0, 1.0 - given_total) / missing if missing else 0.0
    return [share if p is None else max(p, 0.0) for p in given], given_total


def _sum_problem(code: str, step: Step, total: float) -> Problem:
    message = (
        f"The probabilities of the ways out of '{step.name}' add up to {percent(total)}; "
        "the metrics scale them to 100 %."
    )
    return Problem(code, message, (step.id,))


def step_names(chain: Chain, positions: Sequence[int]) -> str:
    """The quoted names of the steps at ``positions``, in file order."""
    return quoted_names([chain.steps[i].name for i in sorted(positions)])
