"""Lead time per weekly cohort: the cases that began in each week, for a baseline or a chart.

A goal's baseline is the median lead time over the log's date range; the control chart reads one
point per week (the median lead time of the cases begun that week, Monday to Sunday, UTC).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass

from app.evidence.log import EventLog
from app.evidence.timestamps import minutes_to_datetime


@dataclass(frozen=True, slots=True)
class WeeklyLeadTime:
    """The cases begun in the week starting ``monday`` and their median lead time (minutes)."""

    monday: dt.date
    cases: int
    median_minutes: float


def weekly_lead_times(log: EventLog) -> tuple[WeeklyLeadTime, ...]:
    """One point per week that has cases, oldest first."""
    leads: dict[dt.date, list[float]] = defaultdict(list)
    for events in log.cases.values():
        began = events[0].start if events[0].start is not None else events[0].time
        day = minutes_to_datetime(began).date()
        leads[day - dt.timedelta(days=day.weekday())].append(events[-1].time - began)
    return tuple(
        WeeklyLeadTime(monday, len(values), statistics.median(values))
        for monday, values in sorted(leads.items())
    )
