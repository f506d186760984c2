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
    wait_values: tuple[float, ...]  # sorted, minutes
    touch_values: tuple[float, ...]  # sorted, minutes
    repeated_cases: int

    @property
    def wait(self) -> Spread | None:
        return spread(self.wait_values)

    @property
    def touch(self) -> Spread | None:
        return spread(self.touch_values)

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


def analyse_log(log: EventLog) -> LogFigures:
    """Every figure of ``log``: one pass over its events for the waits, then per variant."""
    arc_waits: dict[tuple[str, str], list[float]] = defaultdict(list)
    touches: dict[str, list[float]] = defaultdict(list)
    paths: Counter[tuple[str, ...]] = Counter()
    leads: list[float] = []
    for events in log.cases.values():
        paths[tuple([event.activity for event in events])] += 1
        leads.append(events[-1].time - _began(events[0]))
        _tally_waits(events, arc_waits, touches)
    total = len(log.cases)
    lead = spread(leads)
    assert lead is not None  # a log always has a case
    counts = _VariantCounts.of(paths)
    return LogFigures(
        cases=total,
        events=sum(counts.events.values()),
        variants=_variants(paths, total),
        arcs=_arcs(arc_waits),
        activities=_activities(counts, arc_waits, touches),
        lead_time=lead,
        rework_rate=counts.reworked / total,
        in_progress=in_progress_by_day(log),
    )


def _began(event: Event) -> float:
    return event.start if event.start is not None else event.time


def _tally_waits(
    events: list[Event],
    arc_waits: dict[tuple[str, str], list[float]],
    touches: dict[str, list[float]],
) -> None:
    """Add one case's waits (per arc) and hands-on times (per activity); the hot loop."""
    previous = events[0]
    if previous.start is not None:
        touches[previous.activity].append(previous.time - previous.start)
    for event in events[1:]:
        began = event.time if event.start is None else event.start
        if event.start is not None:
            touches[event.activity].append(event.time - event.start)
        wait = began - previous.time
        arc_waits[previous.activity, event.activity].append(wait if wait > 0 else 0.0)
        previous = event


@dataclass(slots=True)
class _VariantCounts:
    """Events, cases and repeats per activity, counted once per distinct path."""

    events: Counter[str]
    cases: Counter[str]
    repeated: Counter[str]
    reworked: int

    @classmethod
    def of(cls, paths: Counter[tuple[str, ...]]) -> _VariantCounts:
        counts = cls(Counter(), Counter(), Counter(), 0)
        for path, cases in paths.items():
            seen = Counter(path)
            for activity, times in seen.items():
                counts.events[activity] += times * cases
                counts.cases[activity] += cases
                if times > 1:
                    counts.repeated[activity] += cases
            if len(seen) < len(path):
                counts.reworked += cases
        return counts


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


def _activities(
    counts: _VariantCounts,
    arc_waits: dict[tuple[str, str], list[float]],
    touches: dict[str, list[float]],
) -> dict[str, ActivityFigures]:
    waits: dict[str, list[float]] = defaultdict(list)
    for (_, target), values in arc_waits.items():
        waits[target].extend(values)
    return {
        activity: ActivityFigures(
            activity,
            events,
            counts.cases[activity],
            tuple(sorted(waits.get(activity, ()))),
            tuple(sorted(touches.get(activity, ()))),
            counts.repeated[activity],
        )
        for activity, events in sorted(counts.events.items(), key=lambda item: (-item[1], item[0]))
    }
