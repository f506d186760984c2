"""The metrics of method.md, exactly as defined there, on one process snapshot.

``v(s)`` is the expected number of times step ``s`` runs per run of the process (see
``visits.py``). Touch, wait and lead time, value-added time, handoffs and cost are sums of
``v(s)`` times a step's figures; a reader can check each one with a pencil.

First-pass yield is the probability of reaching an end step without taking any rework flow.
It is computed on the same chain with the rework flows removed but the other probabilities
unchanged: the share that would have been sent back leaves the chain, and since removing the
back edges of a depth-first search leaves no loop, the first-pass visits of the end steps are
plain probabilities whose sum is the yield. A run that stops in a dead end (a step that is not
an end and leads nowhere) does not count as reaching an end.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from app.analysis.chain import Chain, step_names
from app.analysis.graph import DepthFirst
from app.analysis.problems import Problem
from app.analysis.structure import map_structure
from app.analysis.validate import check_chain
from app.analysis.visits import VisitSolution, first_pass_visits, solve_visits
from app.process.model import Process


def _no_visits() -> dict[str, float]:
    return {}


@dataclass(frozen=True, slots=True)
class Metrics:
    """The figures of method.md's metric table for one process; durations in minutes.

    ``computable`` is False when there is no start step or the work can get caught in a loop
    with no way out: the figures that need visits are then 0 and ``problems`` says why.
    ``first_pass_visits`` are the visits when no rework flow is ever taken.
    """

    touch_minutes: float = 0.0
    wait_minutes: float = 0.0
    lead_time_minutes: float = 0.0
    value_added_minutes: float = 0.0
    pce: float = 0.0
    handoffs: float = 0.0
    approvals: int = 0
    cost_per_run: float = 0.0
    annual_cost: float = 0.0
    first_pass_yield: float = 0.0
    visits: Mapping[str, float] = field(default_factory=_no_visits)
    rework_flows: tuple[int, ...] = ()
    problems: tuple[Problem, ...] = ()
    computable: bool = False
    first_pass_visits: Mapping[str, float] = field(default_factory=_no_visits)


def compute_metrics(process: Process) -> Metrics:
    """All metrics of ``process``; never raises on an incomplete or broken map."""
    structure = map_structure(process)
    chain, components, search = structure.chain, structure.components, structure.search
    problems = check_chain(chain, search=search, components=components)
    approvals = sum(1 for step in process.steps if step.kind == "approval")
    if chain.start is None or search is None:
        return Metrics(approvals=approvals, problems=problems)
    rework = rework_flows(chain, search)
    solution = solve_visits(chain, chain.start, components=components)
    if solution.trapped:
        return Metrics(approvals=approvals, problems=_with_trapped(problems, chain, solution))
    first_pass = first_pass_visits(chain, search, frozenset(rework))
    return _figures(process, chain, solution.visits, first_pass, rework, problems)


def _with_trapped(
    problems: tuple[Problem, ...], chain: Chain, solution: VisitSolution
) -> tuple[Problem, ...]:
    """The problems, with the loop the solver found keeping its work when the map's own check
    saw a way out of it (a share so small, 1e-179, that no work ever takes it)."""
    if any(p.code == "trapped_loop" for p in problems):
        return problems
    ids = tuple(chain.steps[i].id for i in solution.trapped)
    message = (
        f"{step_names(chain, solution.trapped)} form a loop that almost never lets work out "
        "(its way out has a share too small to count): check the shares of its flows."
    )
    return (*problems, Problem("trapped_loop", message, ids))


def rework_flows(chain: Chain, search: DepthFirst) -> tuple[int, ...]:
    """Indices (into ``process.flows``) of the rework flows: the back edges of ``search``, the
    depth-first search from the start (see ``validate.search_from_start``), and the usable
    flows the person marked as sending work back."""
    back = {chain.edges[source][child].flow for source, child in search.back_edges}
    marked = {edge.flow for edges in chain.edges for edge in edges} & chain.marked_rework
    return tuple(sorted(back | marked))


def _figures(
    process: Process,
    chain: Chain,
    visits: tuple[float, ...],
    first_pass: tuple[float, ...],
    rework: tuple[int, ...],
    problems: tuple[Problem, ...],
) -> Metrics:
    steps = chain.steps
    touch = sum(v * step.touch_minutes for v, step in zip(visits, steps, strict=True))
    wait = sum(v * step.wait_minutes for v, step in zip(visits, steps, strict=True))
    value_added = sum(
        v * step.touch_minutes
        for v, step in zip(visits, steps, strict=True)
        if step.value == "value-added"
    )
    lead = touch + wait
    cost = cost_per_run(process, visits)
    return Metrics(
        touch_minutes=touch,
        wait_minutes=wait,
        lead_time_minutes=lead,
        value_added_minutes=value_added,
        pce=value_added / lead if lead > 0 else 0.0,
        handoffs=handoffs(chain, visits),
        approvals=sum(1 for step in steps if step.kind == "approval"),
        cost_per_run=cost,
        annual_cost=cost * process.runs_per_year,
        first_pass_yield=_first_pass_yield(chain, first_pass),
        visits=_by_id(chain, visits),
        rework_flows=rework,
        problems=problems,
        computable=True,
        first_pass_visits=_by_id(chain, first_pass),
    )


def _by_id(chain: Chain, values: tuple[float, ...]) -> dict[str, float]:
    return {step.id: value for step, value in zip(chain.steps, values, strict=True)}


def handoffs(chain: Chain, visits: tuple[float, ...]) -> float:
    """Σ over flows a→b with lane(a) ≠ lane(b) of v(a) · p(flow)."""
    total = 0.0
    for source, edges in enumerate(chain.edges):
        lane = chain.steps[source].lane
        for edge in edges:
            if chain.steps[edge.target].lane != lane:
                total += visits[source] * edge.probability
    return total


def lane_rates(process: Process) -> dict[str, float]:
    """The hourly rate of work in each lane: its own, else the process rate."""
    lane_ids = dict.fromkeys([lane.id for lane in process.lanes] + [s.lane for s in process.steps])
    return {lane_id: process.lane_rate(lane_id) for lane_id in lane_ids}


def cost_per_run(process: Process, visits: tuple[float, ...]) -> float:
    """Σ v(s) · touch(s)/60 · hourly rate of s's lane (else the process rate)."""
    rates = lane_rates(process)
    return sum(
        v * step.touch_minutes / 60 * rates[step.lane]
        for v, step in zip(visits, process.steps, strict=True)
    )


def _first_pass_yield(chain: Chain, first_pass: tuple[float, ...]) -> float:
    reached = sum(v for v, step in zip(first_pass, chain.steps, strict=True) if step.kind == "end")
    return min(1.0, max(0.0, reached))
