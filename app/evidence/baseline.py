"""Data where the method needs it, from a log: a lead-time goal's baseline, the chart's points.

Durations are kept in the unit of the lead-time goal (minutes unless it says days, hours…),
as the goal and the control chart keep them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from app.analysis.goals import minutes_per_unit
from app.analysis.monitoring import unit_words
from app.evidence.cohorts import weekly_lead_times
from app.evidence.report import Evidence
from app.evidence.timestamps import minutes_to_datetime
from app.process.control import Measurement
from app.process.dates import format_date
from app.process.model import Goal, Process

METRIC = "lead_time"


def with_log_baseline(process: Process, evidence: Evidence) -> tuple[Process, int]:
    """``process`` with every lead-time goal's baseline set from the log; how many changed."""
    moments = evidence.log.date_range()
    if moments is None:
        return process, 0
    first, last = (minutes_to_datetime(m).date() for m in moments)
    source = (
        f"median of {evidence.figures.cases:,} cases in the event log {evidence.log.name}, "
        f"{format_date(first)} to {format_date(last)}"
    )
    median = evidence.figures.lead_time.median
    goals = [_with_baseline(goal, median, last, source) for goal in process.goals]
    changed = sum(1 for before, after in zip(process.goals, goals, strict=True) if before != after)
    return replace(process, goals=tuple(goals)), changed


def with_weekly_measurements(process: Process, evidence: Evidence) -> tuple[Process, int]:
    """``process`` with one lead-time point per week of the log on its control chart.

    A week the chart already has a lead-time point for keeps that point; how many were added.
    """
    per_unit = minutes_per_unit(unit_words(process, METRIC))
    if per_unit is None:
        return process, 0
    control = process.control
    taken = {m.day for m in control.measurements if m.metric == METRIC}
    added = tuple(
        Measurement(
            METRIC,
            week.monday,
            week.median_minutes / per_unit,
            note=f"median of {week.cases:,} cases begun that week ({evidence.log.name})",
        )
        for week in weekly_lead_times(evidence.log)
        if week.monday not in taken
    )
    measurements = tuple(sorted((*control.measurements, *added), key=lambda m: m.day))
    return replace(process, control=replace(control, measurements=measurements)), len(added)


def _with_baseline(goal: Goal, median: float, day: dt.date, source: str) -> Goal:
    per_unit = minutes_per_unit(goal.unit)
    if goal.metric != METRIC or per_unit is None:
        return goal
    return replace(goal, baseline=median / per_unit, baseline_date=day, baseline_source=source)
