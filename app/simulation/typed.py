"""What a person typed for a what-if, read into the saved form of app.simulation.saved, with
one sentence naming the scenario and the field for anything the simulation could not use."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app.process.durations import DurationError, format_duration, parse_duration
from app.process.model import Step
from app.process.staffing import DAY_NAMES, read_hours


def read_step_time(place: str, step: Step, texts: Mapping[str, str]) -> dict[str, float] | None:
    """``{"typical", "best"?, "worst"?}`` minutes from typed durations; None when all are empty.

    An empty typical keeps the map's; best and worst must hold the typical between them.
    """
    if not any(text.strip() for text in texts.values()):
        return None
    minutes = {
        key: _minutes(text, f"{place}, {key}") for key, text in texts.items() if text.strip()
    }
    typical = minutes.setdefault("typical", step.touch_minutes)
    best, worst = minutes.get("best", typical), minutes.get("worst", typical)
    if best > worst:
        raise ValueError(
            f"{place}: the best time ({format_duration(best)}) is longer than the worst "
            f"({format_duration(worst)})."
        )
    if not best <= typical <= worst:
        raise ValueError(
            f"{place}: the typical time ({format_duration(typical)}) must lie between the best "
            f"({format_duration(best)}) and the worst ({format_duration(worst)})."
        )
    return minutes


def read_hours_fields(place: str, texts: Sequence[str]) -> dict[str, Any] | None:
    """Working hours from typed days, opening and closing; None when all three are empty."""
    days_text, start, end = (text.strip() for text in texts)
    if not (days_text or start or end):
        return None
    document = {"days": read_days(days_text, place), "start": start, "end": end}
    if not days_text or not start or not end:
        raise ValueError(f"{place}: give the working days, the opening and the closing time.")
    if read_hours(document) is None:
        raise ValueError(
            f"{place}: '{start}'–'{end}' are not working hours; write them as 09:00 and 17:00, "
            "the closing after the opening."
        )
    return document


def read_days(text: str, place: str) -> list[str]:
    """``mon-fri`` or ``mon tue wed`` as day names; ValueError names the place."""
    words = text.lower().replace(",", " ").split()
    if len(words) == 1 and "-" in words[0]:
        first, _, last = words[0].partition("-")
        if first in DAY_NAMES and last in DAY_NAMES:
            return list(DAY_NAMES[DAY_NAMES.index(first) : DAY_NAMES.index(last) + 1])
    unknown = [word for word in words if word not in DAY_NAMES]
    if unknown:
        raise ValueError(f"{place}: '{unknown[0]}' is not a day; use {', '.join(DAY_NAMES)}.")
    return words


def _minutes(text: str, place: str) -> float:
    try:
        return parse_duration(text)
    except DurationError as error:
        raise ValueError(f"{place}: {error}") from error
