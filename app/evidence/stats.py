"""What a log says on its own: variants, directly-follows arcs, waits, hands-on time, rework.

The wait before an event is when it started (its start when logged, else its timestamp) minus
the previous event's timestamp in the same case, never below 0 (method.md); hands-on time is
timestamp minus start, for events that log both.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from app.evidence.figures import Spread, spread
from app.evidence.log import Event, EventLog
from app.evidence.progress_over_time import in_progress_by_day


@dataclass(frozen=True, slots=True)
class Variant:
    """A distinct path: a case's activities in order, with how many cases took it."""

    path: tuple[str, ...]
    count: int
    share: float


@dataclass(frozen=True, slots=True)
class Arc:
    """One activity directly followed by another, and the waits between them (minutes)."""

    source: str
    target: str
    count: int
    wait: Spread


@dataclass(frozen=True, slots=True)
class ActivityFigures:
    """One activity across the log: how often, how long it waited and was worked on, rework."""

    activity: str
    events: int
    cases: int
    wait: Spread | None
    touch: Spread | None
    repeated_cases: int

    @property
    def rework_rate(self) -> float:
        """The share of the cases with this activity that did it more than once."""
        return self.repeated_cases / self.cases if self.cases else 0.0


@dataclass(frozen=True, slots=True)
class LogFigures:
    """Every figure of a log, for the report and the comparison with the map."""

    cases: int
    events: int
    variants: tuple[Variant, ...]
    arcs: tuple[Arc, ...]
    activities: dict[str, ActivityFigures]
    lead_time: Spread
    rework_rate: float
    in_progress: tuple[tuple[int, int], ...]  # (day ordinal, cases open that day)


@dataclass(slots=True)
class _Tally:
    waits: dict[tuple[str, str], list[float]]
    activity_waits: dict[str, list[float]]
    touches: dict[str, list[float]]
    events: Counter[str]
    cases: Counter[str]
    repeated: Counter[str]


def analyse_log(log: EventLog) -> LogFigures:
    """Every figure of ``log`` in one pass over its cases."""
    tally = _Tally(
        defaultdict(list), defaultdict(list), defaultdict(list), Counter(), Counter(), Counter()
    )
    paths: Counter[tuple[str, ...]] = Counter()
    leads: list[float] = []
    reworked = 0
    for events in log.cases.values():
        paths[tuple(event.activity for event in events)] += 1
        leads.append(events[-1].time - _began(events[0]))
        reworked += _tally_case(tally, events)
    total = len(log.cases)
    lead = spread(leads)
    assert lead is not None  # a log always has a case
    return LogFigures(
        cases=total,
        events=sum(tally.events.values()),
        variants=_variants(paths, total),
        arcs=_arcs(tally.waits),
        activities=_activities(tally),
        lead_time=lead,
        rework_rate=reworked / total,
        in_progress=in_progress_by_day(log),
    )


def _began(event: Event) -> float:
    return event.start if event.start is not None else event.time


def _tally_case(tally: _Tally, events: list[Event]) -> int:
    """Add one case to ``tally``; 1 when it repeated an activity, else 0."""
    previous: Event | None = None
    for event in events:
        activity = event.activity
        tally.events[activity] += 1
        if event.start is not None:
            tally.touches[activity].append(event.time - event.start)
        if previous is not None:
            wait = max(0.0, _began(event) - previous.time)
            tally.waits[previous.activity, activity].append(wait)
            tally.activity_waits[activity].append(wait)
        previous = event
    seen = Counter(event.activity for event in events)
    tally.cases.update(seen.keys())
    repeated = [activity for activity, count in seen.items() if count > 1]
    tally.repeated.update(repeated)
    return 1 if repeated else 0


def _variants(paths: Counter[tuple[str, ...]], total: int) -> tuple[Variant, ...]:
    ordered = sorted(paths.items(), key=lambda item: (-item[1], item[0]))
    return tuple(Variant(path, count, count / total) for path, count in ordered)


def _arcs(waits: dict[tuple[str, str], list[float]]) -> tuple[Arc, ...]:
    arcs = []
    for (source, target), values in waits.items():
        figures = spread(values)
        assert figures is not None
        arcs.append(Arc(source, target, len(values), figures))
    return tuple(sorted(arcs, key=lambda arc: (-arc.count, arc.source, arc.target)))


def _activities(tally: _Tally) -> dict[str, ActivityFigures]:
    return {
        activity: ActivityFigures(
            activity,
            events,
            tally.cases[activity],
            spread(tally.activity_waits.get(activity, [])),
            spread(tally.touches.get(activity, [])),
            tally.repeated[activity],
        )
        for activity, events in sorted(tally.events.items(), key=lambda item: (-item[1], item[0]))
    }
