"""Connecting, reconnecting, deleting and describing flows, refusing what would break the map."""

from __future__ import annotations

from dataclasses import replace

from app.editing.guard import guard
from app.editing.result import Edited, Refusal, quoted
from app.process.model import Flow, Process


def connect(process: Process, source: str, target: str, *, rework: bool = False) -> Edited:
    """A new flow from ``source`` to ``target`` (marked as sending work back if ``rework``)."""
    refusal = _connection_refusal(process, source, target, process.flows)
    if refusal is not None:
        return refusal
    flow = Flow(source, target, extra={"rework": True} if rework else {})
    return replace(process, flows=(*process.flows, flow))


def reconnect(
    process: Process,
    index: int,
    *,
    source: str | None = None,
    target: str | None = None,
    confirmed: bool = False,
) -> Edited:
    """A flow with another source or target; its label, share and mark stay.

    Refused (confirmable) when that cuts a step off or leaves one leading nowhere.
    """
    if not 0 <= index < len(process.flows):
        return Refusal("That flow is no longer on the map.")
    flow = process.flows[index]
    moved = replace(flow, source=source or flow.source, target=target or flow.target)
    others = process.flows[:index] + process.flows[index + 1 :]
    refusal = _connection_refusal(process, moved.source, moved.target, others)
    if refusal is not None:
        return refusal
    after = _with_flow(process, index, moved)
    if confirmed:
        return after
    names = process.step_by_id()
    doing = (
        f"Moving the flow from {quoted(names[flow.source].name)} to "
        f"{quoted(names[flow.target].name)}"
    )
    return guard(process, after, doing)


def delete_flow(process: Process, index: int, *, confirmed: bool = False) -> Edited:
    """A flow removed; refused (confirmable) when a step would be cut off or lead nowhere."""
    if not 0 <= index < len(process.flows):
        return Refusal("That flow is no longer on the map.")
    after = replace(process, flows=process.flows[:index] + process.flows[index + 1 :])
    if confirmed:
        return after
    names = process.step_by_id()
    flow = process.flows[index]
    doing = (
        f"Deleting the flow from {quoted(names[flow.source].name)} to "
        f"{quoted(names[flow.target].name)}"
    )
    return guard(process, after, doing)


def set_label(process: Process, index: int, label: str) -> Edited:
    """A flow with another label (an outcome such as "approved")."""
    if not 0 <= index < len(process.flows):
        return Refusal("That flow is no longer on the map.")
    return _with_flow(process, index, replace(process.flows[index], label=label.strip()))


def set_out_of_ten(process: Process, index: int, out_of_ten: float | None) -> Edited:
    """A flow's share as "how many out of 10" take it (None: share what is left equally)."""
    if not 0 <= index < len(process.flows):
        return Refusal("That flow is no longer on the map.")
    if out_of_ten is not None and not 0 <= out_of_ten <= 10:
        return Refusal(f"How many out of 10 must be from 0 to 10, not {out_of_ten:g}.")
    probability = None if out_of_ten is None else round(out_of_ten / 10, 6)
    return _with_flow(process, index, replace(process.flows[index], probability=probability))


def mark_send_back(process: Process, index: int, on: bool) -> Edited:
    """A flow marked (or no longer marked) as sending work back."""
    if not 0 <= index < len(process.flows):
        return Refusal("That flow is no longer on the map.")
    flow = process.flows[index]
    extra = {k: v for k, v in flow.extra.items() if k != "rework"}
    if on:
        extra["rework"] = True
    return _with_flow(process, index, replace(flow, extra=extra))


def _with_flow(process: Process, index: int, flow: Flow) -> Process:
    flows = list(process.flows)
    flows[index] = flow
    return replace(process, flows=tuple(flows))


def _connection_refusal(
    process: Process, source: str, target: str, others: tuple[Flow, ...]
) -> Refusal | None:
    steps = process.step_by_id()
    if source not in steps or target not in steps:
        return Refusal("Both steps must be on this map to connect them.")
    if source == target:
        return Refusal(f"{quoted(steps[source].name)} cannot lead to itself.")
    if steps[source].kind == "end":
        return Refusal(f"{quoted(steps[source].name)} is an end: work stops there.")
    if steps[target].kind == "start":
        return Refusal(f"Nothing leads into the start {quoted(steps[target].name)}.")
    if any(f.source == source and f.target == target for f in others):
        names = quoted(steps[source].name), quoted(steps[target].name)
        return Refusal(f"{names[0]} already leads to {names[1]}.")
    return None


def share_equally(process: Process, step_id: str) -> Edited:
    """Every way out of a step without a given share, so they share the work equally."""
    if step_id not in process.step_by_id():
        return Refusal(f"There is no step '{step_id}' on this map.")
    return replace(
        process,
        flows=tuple(
            replace(f, probability=None) if f.source == step_id else f for f in process.flows
        ),
    )
