"""Cases in progress over time: for each day, how many cases had begun and not yet ended."""

from __future__ import annotations

from collections import Counter

from app.evidence.log import EventLog
from app.evidence.timestamps import minutes_to_datetime

MAX_POINTS = 5000  # a log spanning more days is counted every few days


def in_progress_by_day(log: EventLog) -> tuple[tuple[int, int], ...]:
    """(day ordinal, cases open at some moment of that UTC day), first day to last."""
    opened: Counter[int] = Counter()
    closed: Counter[int] = Counter()
    for events in log.cases.values():
        first = events[0].start if events[0].start is not None else events[0].time
        opened[_day(first)] += 1
        closed[_day(events[-1].time) + 1] += 1
    if not opened:
        return ()
    first_day, after_last = min(opened), max(closed)
    every = max(1, (after_last - first_day) // MAX_POINTS + 1)
    open_now = 0
    days = []
    for day in range(first_day, after_last):
        open_now += opened[day] - closed[day]
        if (day - first_day) % every == 0:
            days.append((day, open_now))
    return tuple(days)


def _day(minutes: float) -> int:
    return minutes_to_datetime(minutes).date().toordinal()
