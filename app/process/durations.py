"""The one place durations are read from text and written for people.

Durations are minutes of elapsed time. A day is 24 hours and a week 7 days (method.md).
``parse_duration`` understands what people say in an interview: ``10``, ``10 min``,
``2h 30m``, ``1.5 h``, ``3 days``, ``a week``, ``half an hour``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MINUTES_PER_HOUR = 60.0
MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY

_UNIT_MINUTES: dict[str, float] = {}
for _names, _minutes in (
    (("s", "sec", "secs", "second", "seconds"), 1 / 60),
    (("m", "min", "mins", "minute", "minutes", "'"), 1.0),
    (("h", "hr", "hrs", "hour", "hours"), MINUTES_PER_HOUR),
    (("d", "day", "days"), MINUTES_PER_DAY),
    (("w", "wk", "wks", "week", "weeks"), MINUTES_PER_WEEK),
):
    for _name in _names:
        _UNIT_MINUTES[_name] = _minutes

_WORD_NUMBERS = {"a": 1.0, "an": 1.0, "one": 1.0, "half": 0.5, "half a": 0.5, "half an": 0.5}
_PART = re.compile(
    r"(?P<number>\d+(?:[.,]\d+)?|\b(?:half an?|half|an?|one)\b)\s*(?P<unit>[a-z']*)", re.IGNORECASE
)


class DurationError(ValueError):
    """Text that cannot be read as a duration; the message says what was understood."""


@dataclass(frozen=True, slots=True)
class _Part:
    number: float
    unit: str


def parse_duration(text: str, *, default_unit: str = "min") -> float:
    """Read a duration typed by a person and return minutes; raise DurationError if unclear.

    A bare number is taken in ``default_unit``. Negative and unreadable values are refused,
    never turned into 0.
    """
    cleaned = text.strip().lower()
    if not cleaned:
        raise DurationError("No duration given: type a number such as 10, '2 h' or '3 days'.")
    if cleaned.startswith("-"):
        raise DurationError(f"'{text.strip()}' is negative: a duration cannot be below 0.")
    parts = _split_parts(re.sub(r"\band\b", " ", cleaned), text.strip())
    if len(parts) > 1 and not all(part.unit for part in parts):
        raise DurationError(f"'{text.strip()}': give each number its unit, as in '2 h 30 min'.")
    minutes = 0.0
    for part in parts:
        unit = part.unit or default_unit
        if unit not in _UNIT_MINUTES:
            raise DurationError(
                f"'{text.strip()}': unknown unit '{part.unit}'; use min, h, days or weeks."
            )
        minutes += part.number * _UNIT_MINUTES[unit]
    return minutes


def _split_parts(cleaned: str, original: str) -> list[_Part]:
    parts: list[_Part] = []
    position = 0
    for match in _PART.finditer(cleaned):
        between = cleaned[position : match.start()].strip(" ,+&")
        if between:
            raise DurationError(f"'{original}' is not a duration: '{between}' was not understood.")
        number_text = match.group("number")
        number = _WORD_NUMBERS.get(number_text)
        if number is None:
            number = float(number_text.replace(",", "."))
        parts.append(_Part(number, match.group("unit")))
        position = match.end()
    rest = cleaned[position:].strip()
    if not parts or rest:
        raise DurationError(f"'{original}' is not a duration: type a number such as 10 or '2 h'.")
    return parts


def format_duration(minutes: float) -> str:
    """Minutes in the unit a person would use: ``45 min``, ``2.5 h``, ``5 days``, ``2 weeks``."""
    if minutes < 0:
        return "-" + format_duration(-minutes)
    if minutes < MINUTES_PER_HOUR:
        return f"{_trim(minutes)} min"
    if minutes < MINUTES_PER_DAY:
        return _with_unit(minutes / MINUTES_PER_HOUR, "h", "h")
    if minutes < 2 * MINUTES_PER_WEEK or minutes % MINUTES_PER_WEEK:
        return _with_unit(minutes / MINUTES_PER_DAY, "day", "days")
    return _with_unit(minutes / MINUTES_PER_WEEK, "week", "weeks")


def _with_unit(value: float, singular: str, plural: str) -> str:
    text = _trim(value)
    return f"{text} {singular if text == '1' else plural}"


def _trim(value: float) -> str:
    """A number with at most one decimal (none from 100 up), without a trailing '.0'."""
    rounded = round(value) if value >= 100 else round(value, 1)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.1f}"
