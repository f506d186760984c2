"""Edits of the step list for the "check the whole" page; each is Process -> Process.

Rewiring rules:

- **delete**: the step and its flows go; flows into it are passed on to its successor when it
  has exactly one (keeping their labels and probabilities), else they go too. A waiting "next"
  from the step passes to the steps that led into it.
- **merge** (``second`` directly follows ``first``, its only way out): one step with the
  first's id and lane, both times added, systems joined, texts joined; the second's flows in
  and out become the merged step's.
- **split**: a new step right after, in the same lane; the touch time is halved, the wait
  stays in front of the first part, and the way(s) out and a decision/approval/end kind move
  to the second part.
- **move** (a step with one way out): taken out as by delete, then put in front of
  ``before_id``: flows into ``before_id`` now reach it, and it leads to ``before_id``.
- **reorder** changes the listed order only; flows are untouched.

A bad edit raises ``EditError`` with one sentence and changes nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from app.interview.ids import find_lane, new_step_id
from app.interview.progress import INTERVIEW_KEY, OpenFlow, interview_state, with_state
from app.process.model import BRANCHING_KINDS, Flow, Process, Step


class EditError(ValueError):
    """An edit that cannot be made; the message says why."""


def delete_step(process: Process, step_id: str) -> Process:
    """Remove a step, passing its incoming flows on to its single successor."""
    step = _step(process, step_id)
    out = [f for f in process.flows if f.source == step_id and f.target != step_id]
    into = [f for f in process.flows if f.target == step_id and f.source != step_id]
    successor = out[0].target if len(out) == 1 else None
    kept = [f for f in process.flows if step_id not in (f.source, f.target)]
    if successor is not None:
        for flow in into:
            if flow.source != successor:
                kept = _pass_on(kept, dataclasses.replace(flow, target=successor))
    steps = tuple(s for s in process.steps if s.id != step.id)
    updated = dataclasses.replace(process, steps=steps, flows=tuple(kept))
    return _pass_pending(
        updated, step_id, [OpenFlow(f.source, f.label, f.probability) for f in into]
    )


def _pass_on(flows: list[Flow], moved: Flow) -> list[Flow]:
    """Add ``moved``, or fold it into a flow that already joins the same two steps.

    Two ways from one step to the same place are one way: their probabilities add up (a share
    left blank stays blank) and the existing label is kept.
    """
    for index, flow in enumerate(flows):
        if (flow.source, flow.target) == (moved.source, moved.target):
            given = None not in (flow.probability, moved.probability)
            total = (flow.probability or 0.0) + (moved.probability or 0.0) if given else None
            label = flow.label or moved.label
            return [
                *flows[:index],
                dataclasses.replace(flow, probability=total, label=label),
                *flows[index + 1 :],
            ]
    return [*flows, moved]


def merge_steps(process: Process, first_id: str, second_id: str, name: str = "") -> Process:
    """Merge ``second_id`` into ``first_id``, which must lead only to it."""
    first, second = _step(process, first_id), _step(process, second_id)
    out = [f for f in process.flows if f.source == first_id]
    if first_id == second_id or [f.target for f in out] != [second_id]:
        raise EditError(f"'{second.name}' must be the only step right after '{first.name}'.")
    merged = _merged(first, second, name)
    flows = [
        Flow(
            first_id if f.source == second_id else f.source,
            first_id if f.target == second_id else f.target,
            f.label,
            f.probability,
            f.extra,
        )
        for f in process.flows
        if f not in out
    ]
    steps = tuple(merged if s.id == first_id else s for s in process.steps if s.id != second_id)
    updated = dataclasses.replace(process, steps=steps, flows=tuple(flows))
    return _pass_pending(updated, second_id, [OpenFlow(first_id)], rename=first_id)


def _merged(first: Step, second: Step, name: str) -> Step:
    kind = second.kind if second.kind in (*BRANCHING_KINDS, "end") else first.kind
    extra = {**second.extra, **first.extra}
    return dataclasses.replace(
        first,
        name=name.strip() or f"{first.name}; {second.name}",
        kind=kind,
        touch_minutes=first.touch_minutes + second.touch_minutes,
        wait_minutes=first.wait_minutes + second.wait_minutes,
        value=first.value if first.value == second.value else None,
        why=_join(first.why, second.why),
        habit=first.habit and second.habit,
        systems=tuple(dict.fromkeys((*first.systems, *second.systems))),
        rekeys_data=first.rekeys_data or second.rekeys_data,
        pain_points=_join(first.pain_points, second.pain_points),
        notes=_join(first.notes, second.notes),
        extra=extra,
    )


def split_step(process: Process, step_id: str, second_name: str) -> Process:
    """Split a step in two; the second part is named ``second_name`` and gets a new id."""
    step = _step(process, step_id)
    if not second_name.strip():
        raise EditError("The second part needs a name: what is done in it?")
    new_id = new_step_id(process)
    moves = step.kind in (*BRANCHING_KINDS, "end")
    half = step.touch_minutes / 2
    second = Step(new_id, step.lane, second_name.strip(), step.kind if moves else "task", half)
    first = dataclasses.replace(step, touch_minutes=half, kind="task" if moves else step.kind)
    steps: list[Step] = []
    for s in process.steps:
        steps += [first, second] if s.id == step_id else [s]
    flows = [
        dataclasses.replace(f, source=new_id) if f.source == step_id else f for f in process.flows
    ]
    flows.append(Flow(step_id, new_id))
    updated = dataclasses.replace(process, steps=tuple(steps), flows=tuple(flows))
    return _pass_pending(updated, step_id, [], rename=new_id)


def move_step(process: Process, step_id: str, before_id: str) -> Process:
    """Move a step with one way out so that it comes right before ``before_id``."""
    step, before = _step(process, step_id), _step(process, before_id)
    out = [f for f in process.flows if f.source == step_id]
    if len(out) != 1 or step.kind in ("start", "end") or before.kind == "start":
        raise EditError(
            f"Only a step with one way out can move, and not in front of the start: "
            f"'{step.name}' cannot go before '{before.name}'."
        )
    if step_id == before_id or out[0].target == before_id:
        return process
    detached = delete_step(process, step_id)
    flows = [
        dataclasses.replace(f, target=step_id) if f.target == before_id else f
        for f in detached.flows
    ]
    flows.append(Flow(step_id, before_id))
    steps: list[Step] = []
    for s in detached.steps:
        steps += [step, s] if s.id == before_id else [s]
    return dataclasses.replace(detached, steps=tuple(steps), flows=tuple(flows))


def reorder_steps(process: Process, order: Sequence[str]) -> Process:
    """List the steps in ``order`` (every step id exactly once); flows are unchanged."""
    if sorted(order) != sorted(s.id for s in process.steps):
        raise EditError("The new order must name every step exactly once.")
    by_id = process.step_by_id()
    return dataclasses.replace(process, steps=tuple(by_id[i] for i in order))


def rename_lane(process: Process, lane_id: str, name: str) -> Process:
    """Give a lane a new name (its id stays, so its steps stay in it)."""
    if lane_id not in process.lane_by_id():
        raise EditError(f"There is no lane '{lane_id}'.")
    if not name.strip():
        raise EditError("A lane needs a name: the role, team or system.")
    other = find_lane(process, name)
    if (
        other is not None
        and other.id != lane_id
        and other.name.casefold() == " ".join(name.split()).casefold()
    ):
        raise EditError(f"There is already a lane called '{other.name}'.")
    lanes = tuple(
        dataclasses.replace(lane, name=" ".join(name.split())) if lane.id == lane_id else lane
        for lane in process.lanes
    )
    return dataclasses.replace(process, lanes=lanes)


def _step(process: Process, step_id: str) -> Step:
    step = process.step_by_id().get(step_id)
    if step is None:
        raise EditError(f"There is no step '{step_id}'.")
    return step


def _join(first: str, second: str) -> str:
    return "\n".join(text for text in (first, second) if text.strip())


def _pass_pending(
    process: Process, gone: str, instead: list[OpenFlow], *, rename: str = ""
) -> Process:
    """Keep the interview's waiting flows pointing at steps that exist after an edit."""
    if INTERVIEW_KEY not in process.extra:
        return process
    state = interview_state(process)

    def fix(flows: tuple[OpenFlow, ...], replace_with: list[OpenFlow]) -> tuple[OpenFlow, ...]:
        result: list[OpenFlow] = []
        for flow in flows:
            if flow.source != gone:
                result.append(flow)
            elif rename:
                result.append(dataclasses.replace(flow, source=rename))
            else:
                result += replace_with
        return tuple(result)

    step_id = rename if state.step_id == gone and rename else state.step_id
    if step_id == gone:
        step_id = process.steps[-1].id if process.steps else ""
    state = dataclasses.replace(
        state,
        pending=fix(state.pending, instead),
        branches=fix(state.branches, []),
        step_id=step_id,
    )
    return with_state(process, state)
