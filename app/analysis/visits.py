"""Expected visits per step: ``v = e_start + Qᵀ v``, solved one strongly connected part at a time.

The steps reachable from the start are split into strongly connected components (Tarjan) and
taken in topological order, so every step's inflow from earlier parts is known when its part
is solved. A part without a loop is one division-free line; a loop is solved by Gaussian
elimination on that part only. Sequential maps therefore cost time linear in their steps.
"""

from __future__ import annotations

from collections.abc import Collection, Container, Sequence
from dataclasses import dataclass

from app.analysis.chain import Chain, Edge
from app.analysis.graph import DepthFirst, strongly_connected_components

# A pivot this small means the part keeps (almost) all of its work: a loop with no way out.
_SINGULAR = 1e-12
# Less than this leaving a loop counts as nothing leaving it.
_LEAK = 1e-9


@dataclass(frozen=True, slots=True)
class VisitSolution:
    """Visits by step position, or the first loop with no way out met on the way."""

    visits: tuple[float, ...]
    trapped: tuple[int, ...] = ()


def solve_visits(
    chain: Chain, start: int, *, components: Sequence[Sequence[int]] | None = None
) -> VisitSolution:
    """Expected visits from ``start``.

    ``components`` are the strongly connected components of the flows that can carry work,
    in reverse topological order (``loop_components``); computed when not given.
    """
    edges = live_edges(chain)
    if components is None:
        successors = [[edge.target for edge in step_edges] for step_edges in edges]
        components = strongly_connected_components(successors, [start])
    inflow = [0.0] * len(edges)
    inflow[start] = 1.0
    visits = [0.0] * len(edges)
    for component in reversed(components):
        if not any(inflow[node] for node in component):
            continue  # never reached from the start
        solved = _solve_component(component, edges, inflow)
        if solved is None:
            return VisitSolution(tuple(visits), tuple(sorted(component)))
        for node, value in zip(component, solved, strict=True):
            visits[node] = value
            for edge in edges[node]:
                inflow[edge.target] += value * edge.probability
    return VisitSolution(tuple(visits))


def first_pass_visits(
    chain: Chain, search: DepthFirst, rework: Collection[int]
) -> tuple[float, ...]:
    """Visits when no rework flow is ever taken: the share it would carry leaves the chain.

    Without the back edges of ``search`` and the flows it deferred (those marked as sending
    work back, all in ``rework``) the reached steps form no loop, so one sweep in reverse
    finishing order (a topological order) adds up each step's probability from the start.
    """
    visits = [0.0] * len(chain.steps)
    if not search.finished or chain.start is None:
        return tuple(visits)
    visits[chain.start] = 1.0
    for node in reversed(search.finished):
        value = visits[node]
        if value:
            for edge in chain.edges[node]:
                if edge.flow not in rework:
                    visits[edge.target] += value * edge.probability
    return tuple(visits)


def live_edges(chain: Chain) -> list[tuple[Edge, ...]]:
    """Edges that can carry work: those of positive probability."""
    return [
        tuple(edge for edge in step_edges if edge.probability > 0) for step_edges in chain.edges
    ]


def loop_components(chain: Chain) -> list[list[int]]:
    """Strongly connected components of the live edges, all steps, reverse topological order."""
    successors = [[edge.target for edge in step_edges] for step_edges in live_edges(chain)]
    return strongly_connected_components(successors)


def _solve_component(
    component: Sequence[int], edges: Sequence[Sequence[Edge]], inflow: list[float]
) -> list[float] | None:
    """Visits of one part from its inflow, with the inflow inside it taken out again."""
    if len(component) == 1:
        node = component[0]
        stay = sum(edge.probability for edge in edges[node] if edge.target == node)
        if 1 - stay < _SINGULAR:
            return None
        return [inflow[node] / (1 - stay)]
    members = {node: local for local, node in enumerate(component)}
    matrix = [[0.0] * len(component) for _ in component]
    for node, local in members.items():
        matrix[local][local] = 1.0
        for edge in edges[node]:
            target = members.get(edge.target)
            if target is not None:
                # Row = receiving step, column = sending step: (I − Qᵀ) restricted to the part.
                matrix[target][local] -= edge.probability
    if not has_way_out(component, edges, members):
        return None
    return solve_linear(matrix, [inflow[node] for node in component])


def has_way_out(
    component: Sequence[int], edges: Sequence[Sequence[Edge]], members: Container[int]
) -> bool:
    """Whether some work can leave the part: a step whose flows inside add up to less than 1."""
    for node in component:
        inside = sum(edge.probability for edge in edges[node] if edge.target in members)
        if inside < 1 - _LEAK:
            return True
    return False


def solve_linear(matrix: list[list[float]], rhs: list[float]) -> list[float] | None:
    """Solve ``matrix · x = rhs`` in place by Gaussian elimination; None if singular.

    No pivoting is needed: ``I − Qᵀ`` of a chain is column diagonally dominant (each step's
    probabilities add up to at most 1), a property elimination keeps. Zero entries are
    skipped, so the sparse rows of a process map stay cheap.
    """
    size = len(rhs)
    right_of_pivot: list[list[int]] = []
    for col in range(size):
        pivot_row = matrix[col]
        pivot = pivot_row[col]
        if abs(pivot) < _SINGULAR:
            return None
        used = [k for k in range(col + 1, size) if pivot_row[k] != 0.0]
        right_of_pivot.append(used)
        for row in range(col + 1, size):
            factor = matrix[row][col]
            if factor == 0.0:
                continue
            factor /= pivot
            target_row = matrix[row]
            for k in used:
                target_row[k] -= factor * pivot_row[k]
            rhs[row] -= factor * rhs[col]
    result = [0.0] * size
    for row in range(size - 1, -1, -1):
        known = sum(matrix[row][k] * result[k] for k in right_of_pivot[row])
        result[row] = (rhs[row] - known) / matrix[row][row]
    return result
