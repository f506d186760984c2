"""The map part of a process file: lanes, steps and flows, read and written.

The current state and the future state have the same shape, so both use these functions;
``prefix`` puts the future state's problems in their place (``future_state.steps[2].lane``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app.process.bounds import quote
from app.process.fields import ObjectReader, Problems, number_value, read_list
from app.process.model import LANE_KINDS, STEP_KINDS, VALUE_CLASSES, Flow, Lane, Step


def read_map(
    data: Mapping[str, Any], problems: Problems, prefix: str = ""
) -> tuple[tuple[Lane, ...], tuple[Step, ...], tuple[Flow, ...]]:
    """The lanes, steps and flows of ``data``, every reference checked."""
    lanes = tuple(read_list(data, "lanes", problems, read_lane, prefix))
    steps = tuple(read_list(data, "steps", problems, read_step, prefix))
    flows = tuple(read_list(data, "flows", problems, read_flow, prefix))
    check_references(lanes, steps, flows, problems, prefix)
    return lanes, steps, flows


def map_document(
    lanes: Sequence[Lane], steps: Sequence[Step], flows: Sequence[Flow]
) -> dict[str, Any]:
    """The ``lanes``, ``steps`` and ``flows`` lists of a file."""
    return {
        "lanes": [lane_document(lane) for lane in lanes],
        "steps": [step_document(step) for step in steps],
        "flows": [flow_document(flow) for flow in flows],
    }


def read_lane(reader: ObjectReader) -> Lane:
    return Lane(
        id=reader.text("id", required=True),
        name=reader.text("name", required=True),
        hourly_rate=reader.number("hourly_rate", default=None),
        kind=reader.choice("kind", LANE_KINDS, default="role"),
        extra=reader.extra(),
    )


def read_step(reader: ObjectReader) -> Step:
    return Step(
        id=reader.text("id", required=True),
        lane=reader.text("lane", required=True),
        name=reader.text("name", required=True),
        kind=reader.choice("kind", STEP_KINDS, default="task"),
        touch_minutes=reader.number("touch_minutes"),
        wait_minutes=reader.number("wait_minutes"),
        value=reader.choice("value", VALUE_CLASSES, default=None),
        why=reader.text("why"),
        habit=reader.flag("habit"),
        systems=reader.text_list("systems"),
        rekeys_data=reader.flag("rekeys_data"),
        pain_points=reader.text("pain_points"),
        notes=reader.text("notes"),
        extra=reader.extra(),
    )


def read_flow(reader: ObjectReader) -> Flow:
    return Flow(
        source=reader.text("from", required=True),
        target=reader.text("to", required=True),
        label=reader.text("label"),
        probability=reader.number("probability", default=None, maximum=1.0),
        extra=reader.extra(),
    )


def check_references(
    lanes: Sequence[Lane],
    steps: Sequence[Step],
    flows: Sequence[Flow],
    problems: Problems,
    prefix: str = "",
) -> None:
    lane_ids = unique_ids(f"{prefix}lanes", [lane.id for lane in lanes], problems)
    step_ids = unique_ids(f"{prefix}steps", [step.id for step in steps], problems)
    for index, step in enumerate(steps):
        if step.lane and step.lane not in lane_ids:
            problems.add(f"{prefix}steps[{index}].lane", f"no lane {quote(step.lane)}")
    for index, flow in enumerate(flows):
        for key, ref in (("from", flow.source), ("to", flow.target)):
            if ref and ref not in step_ids:
                problems.add(f"{prefix}flows[{index}].{key}", f"no step {quote(ref)}")


def unique_ids(key: str, ids: Sequence[str], problems: Problems) -> set[str]:
    seen: set[str] = set()
    for index, item_id in enumerate(ids):
        if item_id and item_id in seen:
            problems.add(f"{key}[{index}].id", f"{quote(item_id)} is used twice")
        seen.add(item_id)
    return seen


def lane_document(lane: Lane) -> dict[str, Any]:
    return {
        "id": lane.id,
        "name": lane.name,
        "hourly_rate": number_value(lane.hourly_rate),
        "kind": lane.kind,
        **lane.extra,
    }


def step_document(step: Step) -> dict[str, Any]:
    return {
        "id": step.id,
        "lane": step.lane,
        "name": step.name,
        "kind": step.kind,
        "touch_minutes": number_value(step.touch_minutes),
        "wait_minutes": number_value(step.wait_minutes),
        "value": step.value,
        "why": step.why,
        "habit": step.habit,
        "systems": list(step.systems),
        "rekeys_data": step.rekeys_data,
        "pain_points": step.pain_points,
        "notes": step.notes,
        **step.extra,
    }


def flow_document(flow: Flow) -> dict[str, Any]:
    return {
        "from": flow.source,
        "to": flow.target,
        "label": flow.label,
        "probability": number_value(flow.probability),
        **flow.extra,
    }
