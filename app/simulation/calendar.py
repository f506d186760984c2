"""Working-hours calendars: elapsed minutes ⇄ working minutes, the week starting Monday 00:00."""

from __future__ import annotations

from app.process.staffing import MINUTES_PER_DAY, WorkingHours

MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY
WEEKS_PER_YEAR = 525_600 / MINUTES_PER_WEEK


class Calendar:
    """Converts simulation time (elapsed minutes) to and from minutes of open time."""

    __slots__ = ("intervals", "open_per_week")

    def __init__(self, hours: WorkingHours) -> None:
        self.intervals: list[tuple[float, float, float]] = []  # (start, end, work before)
        before = 0.0
        for day in hours.days:
            start = day * MINUTES_PER_DAY + hours.start
            self.intervals.append((start, start + hours.end - hours.start, before))
            before += hours.end - hours.start
        self.open_per_week = before

    def to_work(self, time: float) -> float:
        """Open minutes from the epoch up to ``time``."""
        week, rest = divmod(time, MINUTES_PER_WEEK)
        base = week * self.open_per_week
        for start, end, before in self.intervals:
            if rest < start:
                return base + before
            if rest < end:
                return base + before + rest - start
        return base + self.open_per_week

    def from_work(self, work: float) -> float:
        """The moment ``work`` open minutes have passed (a boundary maps to the next opening)."""
        week, rest = divmod(work, self.open_per_week)
        for start, end, before in self.intervals:
            if rest < before + end - start:
                return week * MINUTES_PER_WEEK + start + rest - before
        return (week + 1) * MINUTES_PER_WEEK + self.intervals[0][0]

    def advance(self, time: float, minutes: float) -> float:
        """When work of ``minutes`` begun (or waiting to begin) at ``time`` is finished."""
        return self.from_work(self.to_work(time) + minutes)

    def open_between(self, begin: float, end: float) -> float:
        """Open minutes between two moments."""
        return self.to_work(end) - self.to_work(begin)

    @property
    def open_share(self) -> float:
        """The share of the week that is open."""
        return self.open_per_week / MINUTES_PER_WEEK
