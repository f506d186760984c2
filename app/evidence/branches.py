"""Branch shares said against recorded: out of each step that branches, which way cases went.

A recorded move out of a branching step follows the first of its flows that leads, through
unrecorded steps only, to the step recorded next (or to an end, when the case stops there).
Moves that no flow explains are deviations, counted among the arcs the map lacks, not here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from app.analysis.chain import build_chain
from app.evidence.paths import reach_through_silent
from app.evidence.stats import LogFigures
from app.process.model import Process, Step

_END = "\x00end"  # the case stopped after the step


@dataclass(frozen=True, slots=True)
class BranchShare:
    """One way out of a branching step: the share people said and the share recorded."""

    step: Step
    target: Step
    said: float
    moves: int
    recorded: float | None  # None when no recorded move out of the step is explained


def branch_shares(
    process: Process, figures: LogFigures, mapping: Mapping[str, str]
) -> tuple[BranchShare, ...]:
    """Every flow out of every step with several ways out, said against recorded."""
    chain = build_chain(process)
    visible = set(mapping.values())
    moves = _moves_between_steps(figures, mapping)
    shares: list[BranchShare] = []
    for index, edges in enumerate(chain.edges):
        step = chain.steps[index]
        if len(edges) < 2 or step.id not in visible:
            continue
        counts = _explained(
            process, step.id, [process.flows[e.flow].target for e in edges], moves, visible
        )
        total = sum(counts)
        for edge, count in zip(edges, counts, strict=True):
            target = chain.steps[edge.target]
            recorded = count / total if total else None
            shares.append(BranchShare(step, target, edge.probability, count, recorded))
    return tuple(shares)


def _moves_between_steps(
    figures: LogFigures, mapping: Mapping[str, str]
) -> Counter[tuple[str, str]]:
    """Recorded moves from step to step (or to the case's end), from the arcs and variants."""
    moves: Counter[tuple[str, str]] = Counter()
    for arc in figures.arcs:
        if arc.source in mapping and arc.target in mapping:
            moves[mapping[arc.source], mapping[arc.target]] += arc.count
    for variant in figures.variants:
        if variant.path[-1] in mapping:
            moves[mapping[variant.path[-1]], _END] += variant.count
    return moves


def _explained(
    process: Process,
    source: str,
    targets: list[str],
    moves: Counter[tuple[str, str]],
    visible: set[str],
) -> list[int]:
    """How many recorded moves out of ``source`` each flow (to ``targets``) explains."""
    reaches = [reach_through_silent(process, target, visible) for target in targets]
    counts = [0] * len(targets)
    for (start, arrival), count in moves.items():
        if start != source:
            continue
        for position, (reached, finishes) in enumerate(reaches):
            if (arrival == _END and finishes) or arrival in reached:
                counts[position] += count
                break
    return counts
