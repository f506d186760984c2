"""Which step of the map each account's step is: its own id when told into the map, else the
map step a person confirmed it matches (through any chain of confirmed one-to-one matches)."""

from __future__ import annotations

from collections.abc import Sequence

from app.accounts.decisions import Decision
from app.accounts.differences import Account
from app.process.model import Process

Node = tuple[int, str]  # (interview from 1, step id); interview 0 is the map itself
MAP = 0


def map_links(
    process: Process, accounts: Sequence[Account], decisions: Sequence[Decision]
) -> dict[Node, str]:
    """Each (interview, step id) that is a step of the map, with that map step's id.

    A group of confirmed matches holding two map steps links none of them (a contradiction a
    person must settle; the panel still lists the matches).
    """
    parent: dict[Node, Node] = {}
    map_ids = {step.id for step in process.steps}
    for account in accounts:
        if account.on_map:
            for step in account.process.steps:
                if step.id in map_ids:
                    _union(parent, (account.interview, step.id), (MAP, step.id))
    for decision in decisions:
        if decision.confirmed and len(decision.a_steps) == len(decision.b_steps) == 1:
            _union(parent, (decision.a, decision.a_steps[0]), (decision.b, decision.b_steps[0]))
    groups: dict[Node, list[Node]] = {}
    for node in parent:
        groups.setdefault(_find(parent, node), []).append(node)
    links: dict[Node, str] = {}
    for members in groups.values():
        on_map = [step for interview, step in members if interview == MAP]
        if len(on_map) == 1:
            links.update({node: on_map[0] for node in members if node[0] != MAP})
    return links


def _find(parent: dict[Node, Node], node: Node) -> Node:
    root = parent.setdefault(node, node)
    while root != parent[root]:
        root = parent[root]
    while node != root:  # path compression
        parent[node], node = root, parent[node]
    return root


def _union(parent: dict[Node, Node], left: Node, right: Node) -> None:
    root_left, root_right = _find(parent, left), _find(parent, right)
    if root_left != root_right:
        parent[root_right] = root_left
