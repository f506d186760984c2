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
    return replace(
        process,
        steps=tuple(s for s in process.steps if s.id != step_id),
        flows=_bridged(process, step_id),
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


def _bridged(process: Process, step_id: str) -> tuple[Flow, ...]:
    """The flows without those of ``step_id``, each flow into it bridged to its ways out.

    A bridge takes the place of the flow into the step; one that joins an existing flow adds
    its share to it. Other flows keep their index where they can (see ``_fill_holes``).
    """
    outgoing = [f for f in process.flows if f.source == step_id and f.target != step_id]
    shares = _out_shares(outgoing)
    slots: list[Flow | None] = [
        None if step_id in (f.source, f.target) else f for f in process.flows
    ]
    where: dict[tuple[str, str], int] = {}
    for index, flow in enumerate(slots):
        if flow is not None:
            where.setdefault((flow.source, flow.target), index)
    for index, flow in enumerate(process.flows):
        if flow.target != step_id or flow.source == step_id:
            continue
        for bridge in _bridge(flow, outgoing, shares):
            _place(slots, where, index, bridge)
    return _fill_holes(slots)


def _place(
    slots: list[Flow | None], where: dict[tuple[str, str], int], index: int, bridge: Flow
) -> None:
    key = (bridge.source, bridge.target)
    if key in where:
        first = slots[where[key]]
        if first is not None and first.probability is not None and bridge.probability is not None:
            total = round(first.probability + bridge.probability, 6)
            slots[where[key]] = replace(first, probability=total)
        return
    if slots[index] is None:
        slots[index] = bridge
        where[key] = index
    else:
        slots.append(bridge)
        where[key] = len(slots) - 1


def _fill_holes(slots: list[Flow | None]) -> tuple[Flow, ...]:
    """Close each hole with the last flow when that keeps every step's ways out in order (so
    the flows after the hole keep their index and the map redraws only what changed), else by
    moving the later flows up."""
    flows = list(slots)
    while True:
        while flows and flows[-1] is None:
            flows.pop()
        if None not in flows:
            return tuple(f for f in flows if f is not None)
        hole = flows.index(None)
        last = flows[-1]
        assert last is not None
        later = flows[hole + 1 : -1]
        if any(f is not None and f.source == last.source for f in later):
            flows.pop(hole)
        else:
            flows[hole] = flows.pop()
