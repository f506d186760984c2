"""What a simulation needs beyond the interview's typical figures: staffing, hours, ranges.

Per lane: ``people`` (how many do the work at once; absent = unlimited) and ``working_hours``
(days and a daily window; absent = around the clock). Per step: ``touch_best_minutes`` and
``touch_worst_minutes`` (a triangular range around the typical hands-on time; absent = fixed)
and ``wait_for`` — ``"queue"`` (the wait is the lane's own queue, which a simulation with a
capacity replaces by the queue it produces) or ``"outside"`` (a supplier, a customer, a batch
run: kept as typed). They live in the ``extra`` JSON of lanes and steps, which the database
already stores, so this wave adds no Alembic revision (issue-15 owns the only one); the process
file carries them as the same optional keys. Stdlib only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from app.process.fields import Problems, describe
from app.process.model import Lane, Step

WaitFor = Literal["queue", "outside"]
WAIT_FOR: tuple[WaitFor, ...] = ("queue", "outside")
DAY_NAMES: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MINUTES_PER_DAY = 1440


@dataclass(frozen=True, slots=True)
class WorkingHours:
    """Open on ``days`` (0 = Monday) from ``start`` to ``end``, minutes after midnight."""

    days: tuple[int, ...]
    start: int
    end: int

    @property
    def minutes_per_week(self) -> int:
        """Open minutes in one week."""
        return len(self.days) * max(0, self.end - self.start)


def lane_people(lane: Lane) -> int | None:
    """How many people (or system slots) work in the lane at once; None = unlimited."""
    value = lane.extra.get("people")
    return _whole(value)


def lane_hours(lane: Lane) -> WorkingHours | None:
    """The lane's working hours; None = around the clock (or unreadable, see check)."""
    return read_hours(lane.extra.get("working_hours"))


def touch_range(step: Step) -> tuple[float, float] | None:
    """Best and worst hands-on minutes when both are given, else None (fixed time)."""
    best, worst = (
        _number(step.extra.get("touch_best_minutes")),
        _number(step.extra.get("touch_worst_minutes")),
    )
    if best is None or worst is None:
        return None
    return best, worst


def wait_for(step: Step) -> WaitFor | None:
    """What the typed wait is for, when the interview said so."""
    value = step.extra.get("wait_for")
    return value if value in WAIT_FOR else None


def with_people(lane: Lane, people: int | None) -> Lane:
    """The lane with ``people`` set (None removes the capacity: unlimited)."""
    extra = {k: v for k, v in lane.extra.items() if k != "people"}
    if people is not None:
        extra["people"] = people
    return replace(lane, extra=extra)


def with_wait_for(step: Step, value: WaitFor | None) -> Step:
    """The step with what its wait is for set (None removes it: not said)."""
    extra = {k: v for k, v in step.extra.items() if k != "wait_for"}
    if value is not None:
        extra["wait_for"] = value
    return replace(step, extra=extra)


def hours_document(hours: WorkingHours) -> dict[str, Any]:
    """The file form of working hours: ``{"days": ["mon", …], "start": "09:00", …}``."""
    return {
        "days": [DAY_NAMES[day] for day in hours.days],
        "start": _clock(hours.start),
        "end": _clock(hours.end),
    }


def check_staffing(
    lanes: Sequence[Lane], steps: Sequence[Step], problems: Problems, prefix: str = ""
) -> None:
    """Record every unusable staffing value with its place (``lanes[1].people: …``)."""
    for index, lane in enumerate(lanes):
        _check_lane(lane, steps, problems, f"{prefix}lanes[{index}]")
    for index, step in enumerate(steps):
        _check_step(step, problems, f"{prefix}steps[{index}]")


def _check_lane(lane: Lane, steps: Sequence[Step], problems: Problems, place: str) -> None:
    value = lane.extra.get("people")
    if value is not None and _whole(value) is None:
        message = f"must be a whole number of people, 0 or more, got {describe(value)}"
        problems.add(f"{place}.people", message)
    elif value == 0:
        busy = [step.name for step in steps if step.lane == lane.id and step.touch_minutes > 0]
        if busy:
            problems.add(
                f"{place}.people",
                f"'{lane.name}' has 0 people but hands-on work in '{busy[0]}'; "
                "give it at least 1 person, or leave it empty for unlimited",
            )
    hours = lane.extra.get("working_hours")
    if hours is not None:
        _check_hours(hours, problems, f"{place}.working_hours")


def _check_hours(value: Any, problems: Problems, place: str) -> None:
    if not isinstance(value, Mapping):
        problems.add(place, f"must be an object with days, start and end, got {describe(value)}")
        return
    days, start, end = value.get("days"), _minutes(value.get("start")), _minutes(value.get("end"))
    if not isinstance(days, list) or any(day not in DAY_NAMES for day in days):
        problems.add(f"{place}.days", f"must list days among {', '.join(DAY_NAMES)}")
    elif start is None or end is None:
        problems.add(place, "start and end must be times written HH:MM")
    elif not days or end <= start:
        problems.add(place, "has no working hours: give at least one day and an end after start")


def _check_step(step: Step, problems: Problems, place: str) -> None:
    for key in ("touch_best_minutes", "touch_worst_minutes"):
        value = step.extra.get(key)
        if value is not None and _number(value) is None:
            problems.add(f"{place}.{key}", f"must be a number >= 0, got {describe(value)}")
    span = touch_range(step)
    if span is not None and span[0] > span[1]:
        problems.add(
            place,
            f"'{step.name}': the best hands-on time ({span[0]:g} min) is longer than "
            f"the worst ({span[1]:g} min)",
        )
    elif span is not None and not span[0] <= step.touch_minutes <= span[1]:
        problems.add(
            place,
            f"'{step.name}': the typical hands-on time ({step.touch_minutes:g} min) is not "
            f"between the best ({span[0]:g}) and the worst ({span[1]:g})",
        )
    value = step.extra.get("wait_for")
    if value is not None and value not in WAIT_FOR:
        problems.add(f"{place}.wait_for", f"must be queue or outside, got {describe(value)}")


def _whole(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or value < 0 or not float(value).is_integer():
        return None
    return int(value)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) and value >= 0 else None


def read_hours(value: Any) -> WorkingHours | None:
    """Working hours from their file form; None when absent or unusable."""
    if not isinstance(value, Mapping) or not isinstance(value.get("days"), list):
        return None
    days = tuple(sorted({DAY_NAMES.index(d) for d in value["days"] if d in DAY_NAMES}))
    start, end = _minutes(value.get("start")), _minutes(value.get("end"))
    if start is None or end is None or not days or end <= start:
        return None
    return WorkingHours(days, start, end)


def _minutes(value: Any) -> int | None:
    """Minutes after midnight of ``"HH:MM"`` (``"24:00"`` allowed as an end)."""
    if not isinstance(value, str) or len(value.split(":")) != 2:
        return None
    hours, minutes = value.split(":")
    if not (hours.isdigit() and minutes.isdigit()):
        return None
    total = int(hours) * 60 + int(minutes)
    return total if int(minutes) < 60 and total <= MINUTES_PER_DAY else None


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
