"""An event log held in memory: each case's events in time order, times in minutes (UTC)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from app.evidence.errors import ImportCancelledError

# Called with the share read so far (0..1); returns False to cancel the import.
Progress = Callable[[float], bool]


@dataclass(slots=True)
class Event:
    """One recorded event: its activity, when it ended and, when logged, when it started.

    Never changed once read; not frozen because a frozen dataclass is three times slower to
    create, which a 500,000-event log feels.
    """

    activity: str
    time: float
    start: float | None = None
    resource: str = ""
    cost: float | None = None


@dataclass(frozen=True, slots=True)
class EventLog:
    """Every case of a log, its events sorted by time; ``notes`` say what reading changed."""

    name: str
    cases: dict[str, list[Event]]
    notes: tuple[str, ...] = ()

    @property
    def event_count(self) -> int:
        return sum(len(events) for events in self.cases.values())

    def activities(self) -> list[str]:
        """Every activity of the log, most frequent first (then by name)."""
        counts: dict[str, int] = {}
        for events in self.cases.values():
            for event in events:
                counts[event.activity] = counts.get(event.activity, 0) + 1
        return sorted(counts, key=lambda name: (-counts[name], name))

    def date_range(self) -> tuple[float, float] | None:
        """The first and last moment recorded, in minutes since 1970, or None when empty."""
        moments = [m for events in self.cases.values() for m in _moments(events)]
        return (min(moments), max(moments)) if moments else None


def _moments(events: list[Event]) -> Iterator[float]:
    for event in events:
        yield event.time
        if event.start is not None:
            yield event.start


@dataclass(slots=True)
class LogBuilder:
    """Collects events as a reader streams them and sorts each case once at the end."""

    name: str
    cases: dict[str, list[Event]] = field(default_factory=dict)
    strings: dict[str, str] = field(default_factory=dict)

    def add(self, case: str, event: Event) -> None:
        events = self.cases.get(case)
        if events is None:
            self.cases[case] = [event]
        else:
            events.append(event)

    def intern(self, text: str) -> str:
        """One string object per distinct name: a 500,000-event log repeats a few dozen."""
        return self.strings.setdefault(text, text)

    def finish(self) -> EventLog:
        """The log, each case in time order; a note says how many cases had to be sorted."""
        unsorted = 0
        for events in self.cases.values():
            if any(a.time > b.time for a, b in pairwise(events)):
                events.sort(key=_event_time)
                unsorted += 1
        notes = []
        if unsorted:
            notes.append(
                f"{unsorted} case(s) had events out of time order in the file; "
                "they were put in time order."
            )
        return EventLog(self.name, self.cases, tuple(notes))


def _event_time(event: Event) -> float:
    return event.time


def report_progress(progress: Progress | None, share: float) -> None:
    """Tell ``progress`` how far reading is; ImportCancelledError when it answers False."""
    if progress is not None and not progress(min(1.0, share)):
        raise ImportCancelledError("The import was cancelled; nothing was kept.")
