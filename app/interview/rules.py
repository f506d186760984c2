"""The tests behind the follow-up rules (method.md's table); their numbers come from the bank.

Each step test returns the placeholders of the rule's reason when it fires, else None:

- ``wait``: wait >= ``min_wait_minutes``, or wait >= ``min_wait_share`` of the step's elapsed
  time (wait + touch); never for a step with no wait;
- ``approval``: the step is an approval;
- ``sends_back``: one of its flows is a rework flow (a back edge of the depth-first search
  from the start, method.md; before there is a start, a flow to a step listed earlier);
- ``lane_change``: a flow reaches it from a step in another lane;
- ``rekeyed``: re-keyed data is ticked, or it uses ``min_systems`` systems or more;
- ``habit_why``: its why contains one of ``phrases``, or (``fire_on_habit_flag``) it is
  flagged as habit;
- ``only_i_know``: one of ``phrases`` appears in one of ``fields`` of the step;
- ``no_no_path``: a decision or approval with fewer than two ways out (flows, and outcomes
  waiting for the next step or parked for later);
- ``implausible``: hands-on time over ``max_touch_minutes`` (a working day) or a wait over
  ``max_wait_minutes`` (a year): asked "did you mean …?", never refused.

The process test ``sum_below_stated`` fires when the lead time of the steps is below
``max_share_of_stated`` of the end-to-end time the person gave.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.analysis.metrics import compute_metrics, rework_flows
from app.analysis.structure import map_structure
from app.interview.progress import InterviewState
from app.process.durations import format_duration
from app.process.model import BRANCHING_KINDS, Process, Step

Placeholders = dict[str, str]


@dataclass(frozen=True, slots=True)
class StepContext:
    """What the step tests need beyond the step: the whole process and the interview."""

    process: Process
    state: InterviewState
    rework: frozenset[int]


def step_context(process: Process, state: InterviewState) -> StepContext:
    """The context for testing the steps of ``process``."""
    return StepContext(process, state, frozenset(rework_flow_indices(process)))


def rework_flow_indices(process: Process) -> tuple[int, ...]:
    """Indices in ``process.flows`` of the flows that send work back."""
    structure = map_structure(process)
    if structure.search is None:
        order = {step.id: index for index, step in enumerate(process.steps)}
        return tuple(
            i
            for i, flow in enumerate(process.flows)
            if order.get(flow.target, len(order)) <= order.get(flow.source, -1)
        )
    return rework_flows(structure.chain, structure.search)  # back edges and marked send-backs


def normalize(text: str) -> str:
    """Lower case, straight apostrophes, single spaces: the form phrases are matched in."""
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").casefold().split())


def _wait(step: Step, limits: Mapping[str, Any], _: StepContext) -> Placeholders | None:
    wait, touch = step.wait_minutes, step.touch_minutes
    minimum = float(limits["min_wait_minutes"])
    share = float(limits["min_wait_share"])
    if wait <= 0 or (wait < minimum and wait < share * (wait + touch)):
        return None
    return {"step": step.name, "wait": format_duration(wait), "touch": format_duration(touch)}


def _approval(step: Step, _: Mapping[str, Any], __: StepContext) -> Placeholders | None:
    return {"step": step.name} if step.kind == "approval" else None


def _sends_back(step: Step, _: Mapping[str, Any], context: StepContext) -> Placeholders | None:
    names = {s.id: s.name for s in context.process.steps}
    for index, flow in enumerate(context.process.flows):
        if flow.source == step.id and index in context.rework:
            target = names.get(flow.target, flow.target)
            return {"step": step.name, "target": target, "label": flow.label}
    return None


def _lane_change(step: Step, _: Mapping[str, Any], context: StepContext) -> Placeholders | None:
    steps = context.process.step_by_id()
    lanes = {lane.id: lane.name for lane in context.process.lanes}
    for flow in context.process.flows:
        source = steps.get(flow.source)
        if flow.target == step.id and source is not None and source.lane != step.lane:
            from_lane = lanes.get(source.lane, source.lane)
            to_lane = lanes.get(step.lane, step.lane)
            return {"step": step.name, "from_lane": f"'{from_lane}'", "to_lane": f"'{to_lane}'"}
    return None


def _rekeyed(step: Step, limits: Mapping[str, Any], _: StepContext) -> Placeholders | None:
    systems = ", ".join(step.systems)
    many = len(step.systems) >= int(limits["min_systems"])
    if step.rekeys_data:
        what = f"'{step.name}' types in data that already exists"
    elif many:
        what = f"'{step.name}' uses {len(step.systems)} systems ({systems})"
    else:
        return None
    return {"step": step.name, "what": what, "systems": systems}


def _phrase_in(texts: list[str], phrases: object) -> str:
    for phrase in phrases if isinstance(phrases, tuple | list) else ():
        if any(normalize(str(phrase)) in normalize(text) for text in texts):
            return str(phrase)
    return ""


def _habit_why(step: Step, limits: Mapping[str, Any], _: StepContext) -> Placeholders | None:
    phrase = _phrase_in([step.why], limits["phrases"])
    if phrase:
        what = f"'{step.name}' is done because \"{step.why.strip()}\""
    elif step.habit and limits["fire_on_habit_flag"]:
        what = f"'{step.name}' is flagged as habit"
    else:
        return None
    return {"step": step.name, "what": what, "phrase": phrase}


def _only_i_know(step: Step, limits: Mapping[str, Any], _: StepContext) -> Placeholders | None:
    fields = limits["fields"]
    names = fields if isinstance(fields, tuple | list) else ()
    texts = [str(getattr(step, name, "")) for name in names]
    phrase = _phrase_in(texts, limits["phrases"])
    return {"step": step.name, "phrase": phrase} if phrase else None


def _no_no_path(step: Step, _: Mapping[str, Any], context: StepContext) -> Placeholders | None:
    if step.kind not in BRANCHING_KINDS:
        return None
    state = context.state
    ways = sum(1 for flow in context.process.flows if flow.source == step.id)
    ways += sum(1 for flow in (*state.pending, *state.branches) if flow.source == step.id)
    return {"step": step.name, "kind": step.kind} if ways < 2 else None


def _implausible(step: Step, limits: Mapping[str, Any], _: StepContext) -> Placeholders | None:
    checks = (
        ("hands-on time", step.touch_minutes, float(limits["max_touch_minutes"])),
        ("wait", step.wait_minutes, float(limits["max_wait_minutes"])),
    )
    for what, minutes, most in checks:
        if minutes > most:
            typed = format_duration(minutes)
            meant = smaller_reading(minutes)
            guess = f"{meant} rather than {typed}" if meant else f"less than {typed}"
            return {"step": step.name, "what": what, "typed": typed, "guess": guess}
    return None


def smaller_reading(minutes: float) -> str:
    """The same number in the next smaller unit ("3 days" → "3 h"), a usual slip; else ""."""
    for per_unit, smaller in ((7 * 1440, 1440), (1440, 60), (60, 1)):
        count = minutes / per_unit
        if minutes >= per_unit and count.is_integer():
            return format_duration(count * smaller)
    return ""


StepTest = Callable[[Step, Mapping[str, Any], StepContext], Placeholders | None]

STEP_TESTS: Mapping[str, StepTest] = {
    "wait": _wait,
    "approval": _approval,
    "sends_back": _sends_back,
    "lane_change": _lane_change,
    "rekeyed": _rekeyed,
    "habit_why": _habit_why,
    "only_i_know": _only_i_know,
    "no_no_path": _no_no_path,
    "implausible": _implausible,
}


def steps_lead_minutes(process: Process) -> float:
    """The lead time of the map (method.md); the plain sum of step times when not computable."""
    metrics = compute_metrics(process)
    if metrics.computable:
        return metrics.lead_time_minutes
    return sum(step.touch_minutes + step.wait_minutes for step in process.steps)


def sum_below_stated(
    process: Process, limits: Mapping[str, Any], state: InterviewState
) -> Placeholders | None:
    """The process test: the steps explain far less time than the person says it takes."""
    stated = state.check.get("end_to_end_minutes", 0.0)
    if stated <= 0:
        return None
    total = steps_lead_minutes(process)
    if total >= float(limits["max_share_of_stated"]) * stated:
        return None
    share = f"{round(100 * total / stated)} % of it"
    return {"sum": format_duration(total), "stated": format_duration(stated), "share": share}


def habit_phrase_matches(why: str, phrases: object) -> bool:
    """True when ``why`` contains a habit phrase (add_step then flags the step as habit)."""
    return bool(_phrase_in([why], phrases))
