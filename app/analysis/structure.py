"""The walks every analysis of one snapshot shares: the chain, its loops and the search from start.

Metrics and findings both need them; ``map_structure`` keeps the last one it built, keyed by
the identity of the (immutable) snapshot, so analysing a process walks its map once.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from app.analysis.chain import Chain, build_chain
from app.analysis.graph import DepthFirst
from app.analysis.validate import search_from_start
from app.analysis.visits import loop_components
from app.process.model import Process


@dataclass(frozen=True, slots=True)
class MapStructure:
    """A snapshot read as a chain, its strongly connected components (reverse topological
    order, flows that carry work) and the depth-first search from the start (None without one)."""

    chain: Chain
    components: list[list[int]]
    search: DepthFirst | None


_last: list[tuple[Process, MapStructure]] = []
_lock = threading.Lock()


def map_structure(process: Process) -> MapStructure:
    """The structure of ``process``, reused when the same snapshot object is asked for again."""
    with _lock:
        if _last and _last[0][0] is process:
            return _last[0][1]
    chain = build_chain(process)
    structure = MapStructure(chain, loop_components(chain), search_from_start(chain))
    with _lock:
        _last[:] = [(process, structure)]
    return structure
