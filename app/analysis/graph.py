"""Graph walks without recursion, so a map of 10,000 steps never meets Python's recursion limit."""

from __future__ import annotations

from collections import deque
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

Successors = Sequence[Sequence[int]]


def strongly_connected_components(
    successors: Successors, roots: Iterable[int] | None = None
) -> list[list[int]]:
    """Tarjan's algorithm, iterative; components come out in reverse topological order.

    Only nodes reachable from ``roots`` are visited (all nodes when ``roots`` is None).
    """
    count = len(successors)
    index = [-1] * count
    low = [0] * count
    on_stack = [False] * count
    stack: list[int] = []
    components: list[list[int]] = []
    counter = 0
    for root in range(count) if roots is None else roots:
        if index[root] != -1:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        path, children = [root], [iter(successors[root])]
        while path:
            node = path[-1]
            for child in children[-1]:
                if index[child] == -1:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack[child] = True
                    path.append(child)
                    children.append(iter(successors[child]))
                    break
                if on_stack[child] and index[child] < low[node]:
                    low[node] = index[child]
            else:
                path.pop()
                children.pop()
                if path and low[node] < low[path[-1]]:
                    low[path[-1]] = low[node]
                if low[node] == index[node]:
                    components.append(_pop_component(stack, on_stack, node))
    return components


def _pop_component(stack: list[int], on_stack: list[bool], root: int) -> list[int]:
    component: list[int] = []
    while True:
        node = stack.pop()
        on_stack[node] = False
        component.append(node)
        if node == root:
            return component


@dataclass(frozen=True, slots=True)
class DepthFirst:
    """A depth-first search from one node, children taken in the order given.

    ``back_edges`` are (source, child index) pairs whose target was on the search path when
    met; ``parent`` is each reached node's parent in the search tree (-1 for the root and for
    nodes not reached; a node first reached by a deferred edge has that edge's source).
    ``finished`` lists the reached nodes as the search leaves them: read backwards it is a
    topological order of the graph without its back edges and deferred edges.
    """

    reached: tuple[bool, ...]
    parent: tuple[int, ...]
    back_edges: tuple[tuple[int, int], ...]
    finished: tuple[int, ...]

    def tree_path(self, ancestor: int, node: int) -> list[int]:
        """The tree path from ``ancestor`` down to ``node`` (both included)."""
        path = [node]
        while path[-1] != ancestor and self.parent[path[-1]] != -1:
            path.append(self.parent[path[-1]])
        return path[::-1]


def depth_first(
    successors: Successors, root: int, *, deferred: Sequence[Container[int]] | None = None
) -> DepthFirst:
    """Walk from ``root``, children in order; note the tree and the back edges.

    ``deferred[node]`` holds child positions walked only after everything else: such an edge
    is a back edge when its target is on the search path, and otherwise starts a later walk
    if its target is still unseen (so an edge the person marked as sending work back is never
    what makes an ordinary edge look like one).
    """
    walk = _Walk(len(successors))
    pending: deque[tuple[int, int]] = deque([(-1, root)])
    while pending:
        source, node = pending.popleft()
        if walk.state[node] == 0:
            walk.parent[node] = source
            walk.run(node, successors, deferred or (), pending)
    reached = tuple(s > 0 for s in walk.state)
    return DepthFirst(reached, tuple(walk.parent), tuple(walk.back_edges), tuple(walk.finished))


class _Walk:
    """The state of one depth-first search: 0 unseen, 1 on the search path, 2 done."""

    def __init__(self, count: int) -> None:
        self.state = [0] * count
        self.parent = [-1] * count
        self.back_edges: list[tuple[int, int]] = []
        self.finished: list[int] = []

    def run(
        self,
        root: int,
        successors: Successors,
        deferred: Sequence[Container[int]],
        pending: deque[tuple[int, int]],
    ) -> None:
        """Walk the tree under ``root``, leaving deferred edges to ``pending``."""
        state, parent = self.state, self.parent
        state[root] = 1
        work = [(root, 0)]
        while work:
            node, next_child = work[-1]
            children = successors[node]
            if next_child == len(children):
                state[node] = 2
                self.finished.append(node)
                work.pop()
                continue
            work[-1] = (node, next_child + 1)
            child = children[next_child]
            if state[child] == 1:
                self.back_edges.append((node, next_child))
            elif node < len(deferred) and next_child in deferred[node]:
                if state[child] == 0:
                    pending.append((node, child))
            elif state[child] == 0:
                state[child] = 1
                parent[child] = node
                work.append((child, 0))
