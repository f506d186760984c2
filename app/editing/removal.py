"""Deleting steps while keeping the way through: predecessors connect to successors."""

from __future__ import annotations

from dataclasses import replace

from app.analysis.chain import share_remainder
from app.analysis.wording import quoted_names
from app.editing.guard import guard
from app.editing.result import Edited, Refusal, quoted
from app.process.model import Flow, Process


def delete_step(process: Process, step_id: str, *, confirmed: bool = False) -> Edited:
    """``process`` without a step; each flow into it is bridged to each of its ways out.

    A bridged flow's share is the share into the step times the share of the way out (a step
    with one way out passes its incoming share on as it is); a send-back mark is kept. When
    that still cuts a step off or leaves one leading nowhere (deleting an end), the deletion
    is refused unless ``confirmed``.
    """
    after = _without_step(process, step_id)
    if isinstance(after, Refusal) or confirmed:
        return after
    return guard(process, after, f"Deleting {quoted(process.step_by_id()[step_id].name)}")


def _without_step(process: Process, step_id: str) -> Edited:
    step = process.step_by_id().get(step_id)
    if step is None:
        return Refusal(f"There is no step '{step_id}' on this map.")
    starts = [s for s in process.steps if s.kind == "start"]
    if step.kind == "start" and len(starts) == 1:
        return Refusal(f"{quoted(step.name)} is the start: the map needs one to begin.")
    outgoing = [f for f in process.flows if f.source == step_id and f.target != step_id]
    shares = _out_shares(outgoing)
    flows: list[Flow] = []
    for flow in process.flows:
        if flow.target == step_id and flow.source != step_id:
            flows.extend(_bridge(flow, outgoing, shares))
        elif step_id not in (flow.source, flow.target):
            flows.append(flow)
    return replace(
        process,
        steps=tuple(s for s in process.steps if s.id != step_id),
        flows=_merged(flows),
        actions=tuple(
            replace(a, steps=tuple(i for i in a.steps if i != step_id)) if step_id in a.steps else a
            for a in process.actions
        ),
    )


def delete_steps(process: Process, step_ids: list[str], *, confirmed: bool = False) -> Edited:
    """Several steps deleted as one edit (refused if any one is, or if together they cut a
    step off, unless ``confirmed``)."""
    result: Edited = process
    for step_id in step_ids:
        if isinstance(result, Refusal):
            return result
        result = _without_step(result, step_id)
    if isinstance(result, Refusal) or confirmed:
        return result
    names = quoted_names([s.name for s in process.steps if s.id in set(step_ids)])
    return guard(process, result, f"Deleting {names}")


def _out_shares(outgoing: list[Flow]) -> list[float | None]:
    if len(outgoing) <= 1:
        return [None] * len(outgoing)
    raw, _ = share_remainder([f.probability for f in outgoing])
    total = sum(raw)
    return [p / total if total > 0 else 1 / len(raw) for p in raw]


def _bridge(into: Flow, outgoing: list[Flow], shares: list[float | None]) -> list[Flow]:
    bridged = []
    for out, share in zip(outgoing, shares, strict=True):
        if out.target == into.source:
            continue  # the step was the whole loop: nothing is left to go round
        probability = into.probability
        if share is not None:
            probability = round((1.0 if probability is None else probability) * share, 6)
        label = out.label if len(outgoing) > 1 else into.label
        extra = {**out.extra, **into.extra}
        bridged.append(
            replace(into, target=out.target, probability=probability, label=label, extra=extra)
        )
    return bridged


def _merged(flows: list[Flow]) -> tuple[Flow, ...]:
    """One flow per (source, target): shares of flows that now coincide are added."""
    kept: dict[tuple[str, str], Flow] = {}
    for flow in flows:
        key = (flow.source, flow.target)
        first = kept.get(key)
        if first is None:
            kept[key] = flow
        elif first.probability is not None and flow.probability is not None:
            kept[key] = replace(first, probability=round(first.probability + flow.probability, 6))
    return tuple(kept.values())
