"""What the control phase watches: the metrics, their plan rows, values and I-MR charts.

One place for the UI and the PDF to agree on which metrics a process watches (its goal
metrics first, then any other metric that has measurements), which goal a metric's chart
takes its direction and target from, how a typed value is read in the goal's unit, and what
verdict a review should start from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from app.analysis.control_chart import ChartResult, ChartVerdict, Direction, individuals_chart
from app.analysis.goals import (
    BUILTIN_METRICS,
    goal_direction,
    goal_value,
    minutes_per_unit,
    typed_fraction,
)
from app.analysis.wording import plain_number
from app.process.control import Control, ControlPlanRow, ReviewVerdict
from app.process.durations import DurationError, parse_duration
from app.process.measurements import parse_value
from app.process.model import Goal, Process

_LETTERS = re.compile(r"[A-Za-z]")


def watched_metrics(process: Process) -> tuple[str, ...]:
    """The goal metrics in goal order, then other measured metrics in the order first seen."""
    metrics: list[str] = []
    for metric in (
        *(goal.metric for goal in process.goals),
        *(row.metric for row in process.control.plan),
        *(item.metric for item in process.control.measurements),
    ):
        if metric and metric not in metrics:
            metrics.append(metric)
    return tuple(metrics)


def metric_goal(process: Process, metric: str) -> Goal | None:
    """The first goal on ``metric``, or None for a metric measured without a goal."""
    return next((goal for goal in process.goals if goal.metric == metric), None)


def metric_direction(process: Process, metric: str) -> Direction:
    """Which way is better: the goal's, else the built-in metric's, else lower."""
    goal = metric_goal(process, metric)
    direction = goal_direction(goal) if goal is not None else None
    spec = BUILTIN_METRICS.get(metric)
    return direction or (spec.direction if spec else "decrease")


def metric_chart(process: Process, metric: str) -> ChartResult:
    """The I-MR chart of one metric's measurements around the go-live."""
    goal = metric_goal(process, metric)
    points = [(item.day, item.value) for item in process.control.measurements_of(metric)]
    return individuals_chart(
        points,
        go_live=process.control.go_live,
        direction=metric_direction(process, metric),
        target=goal.target if goal is not None else None,
        number=lambda value: value_text(process, metric, value),
    )


def value_text(process: Process, metric: str, value: float) -> str:
    """A measured value as a person reads it: ``3 days``, ``25 %``, ``1,200 USD``, ``12``."""
    goal = metric_goal(process, metric)
    if goal is None:
        return plain_number(value, decimals=2)
    return goal_value(goal, value, currency=process.currency)


def unit_words(process: Process, metric: str) -> str:
    """The unit measured values are kept in (``minutes``, ``%``, ``USD``), or ``""``."""
    goal = metric_goal(process, metric)
    spec = BUILTIN_METRICS.get(metric)
    if spec is not None and spec.unit == "fraction":
        return "%"
    if spec is not None and spec.unit == "money":
        unit = goal.unit.strip() if goal is not None else ""
        return unit if unit and unit.lower() != "money" else process.currency
    if spec is not None and spec.unit == "minutes":
        return (goal.unit if goal is not None else "") or "minutes"
    return goal.unit.strip() if goal is not None else ""


def read_value(process: Process, metric: str, text: str) -> float:
    """A typed value in the metric's stored unit; ValueError with a sentence when unreadable.

    A duration metric understands ``3 days`` or ``2h`` and converts to the goal's unit; a
    fraction metric reads ``25 %``, ``25`` or ``0.25`` as 0.25 (``typed_fraction``);
    otherwise units are tolerated and the number is taken as written.
    """
    spec = BUILTIN_METRICS.get(metric)
    if spec is not None and spec.unit == "minutes" and _LETTERS.search(text):
        return _duration_value(process, metric, text)
    value = parse_value(text)
    if spec is not None and spec.unit == "fraction":
        return typed_fraction(value, text)
    return value


def _duration_value(process: Process, metric: str, text: str) -> float:
    try:
        minutes = parse_duration(text)
    except DurationError as error:
        raise ValueError(str(error)) from error
    factor = minutes_per_unit(unit_words(process, metric)) or 1.0
    return minutes / factor


def value_is_fraction(metric: str) -> bool:
    """True when the metric is kept as a 0..1 fraction but typed and shown as a percentage."""
    spec = BUILTIN_METRICS.get(metric)
    return spec is not None and spec.unit == "fraction"


def prefilled_plan(process: Process) -> tuple[ControlPlanRow, ...]:
    """The plan rows, with a row added for each goal metric that has none (who: the owner)."""
    rows = list(process.control.plan)
    planned = {row.metric for row in rows}
    for goal in process.goals:
        if goal.metric and goal.metric not in planned:
            planned.add(goal.metric)
            rows.append(_row_for_goal(goal))
    return tuple(rows)


def _row_for_goal(goal: Goal) -> ControlPlanRow:
    return ControlPlanRow(metric=goal.metric, how=goal.measured_by, who=goal.owner)


def with_plan_row(control: Control, row: ControlPlanRow) -> Control:
    """The control with ``row`` replacing the row of its metric (or added at the end)."""
    rows = list(control.plan)
    for index, existing in enumerate(rows):
        if existing.metric == row.metric:
            rows[index] = row
            return replace(control, plan=tuple(rows))
    return replace(control, plan=(*rows, row))


def suggested_verdict(charts: Sequence[ChartResult]) -> ReviewVerdict:
    """The verdict a review starts from: fading if any chart fades, met if all judged are met."""
    judged: list[ChartVerdict] = [c.verdict for c in charts if c.verdict != "not enough data"]
    if "fading" in judged:
        return "fading"
    if judged and all(verdict == "met" for verdict in judged):
        return "met"
    return "holding"
