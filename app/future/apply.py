"""Apply the improvement actions to a copy of the current map: the future state.

Actions are applied in ECRS order (eliminate, combine, rearrange, simplify, automate), each in
the order of the plan; dropped actions are left out. Eliminate removes the action's steps (a
decision or approval keeps its likeliest way out); combine merges its steps in map order;
every verb then applies what the action says it changes (``app.future.change``). An action that
cannot be applied changes nothing and says why in its effect, so the plan can be corrected.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from app.future.change import StepChange, change_of
from app.interview.edits import EditError, delete_step, merge_steps, move_step
from app.process.durations import format_duration
from app.process.model import ECRS_VERBS, Action, Flow, Process, Step
from app.process.plan_file import future_base

EFFECTS_KEY = "applied_actions"


@dataclass(frozen=True, slots=True)
class ActionEffect:
    """What one action did to the future map (or, when ``applied`` is False, why it did not)."""

    action_id: str
    verb: str
    title: str
    applied: bool
    what: str
    steps: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Applied:
    """The future state and, per action, what it changed."""

    future: Process
    effects: tuple[ActionEffect, ...]


def apply_actions(process: Process) -> Applied:
    """A fresh copy of the current map with every action that is not dropped applied."""
    future = replace(
        future_base(process), lanes=process.lanes, steps=process.steps, flows=process.flows
    )
    effects: list[ActionEffect] = []
    for action in sorted(_live(process.actions), key=lambda a: ECRS_VERBS.index(a.verb)):
        future, effect = _apply(future, action)
        effects.append(effect)
    document = [effect_document(effect) for effect in effects]
    return Applied(replace(future, extra={EFFECTS_KEY: document}), tuple(effects))


def _live(actions: tuple[Action, ...]) -> list[Action]:
    return [action for action in actions if action.status != "dropped"]


def _apply(future: Process, action: Action) -> tuple[Process, ActionEffect]:
    present = [step_id for step_id in _in_map_order(future, action.steps)]
    missing = [step_id for step_id in action.steps if step_id not in present]
    if not present:
        reason = "it names no step" if not action.steps else "its steps are no longer in the map"
        return future, _effect(action, False, f"nothing to apply: {reason}", ())
    change = change_of(action)
    try:
        future, said, touched = _structural(future, action, present, change)
        future, changed = _changed(future, touched, change, named=not said)
    except EditError as error:
        return future, _effect(action, False, f"not applied: {error}", tuple(present))
    parts = [part for part in (said, changed) if part]
    if missing:
        parts.append(f"{len(missing)} of its steps were already gone")
    if not said and not changed:
        message = "nothing to apply: the action does not say what changes in its steps"
        return future, _effect(action, False, message, tuple(present))
    return future, _effect(action, True, "; ".join(parts), tuple(present))


def _structural(
    future: Process, action: Action, present: list[str], change: StepChange
) -> tuple[Process, str, list[str]]:
    """Eliminate and combine; the other verbs leave the structure to their stated change."""
    names = future.step_by_id()
    if action.verb == "eliminate":
        for step_id in present:
            future = remove_step(future, step_id)
        return future, "removed " + _quoted(names[s].name for s in present), []
    if action.verb == "combine":
        if len(present) < 2:
            raise EditError("combining needs two or more of its steps in the map")
        for second in present[1:]:
            future = merge_steps(future, present[0], second)
        if change.name:
            future = _with_step(future, present[0], name=change.name)
        merged = future.step_by_id()[present[0]].name
        return (
            future,
            f"merged {_quoted(names[s].name for s in present)} into '{merged}'",
            [present[0]],
        )
    return future, "", present


def _changed(
    future: Process, touched: list[str], change: StepChange, *, named: bool
) -> tuple[Process, str]:
    """Give the touched steps the action's new lane, times and name; say what changed (after
    a merge the step was just named, so only the change is said)."""
    if not touched or change.is_empty():
        return future, ""
    lanes = future.lane_by_id()
    if change.lane is not None and change.lane not in lanes:
        raise EditError(f"there is no lane '{change.lane}' in the future map")
    sentences = []
    for step_id in touched:
        before = future.step_by_id()[step_id]
        future = _with_step(future, step_id, **_fields(change, before))
        if change.before and len(touched) == 1 and change.before in future.step_by_id():
            future = move_step(future, step_id, change.before)
        parts = describe_change(before, future.step_by_id()[step_id], lanes, change)
        if parts:
            sentences.append(f"'{before.name}': {parts}" if named else parts)
    return future, "; ".join(sentence for sentence in sentences if sentence)


def _fields(change: StepChange, step: Step) -> dict[str, Any]:
    values = {
        "name": change.name if change.name and change.name != step.name else None,
        "lane": change.lane,
        "touch_minutes": change.touch_minutes,
        "wait_minutes": change.wait_minutes,
        "rekeys_data": change.rekeys_data,
    }
    return {key: value for key, value in values.items() if value is not None}


def describe_change(before: Step, after: Step, lanes: dict[str, Any], change: StepChange) -> str:
    """“touch 8 min → 2 min, wait 13 h → 1 h, lane AP → ERP” ('' when nothing changed)."""
    parts = []
    if after.name != before.name:
        parts.append(f"renamed '{after.name}'")
    if after.touch_minutes != before.touch_minutes:
        parts.append(f"touch {_time(before.touch_minutes)} → {_time(after.touch_minutes)}")
    if after.wait_minutes != before.wait_minutes:
        parts.append(f"wait {_time(before.wait_minutes)} → {_time(after.wait_minutes)}")
    if after.lane != before.lane:
        parts.append(f"lane {lanes[before.lane].name} → {lanes[after.lane].name}")
    if after.rekeys_data != before.rekeys_data:
        parts.append("no re-keying" if not after.rekeys_data else "re-keys data")
    if change.before:
        parts.append("moved earlier in the flow")
    return ", ".join(parts)


def remove_step(future: Process, step_id: str) -> Process:
    """Remove a step; a decision or approval first keeps only its likeliest way out."""
    out = [flow for flow in future.flows if flow.source == step_id and flow.target != step_id]
    if len(out) > 1:
        kept = max(out, key=lambda flow: _share(flow, out))
        flows = tuple(f for f in future.flows if f.source != step_id or f is kept)
        future = replace(future, flows=flows)
    return delete_step(future, step_id)


def _share(flow: Flow, siblings: list[Flow]) -> float:
    """A flow's probability; a blank one gets an equal part of what the others leave."""
    if flow.probability is not None:
        return flow.probability
    given = sum(f.probability for f in siblings if f.probability is not None)
    unknown = sum(1 for f in siblings if f.probability is None)
    return max(1.0 - given, 0.0) / unknown


def _in_map_order(future: Process, step_ids: tuple[str, ...]) -> list[str]:
    wanted = set(step_ids)
    return [step.id for step in future.steps if step.id in wanted]


def _with_step(future: Process, step_id: str, **fields: Any) -> Process:
    steps = tuple(replace(s, **fields) if s.id == step_id else s for s in future.steps)
    return replace(future, steps=steps)


def _quoted(names: Any) -> str:
    return ", ".join(f"'{name}'" for name in names)


def _time(minutes: float) -> str:
    return format_duration(minutes) if minutes else "0 min"


def _effect(action: Action, applied: bool, what: str, steps: tuple[str, ...]) -> ActionEffect:
    return ActionEffect(action.id, action.verb, action.title, applied, what, steps)


def effect_document(effect: ActionEffect) -> dict[str, Any]:
    """An effect as kept in the future state's extra data (and its process file)."""
    return {
        "action": effect.action_id,
        "verb": effect.verb,
        "title": effect.title,
        "applied": effect.applied,
        "what": effect.what,
        "steps": list(effect.steps),
    }
