"""What the last analysed log recorded per step, kept with the process so the map and the
findings read it without reading the log again.

``process.extra["event_log"]`` carries, beside the mapping (see ``stored``), ``cases`` (the
log's case count) and ``steps``: ``{step id: {"cases", "median_wait_minutes",
"median_touch_minutes"}}`` (medians None when the log has no such time for the step).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.evidence.compare import Comparison
from app.process.dates import format_date
from app.process.model import Process

KEY = "event_log"


@dataclass(frozen=True, slots=True)
class RecordedStep:
    """One step as the log recorded it: in how many cases, its median wait and hands-on time."""

    cases: int
    wait_minutes: float | None
    touch_minutes: float | None


@dataclass(frozen=True, slots=True)
class RecordedLog:
    """The figures kept from the last log checked against the map."""

    log: str
    first: dt.date | None
    last: dt.date | None
    cases: int
    steps: Mapping[str, RecordedStep]

    def period(self) -> str:
        """'1 Mar 2026 to 30 Jun 2026', or '' when the log's dates are unknown."""
        if self.first is None or self.last is None:
            return ""
        if self.first == self.last:
            return format_date(self.first)
        return f"{format_date(self.first)} to {format_date(self.last)}"

    def source(self, cases: int) -> str:
        """'median over 9,812 cases, 1 Mar 2026 to 30 Jun 2026, log invoices.csv'."""
        parts = [f"median over {cases:,} case{'' if cases == 1 else 's'}", self.period()]
        parts.append(f"log {self.log}" if self.log else "")
        return ", ".join(part for part in parts if part)


def recorded_steps_json(comparison: Comparison) -> dict[str, dict[str, Any]]:
    """The per-step figures of ``comparison`` as kept in the process's extra JSON."""
    return {
        item.step.id: {
            "cases": item.cases,
            "median_wait_minutes": item.wait.median if item.wait else None,
            "median_touch_minutes": item.touch.median if item.touch else None,
        }
        for item in comparison.steps
    }


def recorded_log(process: Process) -> RecordedLog | None:
    """The figures kept with ``process``, or None when no analysed log is kept (or it is junk)."""
    stored = process.extra.get(KEY)
    if not isinstance(stored, Mapping) or not isinstance(stored.get("steps"), Mapping):
        return None
    steps = {
        str(step_id): step
        for step_id, figures in stored["steps"].items()
        if (step := _recorded_step(figures)) is not None
    }
    first, last = _dates(stored.get("date_range"))
    cases = stored.get("cases")
    return RecordedLog(
        log=str(stored.get("log") or ""),
        first=first,
        last=last,
        cases=cases if isinstance(cases, int) and cases > 0 else 0,
        steps=steps,
    )


def _recorded_step(figures: object) -> RecordedStep | None:
    if not isinstance(figures, Mapping):
        return None
    cases = figures.get("cases")
    if not isinstance(cases, int) or cases < 0:
        return None
    return RecordedStep(
        cases,
        _minutes(figures.get("median_wait_minutes")),
        _minutes(figures.get("median_touch_minutes")),
    )


def _minutes(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        return None
    return float(value)


def _dates(value: object) -> tuple[dt.date | None, dt.date | None]:
    if not isinstance(value, list | tuple) or len(value) != 2:
        return None, None
    try:
        first, last = (dt.datetime.fromisoformat(str(moment)).date() for moment in value)
    except ValueError:
        return None, None
    return first, last
