"""A lead-time goal's baseline taken from a log: the recorded median, dated, with its source."""

from __future__ import annotations

from dataclasses import replace

from app.evidence.report import Evidence
from app.evidence.timestamps import minutes_to_datetime
from app.process.dates import format_date
from app.process.model import Process


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
    goals = tuple(
        replace(goal, baseline=median, baseline_date=last, baseline_source=source)
        if goal.metric == "lead_time"
        else goal
        for goal in process.goals
    )
    changed = sum(1 for goal in process.goals if goal.metric == "lead_time")
    return replace(process, goals=goals), changed
