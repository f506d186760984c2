"""Converting between snapshot dataclasses and row column values, both ways.

``*_values`` give the column values of a snapshot item (for a new row or to update one);
``*_of`` build the snapshot item back from a row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from app.models.tables import (
    ActionRow,
    ControlPlanRowRow,
    FlowRow,
    GoalRow,
    InterviewRow,
    LaneRow,
    MeasurementRow,
    ProcessRow,
    ReviewRow,
    RootCauseRow,
    StepRow,
    new_id,
)
from app.process.control import Control, ControlPlanRow, Measurement, Review
from app.process.model import (
    DEFINE_TEXT_FIELDS,
    Action,
    Flow,
    Goal,
    Interview,
    Lane,
    Process,
    RootCause,
    Step,
)
from app.process.plan_file import (
    future_state_document,
    future_state_from_document,
    read_whys,
    why_document,
)

PROCESS_FIELDS = ("name", *DEFINE_TEXT_FIELDS, "runs_per_year", "hourly_rate", "currency")


def process_values(process: Process) -> dict[str, Any]:
    values = {name: getattr(process, name) for name in PROCESS_FIELDS}
    values.update(
        fishbone_categories=list(process.fishbone_categories),
        future_state=future_state_document(process.future_state),
        go_live=process.control.go_live,
        control_owner=process.control.owner,
        control_extra=dict(process.control.extra),
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
    process = Process(
        id=row.id,
        **{name: getattr(row, name) for name in PROCESS_FIELDS},
        interviews=tuple(interview_of(item) for item in row.interviews),
        lanes=tuple(lane_of(lane) for lane in row.lanes),
        steps=tuple(step_of(step, lane_keys) for step in row.steps),
        flows=tuple(flow_of(flow, step_keys) for flow in row.flows),
        goals=tuple(goal_of(goal) for goal in row.goals),
        actions=tuple(action_of(item) for item in row.actions),
        root_causes=tuple(root_cause_of(item) for item in row.root_causes),
        fishbone_categories=tuple(row.fishbone_categories or ()),
        control=control_of(row),
        extra=dict(row.extra or {}),
        file_extra=dict(row.file_extra or {}),
    )
    return replace(process, future_state=future_state_from_document(row.future_state, process))


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


def action_values(action: Action, position: int) -> dict[str, Any]:
    return {
        "position": position,
        "key": action.id,
        "verb": action.verb,
        "title": action.title,
        "steps": list(action.steps),
        "finding": action.finding,
        "owner": action.owner,
        "due": action.due,
        "effort": action.effort,
        "impact_minutes_per_year": action.impact_minutes_per_year,
        "status": action.status,
        "notes": action.notes,
        "extra": dict(action.extra),
    }


def action_of(row: ActionRow) -> Action:
    return Action(
        id=row.key,
        verb=cast(Any, row.verb),
        title=row.title,
        steps=tuple(row.steps or ()),
        finding=row.finding,
        owner=row.owner,
        due=row.due,
        effort=row.effort,
        impact_minutes_per_year=row.impact_minutes_per_year,
        status=cast(Any, row.status),
        notes=row.notes,
        extra=dict(row.extra or {}),
    )


def root_cause_values(cause: RootCause, position: int) -> dict[str, Any]:
    return {
        "position": position,
        "finding": cause.finding,
        "whys": [why_document(node) for node in cause.whys],
        "fishbone": {category: list(causes) for category, causes in cause.fishbone.items()},
        "conclusion": cause.conclusion,
        "extra": dict(cause.extra),
    }


def root_cause_of(row: RootCauseRow) -> RootCause:
    return RootCause(
        finding=row.finding,
        whys=read_whys(row.whys or []),
        fishbone={category: tuple(causes) for category, causes in (row.fishbone or {}).items()},
        conclusion=row.conclusion,
        extra=dict(row.extra or {}),
    )


def plan_row_values(item: ControlPlanRow, position: int) -> dict[str, Any]:
    return {
        "position": position,
        "metric": item.metric,
        "what": item.what,
        "how": item.how,
        "frequency": item.frequency,
        "who": item.who,
        "lower_limit": item.lower_limit,
        "upper_limit": item.upper_limit,
        "reaction": item.reaction,
        "notify": item.notify,
        "extra": dict(item.extra),
    }


def review_values(review: Review, position: int) -> dict[str, Any]:
    return {
        "position": position,
        "key": review.id,
        "kind": review.kind,
        "due": review.due,
        "done_on": review.done_on,
        "verdict": review.verdict,
        "answers": dict(review.answers),
        "notes": review.notes,
        "extra": dict(review.extra),
    }


def measurement_values(item: Measurement, position: int) -> dict[str, Any]:
    return {
        "position": position,
        "metric": item.metric,
        "day": item.day,
        "value": item.value,
        "note": item.note,
        "extra": dict(item.extra),
    }


def control_of(row: ProcessRow) -> Control:
    """The control phase of a process row: go-live, owner, plan, reviews, measurements."""
    return Control(
        go_live=row.go_live,
        owner=row.control_owner,
        plan=tuple(
            ControlPlanRow(
                metric=item.metric, what=item.what, how=item.how, frequency=item.frequency,
                who=item.who, lower_limit=item.lower_limit, upper_limit=item.upper_limit,
                reaction=item.reaction, notify=item.notify, extra=dict(item.extra or {}),
            )
            for item in row.control_plan
        ),
        reviews=tuple(review_of(item) for item in row.reviews),
        measurements=tuple(
            Measurement(metric=item.metric, day=item.day, value=item.value, note=item.note,
                        extra=dict(item.extra or {}))
            for item in row.measurements
        ),
        extra=dict(row.control_extra or {}),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class ChildList:
    """A list of a process kept as rows of one table, written anew when it changes."""

    table: type[Any]
    items: Callable[[Process], Sequence[Any]]
    values: Callable[[Any, int], dict[str, Any]]


CHILD_LISTS: tuple[ChildList, ...] = (
    ChildList(InterviewRow, lambda p: p.interviews, interview_values),
    ChildList(GoalRow, lambda p: p.goals, goal_values),
    ChildList(ActionRow, lambda p: p.actions, action_values),
    ChildList(RootCauseRow, lambda p: p.root_causes, root_cause_values),
    ChildList(ControlPlanRowRow, lambda p: p.control.plan, plan_row_values),
    ChildList(ReviewRow, lambda p: p.control.reviews, review_values),
    ChildList(MeasurementRow, lambda p: p.control.measurements, measurement_values),
)


def child_rows(child: ChildList, process: Process, process_id: str) -> list[Any]:
    """New rows for one of a process's lists."""
    return [
        child.table(id=new_id(), process_id=process_id, **child.values(item, index))
        for index, item in enumerate(child.items(process))
    ]


def review_of(row: ReviewRow) -> Review:
    return Review(
        id=row.key,
        kind=cast(Any, row.kind),
        due=row.due,
        done_on=row.done_on,
        verdict=cast(Any, row.verdict),
        answers=dict(row.answers or {}),
        notes=row.notes,
        extra=dict(row.extra or {}),
    )
