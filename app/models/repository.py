"""Snapshots in and out of the database: the only place rows become a Process and back.

Every function takes an open Session and does not commit: the caller decides the
transaction (one edit, one short transaction; an import as a whole).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from app.models.tables import (
    FlowRow,
    GoalRow,
    InterviewRow,
    LaneRow,
    ProcessRow,
    StepRow,
    new_id,
    utc_now,
)
from app.process.model import Flow, Goal, Interview, Lane, Process, Step

PROCESS_FIELDS = (
    "name",
    "description",
    "trigger",
    "outcome",
    "customer",
    "customer_need",
    "owner",
    "organisation",
    "problem",
    "scope_in",
    "scope_out",
    "inputs",
    "runs_per_year",
    "hourly_rate",
    "currency",
)


class ProcessNotFoundError(LookupError):
    """No process matches what the user named; the message says what was looked for."""


@dataclass(frozen=True, slots=True)
class ProcessSummary:
    """One line of the process list."""

    id: str
    name: str
    owner: str
    step_count: int
    updated_at: dt.datetime


def insert_process(session: Session, process: Process) -> str:
    """Add a snapshot as new rows; keep ``process.id`` if it is set (undo of a delete).

    Rows are flushed parent before child (lanes, then steps, then flows), the order the
    foreign keys need.
    """
    row = ProcessRow(id=process.id or new_id(), **_process_values(process))
    row.interviews = [_interview_row(item, index) for index, item in enumerate(process.interviews)]
    row.goals = [_goal_row(goal, index) for index, goal in enumerate(process.goals)]
    lane_rows = {lane.id: _lane_row(lane, index) for index, lane in enumerate(process.lanes)}
    row.lanes = list(lane_rows.values())
    session.add(row)
    session.flush()
    step_rows = {
        step.id: _step_row(step, index, lane_rows[step.lane])
        for index, step in enumerate(process.steps)
    }
    row.steps = list(step_rows.values())
    session.flush()
    row.flows = [_flow_row(flow, index, step_rows) for index, flow in enumerate(process.flows)]
    session.flush()
    return row.id


def _process_values(process: Process) -> dict[str, Any]:
    values = {name: getattr(process, name) for name in PROCESS_FIELDS}
    values.update(
        actions=list(process.actions),
        future_state=process.future_state,
        control=process.control,
        extra=dict(process.extra),
        file_extra=dict(process.file_extra),
    )
    return values


def _interview_row(item: Interview, position: int) -> InterviewRow:
    return InterviewRow(
        id=new_id(),
        position=position,
        interviewee=item.interviewee,
        role=item.role,
        interviewer=item.interviewer,
        date=item.date,
        notes=item.notes,
        extra=dict(item.extra),
    )


def _lane_row(lane: Lane, position: int) -> LaneRow:
    return LaneRow(
        id=new_id(),
        key=lane.id,
        position=position,
        name=lane.name,
        hourly_rate=lane.hourly_rate,
        kind=lane.kind,
        extra=dict(lane.extra),
    )


def _step_row(step: Step, position: int, lane: LaneRow) -> StepRow:
    return StepRow(
        id=new_id(),
        key=step.id,
        position=position,
        lane_id=lane.id,
        name=step.name,
        kind=step.kind,
        touch_minutes=step.touch_minutes,
        wait_minutes=step.wait_minutes,
        value=step.value,
        why=step.why,
        habit=step.habit,
        systems=list(step.systems),
        rekeys_data=step.rekeys_data,
        pain_points=step.pain_points,
        notes=step.notes,
        extra=dict(step.extra),
    )


def _flow_row(flow: Flow, position: int, steps: Mapping[str, StepRow]) -> FlowRow:
    return FlowRow(
        id=new_id(),
        position=position,
        source_id=steps[flow.source].id,
        target_id=steps[flow.target].id,
        label=flow.label,
        probability=flow.probability,
        extra=dict(flow.extra),
    )


def _goal_row(goal: Goal, position: int) -> GoalRow:
    return GoalRow(
        id=new_id(),
        position=position,
        metric=goal.metric,
        target=goal.target,
        baseline=goal.baseline,
        unit=goal.unit,
        direction=goal.direction,
        due=goal.due,
        owner=goal.owner,
        measured_by=goal.measured_by,
        statement=goal.statement,
        baseline_date=goal.baseline_date,
        baseline_source=goal.baseline_source,
        extra=dict(goal.extra),
    )


def load_process(session: Session, process_id: str) -> Process:
    """The snapshot of one process."""
    row = session.scalar(
        select(ProcessRow)
        .where(ProcessRow.id == process_id)
        .options(*(selectinload(rel) for rel in _CHILDREN))
    )
    if row is None:
        raise ProcessNotFoundError(f"no process with id '{process_id}'")
    return _snapshot(row)


_CHILDREN = (
    ProcessRow.interviews,
    ProcessRow.lanes,
    ProcessRow.steps,
    ProcessRow.flows,
    ProcessRow.goals,
)


def _snapshot(row: ProcessRow) -> Process:
    lane_keys = {lane.id: lane.key for lane in row.lanes}
    step_keys = {step.id: step.key for step in row.steps}
    return Process(
        id=row.id,
        **{name: getattr(row, name) for name in PROCESS_FIELDS},
        interviews=tuple(_interview(item) for item in row.interviews),
        lanes=tuple(_lane(lane) for lane in row.lanes),
        steps=tuple(_step(step, lane_keys) for step in row.steps),
        flows=tuple(_flow(flow, step_keys) for flow in row.flows),
        goals=tuple(_goal(goal) for goal in row.goals),
        actions=tuple(row.actions or ()),
        future_state=row.future_state,
        control=row.control,
        extra=dict(row.extra or {}),
        file_extra=dict(row.file_extra or {}),
    )


def _interview(row: InterviewRow) -> Interview:
    return Interview(
        interviewee=row.interviewee,
        role=row.role,
        interviewer=row.interviewer,
        date=row.date,
        notes=row.notes,
        extra=dict(row.extra or {}),
    )


def _lane(row: LaneRow) -> Lane:
    return Lane(
        id=row.key,
        name=row.name,
        hourly_rate=row.hourly_rate,
        kind=cast(Any, row.kind),
        extra=dict(row.extra or {}),
    )


def _step(row: StepRow, lane_keys: Mapping[str, str]) -> Step:
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


def _flow(row: FlowRow, step_keys: Mapping[str, str]) -> Flow:
    return Flow(
        source=step_keys[row.source_id],
        target=step_keys[row.target_id],
        label=row.label,
        probability=row.probability,
        extra=dict(row.extra or {}),
    )


def _goal(row: GoalRow) -> Goal:
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


def list_processes(session: Session, *, search: str = "") -> list[ProcessSummary]:
    """Every process, most recently changed first; ``search`` filters by name or owner."""
    step_count = (
        select(func.count(StepRow.id)).where(StepRow.process_id == ProcessRow.id)
    ).scalar_subquery()
    query = select(
        ProcessRow.id, ProcessRow.name, ProcessRow.owner, step_count, ProcessRow.updated_at
    )
    if search.strip():
        pattern = f"%{search.strip().lower()}%"
        query = query.where(
            func.lower(ProcessRow.name).like(pattern) | func.lower(ProcessRow.owner).like(pattern)
        )
    query = query.order_by(ProcessRow.updated_at.desc(), ProcessRow.name)
    return [ProcessSummary(*row) for row in session.execute(query)]


def find_process_id(session: Session, reference: str) -> str:
    """The id of the process named by its id or its exact name."""
    if session.get(ProcessRow, reference) is not None:
        return reference
    ids = session.scalars(select(ProcessRow.id).where(ProcessRow.name == reference)).all()
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise ProcessNotFoundError(f"no process has the id or the exact name '{reference}'")
    raise ProcessNotFoundError(
        f"{len(ids)} processes are named '{reference}'; name one by its id ('walkthrough list')"
    )


def delete_process(session: Session, process_id: str) -> Process:
    """Delete a process and return its snapshot, so the delete can be undone by inserting it."""
    snapshot = load_process(session, process_id)
    session.expunge_all()
    for table in (FlowRow, StepRow, LaneRow, InterviewRow, GoalRow):  # children first
        session.execute(delete(table).where(table.process_id == process_id))
    session.execute(delete(ProcessRow).where(ProcessRow.id == process_id))
    return snapshot


def update_process_fields(session: Session, process_id: str, changes: Mapping[str, Any]) -> None:
    """Change Define fields of a process (name, trigger, runs per year…)."""
    unknown = set(changes) - set(PROCESS_FIELDS)
    if unknown:
        raise ValueError(f"not a process field: {', '.join(sorted(unknown))}")
    row = session.get(ProcessRow, process_id)
    if row is None:
        raise ProcessNotFoundError(f"no process with id '{process_id}'")
    for name, value in changes.items():
        setattr(row, name, value)
    row.updated_at = utc_now()
    session.flush()
