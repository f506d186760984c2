"""Reading typed answers that are not durations: numbers, dates, frequencies, lists of names.

Durations go through ``app.process.durations`` (the one parser). Each reader returns a value or
raises ``AnswerError`` with one sentence saying what was not understood.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from app.process.model import LaneKind


class AnswerError(ValueError):
    """An answer that cannot be read; the message is the sentence to show beside the field."""


_NUMBER = r"(\d+(?:[.,]\d+)?)"
_UNITS = {
    "day": "day",
    "days": "day",
    "d": "day",
    "working day": "day",
    "working days": "day",
    "week": "week",
    "weeks": "week",
    "wk": "week",
    "w": "week",
    "month": "month",
    "months": "month",
    "mo": "month",
    "year": "year",
    "years": "year",
    "yr": "year",
    "y": "year",
    "annum": "year",
}
_ADVERBS = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year"}
_ADVERBS["annually"] = "year"
_FREQUENCY = re.compile(
    rf"{_NUMBER}\s*(?:x|times)?\s*(?:(?:per|a|an|each|every|/|in\s+a)\s*)?(?P<unit>[a-z ]+?)\.?"
)


def read_number(text: str) -> float:
    """A number >= 0 as typed (``12``, ``2.5``, ``2,5``)."""
    cleaned = text.strip()
    if not re.fullmatch(_NUMBER, cleaned):
        raise AnswerError(f"'{cleaned}' is not a number: type one such as 12 or 2.5.")
    return float(cleaned.replace(",", "."))


def read_date(text: str) -> dt.date | None:
    """An ISO date (``2026-11-20``, also with slashes); None when blank."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        return dt.date.fromisoformat(cleaned.replace("/", "-"))
    except ValueError:
        raise AnswerError(f"'{cleaned}' is not a date: type it as 2026-11-20.") from None


def read_frequency(text: str, runs_per_year: Mapping[str, float]) -> float:
    """Runs per year from ``20 per week``, ``5 a day``, ``3/month``, ``weekly``."""
    cleaned = " ".join(text.strip().lower().split())
    if cleaned in _ADVERBS:
        return runs_per_year[_ADVERBS[cleaned]]
    match = _FREQUENCY.fullmatch(cleaned)
    unit = _UNITS.get(match.group("unit").strip()) if match else None
    unit = unit or (_ADVERBS.get(match.group("unit").strip()) if match else None)
    if match is None or unit is None:
        raise AnswerError(
            f"'{text.strip()}' is not a frequency: type a number per day, week, month or year, "
            "as in '20 per week'."
        )
    return float(match.group(1).replace(",", ".")) * runs_per_year[unit]


def read_names(text: str) -> list[str]:
    """Names separated by commas, semicolons or new lines; blanks and repeats dropped."""
    names: dict[str, str] = {}
    for part in re.split(r"[,;\n]", text):
        name = " ".join(part.split())
        if name and name.casefold() not in names:
            names[name.casefold()] = name
    return list(names.values())


def read_lane_name(text: str) -> tuple[str, LaneKind]:
    """A lane name and its kind: ``"ERP (system)"`` is the system lane ``ERP``."""
    match = re.fullmatch(r"(.*?)\s*\((system|role)\)", text.strip(), re.IGNORECASE)
    if match and match.group(1):
        kind: LaneKind = "system" if match.group(2).lower() == "system" else "role"
        return match.group(1), kind
    return text.strip(), "role"
