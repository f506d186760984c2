"""Checks of a map that is being drawn: everything wrong or missing, reported and never raised.

Incomplete maps are normal mid-interview, so every check says what is missing in one plain
sentence and names its steps; the metrics go on with what can be computed.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.analysis.chain import Chain, build_chain, step_names
from app.analysis.graph import DepthFirst, depth_first
from app.analysis.problems import Problem
from app.analysis.visits import has_way_out, live_edges, loop_components
from app.process.model import BRANCHING_KINDS, Process, Step

NEVER_REJECTED = "never_rejected"  # Step.extra key: an approval that is only ever signed off

__all__ = ["Problem", "check_chain", "check_map"]


def check_map(process: Process) -> tuple[Problem, ...]:
    """Every problem of the map, in a stable order: start, flows, reach, dead ends, loops."""
    return check_chain(build_chain(process))


def check_chain(
    chain: Chain,
    *,
    search: DepthFirst | None = None,
    components: Sequence[Sequence[int]] | None = None,
) -> tuple[Problem, ...]:
    """The problems of a map already read as a chain (see ``check_map``).

    ``search`` (the depth-first search from the start) and ``components`` (``loop_components``)
    are computed when not given.
    """
    if not chain.steps:
        return (Problem("empty", "The map has no steps yet: add the step where it starts."),)
    if search is None and chain.start is not None:
        search = search_from_start(chain)
    return (
        *_start_problems(chain),
        *chain.problems,
        *_unreachable(chain, search),
        *_dead_ends(chain),
        *_trapped_loops(chain, loop_components(chain) if components is None else components),
        *_one_way_decisions(chain),
    )


def search_from_start(chain: Chain) -> DepthFirst | None:
    """The depth-first search from the start step along all flows, in file order; the flows
    marked as sending work back are deferred (see ``graph.depth_first``)."""
    if chain.start is None:
        return None
    successors = [[edge.target for edge in edges] for edges in chain.edges]
    deferred = [
        {i for i, edge in enumerate(edges) if edge.flow in chain.marked_rework}
        for edges in chain.edges
    ]
    return depth_first(successors, chain.start, deferred=deferred)


def _ids(chain: Chain, positions: Sequence[int]) -> tuple[str, ...]:
    return tuple(chain.steps[i].id for i in sorted(positions))


def _start_problems(chain: Chain) -> list[Problem]:
    if not chain.starts:
        message = "The map has no start step: mark where the process begins to get its metrics."
        return [Problem("no_start", message)]
    if len(chain.starts) == 1:
        return []
    first = chain.steps[chain.starts[0]].name
    message = (
        f"The map has {len(chain.starts)} start steps ({step_names(chain, chain.starts)}); "
        f"the metrics start from the first, '{first}'."
    )
    return [Problem("several_starts", message, _ids(chain, chain.starts))]


def _unreachable(chain: Chain, search: DepthFirst | None) -> list[Problem]:
    if search is None:
        return []
    lost = [i for i, seen in enumerate(search.reached) if not seen]
    if not lost:
        return []
    verb = "is" if len(lost) == 1 else "are"
    message = f"{step_names(chain, lost)} {verb} not reached from the start: connect or remove."
    return [Problem("unreachable", message, _ids(chain, lost))]


def _dead_ends(chain: Chain) -> list[Problem]:
    problems = []
    for index, step in enumerate(chain.steps):
        if step.kind != "end" and not chain.edges[index]:
            message = f"'{step.name}' leads nowhere: say what happens next, or make it an end."
            problems.append(Problem("dead_end", message, (step.id,)))
    return problems


def _trapped_loops(chain: Chain, components: Sequence[Sequence[int]]) -> list[Problem]:
    """Loops that keep all of their work: the one case where no metric can be computed."""
    live = live_edges(chain)
    problems = []
    for component in reversed(components):
        members = set(component)
        first = component[0]
        is_loop = len(component) > 1 or any(edge.target == first for edge in live[first])
        if is_loop and not has_way_out(component, live, members):
            message = (
                f"{step_names(chain, component)} form a loop with no way out: work that gets "
                "there never ends, so add the flow that leaves the loop."
            )
            problems.append(Problem("trapped_loop", message, _ids(chain, component)))
    return problems


def never_rejected(step: Step) -> bool:
    """An approval the person said is never turned down: one way out is then its whole story
    (and the approval finding says it only adds waiting)."""
    return step.kind == "approval" and step.extra.get(NEVER_REJECTED) is True


def _one_way_decisions(chain: Chain) -> list[Problem]:
    problems = []
    for index, step in enumerate(chain.steps):
        one_way = step.kind in BRANCHING_KINDS and len(chain.edges[index]) == 1
        if one_way and not never_rejected(step):
            outcome = "it is rejected" if step.kind == "approval" else "the answer is no"
            message = f"'{step.name}' has only one way out: what happens when {outcome}?"
            problems.append(Problem("one_way_decision", message, (step.id,)))
    return problems
