"""Graph walks without recursion, so a map of 10,000 steps never meets Python's recursion limit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
    nodes not reached). ``finished`` lists the reached nodes as the search leaves them: read
    backwards it is a topological order of the graph without its back edges.
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


def depth_first(successors: Successors, root: int) -> DepthFirst:
    """Walk from ``root``, children in order; note the tree and the back edges."""
    state = [0] * len(successors)  # 0 unseen, 1 on the search path, 2 done
    parent = [-1] * len(successors)
    back_edges: list[tuple[int, int]] = []
    finished: list[int] = []
    state[root] = 1
    work = [(root, 0)]
    while work:
        node, next_child = work[-1]
        children = successors[node]
        if next_child == len(children):
            state[node] = 2
            finished.append(node)
            work.pop()
            continue
        work[-1] = (node, next_child + 1)
        child = children[next_child]
        if state[child] == 0:
            state[child] = 1
            parent[child] = node
            work.append((child, 0))
        elif state[child] == 1:
            back_edges.append((node, next_child))
    reached = tuple(s > 0 for s in state)
    return DepthFirst(reached, tuple(parent), tuple(back_edges), tuple(finished))
