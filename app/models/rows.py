"""Converting between snapshot dataclasses and row column values, both ways.

``*_values`` give the column values of a snapshot item (for a new row or to update one);
``*_of`` build the snapshot item back from a row.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from app.models.tables import FlowRow, GoalRow, InterviewRow, LaneRow, ProcessRow, StepRow
from app.process.model import Flow, Goal, Interview, Lane, Process, Step

PROCESS_FIELDS = (
    "name", "description", "trigger", "outcome", "customer", "customer_need", "owner",
    "organisation", "problem", "scope_in", "scope_out", "inputs", "runs_per_year",
    "hourly_rate", "currency",
)  # fmt: skip


def process_values(process: Process) -> dict[str, Any]:
    values = {name: getattr(process, name) for name in PROCESS_FIELDS}
    values.update(
        actions=list(process.actions),
        future_state=process.future_state,
        control=process.control,
        extra=dict(process.extra),
        file_extra=dict(process.file_extra),
    )
    return values


def interview_values(item: Interview, position: int) -> dict[str, Any]:
    return {
        "position": position,
        "interviewee": item.interviewee,
        "role": item.role,
        "interviewer": item.interviewer,
        "date": item.date,
        "notes": item.notes,
        "extra": dict(item.extra),
    }


def lane_values(lane: Lane, position: int) -> dict[str, Any]:
    return {
        "key": lane.id,
        "position": position,
        "name": lane.name,
        "hourly_rate": lane.hourly_rate,
        "kind": lane.kind,
        "extra": dict(lane.extra),
    }


def step_values(step: Step, position: int, lane_id: str) -> dict[str, Any]:
    return {
        "key": step.id,
        "position": position,
        "lane_id": lane_id,
        "name": step.name,
        "kind": step.kind,
        "touch_minutes": step.touch_minutes,
        "wait_minutes": step.wait_minutes,
        "value": step.value,
        "why": step.why,
        "habit": step.habit,
        "systems": list(step.systems),
        "rekeys_data": step.rekeys_data,
        "pain_points": step.pain_points,
        "notes": step.notes,
        "extra": dict(step.extra),
    }


def flow_values(flow: Flow, position: int, source_id: str, target_id: str) -> dict[str, Any]:
    return {
        "position": position,
        "source_id": source_id,
        "target_id": target_id,
        "label": flow.label,
        "probability": flow.probability,
        "extra": dict(flow.extra),
    }


def goal_values(goal: Goal, position: int) -> dict[str, Any]:
    return {
        "position": position,
        "metric": goal.metric,
        "target": goal.target,
        "baseline": goal.baseline,
        "unit": goal.unit,
        "direction": goal.direction,
        "due": goal.due,
        "owner": goal.owner,
        "measured_by": goal.measured_by,
        "statement": goal.statement,
        "baseline_date": goal.baseline_date,
        "baseline_source": goal.baseline_source,
        "extra": dict(goal.extra),
    }


def process_of(row: ProcessRow) -> Process:
    """The snapshot of a process row with its children loaded."""
    lane_keys = {lane.id: lane.key for lane in row.lanes}
    step_keys = {step.id: step.key for step in row.steps}
    return Process(
        id=row.id,
        **{name: getattr(row, name) for name in PROCESS_FIELDS},
        interviews=tuple(interview_of(item) for item in row.interviews),
        lanes=tuple(lane_of(lane) for lane in row.lanes),
        steps=tuple(step_of(step, lane_keys) for step in row.steps),
        flows=tuple(flow_of(flow, step_keys) for flow in row.flows),
        goals=tuple(goal_of(goal) for goal in row.goals),
        actions=tuple(row.actions or ()),
        future_state=row.future_state,
        control=row.control,
        extra=dict(row.extra or {}),
        file_extra=dict(row.file_extra or {}),
    )


def interview_of(row: InterviewRow) -> Interview:
    return Interview(
        interviewee=row.interviewee,
        role=row.role,
        interviewer=row.interviewer,
        date=row.date,
        notes=row.notes,
        extra=dict(row.extra or {}),
    )


def lane_of(row: LaneRow) -> Lane:
    return Lane(
        id=row.key,
        name=row.name,
        hourly_rate=row.hourly_rate,
        kind=cast(Any, row.kind),
        extra=dict(row.extra or {}),
    )


def step_of(row: StepRow, lane_keys: Mapping[str, str]) -> Step:
    return Step(
        id=row.key,
        lane=lane_keys[row.lane_id],
        name=row.name,
        kind=cast(Any, row.kind),
        touch_minutes=row.touch_minutes,
        wait_minutes=row.wait_minutes,
        value=cast(Any, row.value),
        why=row.why,
        habit=row.habit,
        systems=tuple(row.systems or ()),
        rekeys_data=row.rekeys_data,
        pain_points=row.pain_points,
        notes=row.notes,
        extra=dict(row.extra or {}),
    )


def flow_of(row: FlowRow, step_keys: Mapping[str, str]) -> Flow:
    return Flow(
        source=step_keys[row.source_id],
        target=step_keys[row.target_id],
        label=row.label,
        probability=row.probability,
        extra=dict(row.extra or {}),
    )


def goal_of(row: GoalRow) -> Goal:
    return Goal(
        metric=row.metric,
        target=row.target,
        baseline=row.baseline,
        unit=row.unit,
        direction=cast(Any, row.direction),
        due=row.due,
        owner=row.owner,
        measured_by=row.measured_by,
        statement=row.statement,
        baseline_date=row.baseline_date,
        baseline_source=row.baseline_source,
        extra=dict(row.extra or {}),
    )
