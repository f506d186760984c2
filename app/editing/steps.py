"""Adding, removing and changing steps without losing the way through the map."""

from __future__ import annotations

from dataclasses import replace

from app.analysis.chain import sends_work_back
from app.analysis.validate import NEVER_REJECTED
from app.editing.guard import guard
from app.editing.order import move_in_order, position_of, with_step_at
from app.editing.result import Edited, Refusal, fresh_id, quoted
from app.process.model import Flow, Process, Step, StepKind

NEW_STEP_NAME = "New step"
EDITABLE_KINDS: tuple[StepKind, ...] = ("task", "approval", "decision", "end")


def new_step(process: Process, lane: str, name: str = NEW_STEP_NAME) -> Step:
    """A task with a fresh id in ``lane``."""
    return Step(fresh_id("s", {step.id for step in process.steps}), lane, name)


def insert_after(process: Process, step_id: str, name: str = NEW_STEP_NAME) -> Edited:
    """A new step right after ``step_id``: it takes over the step's ways out."""
    step = process.step_by_id().get(step_id)
    if step is None:
        return Refusal(f"There is no step '{step_id}' on this map.")
    if step.kind == "end":
        return Refusal(f"{quoted(step.name)} is an end: nothing comes after it, insert before it.")
    ways_out = [i for i, f in enumerate(process.flows) if f.source == step_id]
    if len(ways_out) > 1:  # its outcomes stay its own: the new step goes on the first one
        forward = [i for i in ways_out if not sends_work_back(process.flows[i])] or ways_out
        return insert_on_flow(process, forward[0], name=name)
    added = new_step(process, step.lane, name)
    flows = [replace(f, source=added.id) if f.source == step_id else f for f in process.flows]
    flows.append(Flow(step_id, added.id))
    edited = replace(process, flows=tuple(flows))
    return with_step_at(edited, added, (position_of(process, step_id) or 0) + 1)


def insert_before(process: Process, step_id: str, name: str = NEW_STEP_NAME) -> Edited:
    """A new step right before ``step_id``: the flows into the step now go into it."""
    step = process.step_by_id().get(step_id)
    if step is None:
        return Refusal(f"There is no step '{step_id}' on this map.")
    if step.kind == "start":
        return Refusal(f"{quoted(step.name)} is the start: nothing comes before it.")
    added = new_step(process, step.lane, name)
    flows = [replace(f, target=added.id) if f.target == step_id else f for f in process.flows]
    flows.append(Flow(added.id, step_id))
    edited = replace(process, flows=tuple(flows))
    return with_step_at(edited, added, position_of(process, step_id) or 0)


def insert_on_flow(
    process: Process, flow_index: int, lane: str | None = None, name: str = NEW_STEP_NAME
) -> Edited:
    """A new step in the middle of a flow (in ``lane``, else the source's lane).

    The first half keeps the flow's label, share and send-back mark; the second is plain.
    """
    if not 0 <= flow_index < len(process.flows):
        return Refusal("That flow is no longer on the map.")
    flow = process.flows[flow_index]
    source = process.step_by_id().get(flow.source)
    if source is None:
        return Refusal("That flow starts at a step that is not on the map.")
    added = new_step(process, lane or source.lane, name)
    flows = list(process.flows)
    flows[flow_index] = replace(flow, target=added.id)
    flows.append(Flow(added.id, flow.target))  # at the end: the other flows keep their index
    after = position_of(process, flow.source) or 0
    return with_step_at(replace(process, flows=tuple(flows)), added, after + 1)


def duplicate_step(process: Process, step_id: str) -> Edited:
    """A copy of a step (every field), placed right after it on the way through."""
    step = process.step_by_id().get(step_id)
    if step is None:
        return Refusal(f"There is no step '{step_id}' on this map.")
    if step.kind in ("start", "end"):
        return Refusal(f"{quoted(step.name)} is the {step.kind}: a map has one way to {step.kind}.")
    result = insert_after(process, step_id)
    if isinstance(result, Refusal):
        return result
    copy_id = result.steps[(position_of(process, step_id) or 0) + 1].id
    copy = replace(step, id=copy_id, name=f"{step.name} (copy)")
    steps = tuple(copy if s.id == copy_id else s for s in result.steps)
    return replace(result, steps=steps)


def rename_step(process: Process, step_id: str, name: str) -> Edited:
    """A step with another name; an empty name is refused."""
    if not name.strip():
        return Refusal("A step needs a name: type what is done, such as 'Check invoice'.")
    return _changed(process, step_id, name=name.strip())


def change_kind(
    process: Process, step_id: str, kind: StepKind, *, confirmed: bool = False
) -> Edited:
    """A step of another kind; its ways out are kept, so an end with ways out is refused, and
    an end turned into a task (it leads nowhere yet) is refused unless ``confirmed``."""
    step = process.step_by_id().get(step_id)
    if step is None:
        return Refusal(f"There is no step '{step_id}' on this map.")
    if kind == "end" and any(flow.source == step_id for flow in process.flows):
        return Refusal(f"{quoted(step.name)} has ways out, and an end has none: delete them first.")
    if step.kind == "start" and kind != "start":
        return Refusal(f"{quoted(step.name)} is the start: the map needs it to begin.")
    if kind == "start":
        return Refusal("A map has one start: change the start's name instead.")
    after = _changed(process, step_id, kind=kind)
    if isinstance(after, Refusal) or confirmed:
        return after
    return guard(process, after, f"Making {quoted(step.name)} {with_article(kind)}")


def mark_never_rejected(process: Process, step_id: str) -> Edited:
    """An approval marked as never turned down: its one way out is then not a gap in the map."""
    step = process.step_by_id().get(step_id)
    if step is None:
        return Refusal(f"There is no step '{step_id}' on this map.")
    if step.kind != "approval":
        return Refusal(f"{quoted(step.name)} is not an approval: only an approval is signed off.")
    return _changed(process, step_id, extra={**step.extra, NEVER_REJECTED: True})


def with_article(kind: str) -> str:
    """ "a task", "an approval"."""
    return f"{'an' if kind[:1] in 'aeiou' else 'a'} {kind}"


def move_to_lane(process: Process, step_ids: list[str], lane_id: str) -> Edited:
    """Steps moved to another lane."""
    if lane_id not in process.lane_by_id():
        return Refusal("That lane is no longer on the map.")
    chosen = set(step_ids)
    steps = tuple(replace(s, lane=lane_id) if s.id in chosen else s for s in process.steps)
    return replace(process, steps=steps)


def move_earlier_or_later(process: Process, step_id: str, offset: int) -> Edited:
    """A step moved earlier (−) or later (+) in the step order."""
    if position_of(process, step_id) is None:
        return Refusal(f"There is no step '{step_id}' on this map.")
    return move_in_order(process, step_id, offset)


def _changed(process: Process, step_id: str, **changes: object) -> Edited:
    if step_id not in process.step_by_id():
        return Refusal(f"There is no step '{step_id}' on this map.")
    steps = tuple(replace(s, **changes) if s.id == step_id else s for s in process.steps)  # type: ignore[arg-type]
    return replace(process, steps=steps)
