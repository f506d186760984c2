"""Dates as people type them: the one date reader of the app, and the one way dates are shown.

``parse_date`` reads a written date: ISO (2027-03-31), 31/03/2027 or 03/31/2027 by ``day_first``
(31/03 is the 31st either way), 31.03.2027, two-digit years as 20yy, "31 Mar 2027",
"31 March 2027", "Mar 31, 2027", "31-Mar-2027", a weekday name and a time of day ignored.

``read_typed_date`` is for a field a person types in: it also reads "today", "yesterday",
"tomorrow", "in 3 days", "2 weeks ago", "in 1 month", and a date without its year ("31 Dec",
"31/12"), which is the next such day from ``today`` (or the last one with ``past=True``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from collections.abc import Mapping

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTH_ABBREVIATIONS = {name[:3]: number for name, number in _MONTHS.items()} | {"sept": 9}
_WEEKDAYS = {name.lower() for name in (*calendar.day_name, *calendar.day_abbr)}
_TIME_OF_DAY = re.compile(r"(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?$", re.I)
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})")
_NUMERIC_NO_YEAR = re.compile(r"(\d{1,2})[/.](\d{1,2})")
_WORDY = re.compile(r"[A-Za-z0-9][A-Za-z0-9\s,.\-/]*")
_RELATIVE = re.compile(r"(?:in\s+)?(\d{1,4})\s*(day|week|month|year)s?(\s+ago)?")
# Countries whose dates put the month first (CLDR: "03/31/2027", "March 31, 2027").
MONTH_FIRST_COUNTRIES = frozenset({"US", "CA", "PH", "PR", "AS", "GU", "MP", "UM", "VI", "FM"})
_TIME_VARIABLES = ("LC_ALL", "LC_TIME", "LANG")
_WORDS = {"today": 0, "now": 0, "yesterday": -1, "tomorrow": 1}
_DAYS_PER_UNIT = {"day": 1, "week": 7}
_MONTHS_PER_UNIT = {"month": 1, "year": 12}


def formats_hint(*, day_first: bool = True, typed: bool = False) -> str:
    """The formats to suggest, in the order of the user's locale (``typed``: words too)."""
    numeric = "31/03/2027" if day_first else "03/31/2027"
    if typed:
        return f"try today, {numeric} or 31 Mar 2027"
    return f"write it as 2027-03-31, {numeric} or 31 Mar 2027"


def parse_date(text: str, *, day_first: bool, typed: bool = False) -> dt.date:
    """Read a written date; ValueError with a sentence when it is not one."""
    hint = formats_hint(day_first=day_first, typed=typed)
    cleaned = _TIME_OF_DAY.sub("", text.strip()).strip()
    if not cleaned:
        raise ValueError(f"No date given: {hint}.")
    year_month_day = _read_date_parts(cleaned, day_first=day_first)
    if year_month_day is None:
        raise ValueError(f"'{_quoted(text)}' is not a date: {hint}.")
    return _valid_date(_quoted(text), *year_month_day)


def read_typed_date(
    text: str, *, day_first: bool, today: dt.date, past: bool = False
) -> dt.date | None:
    """A date typed in a field; None when blank, ValueError with a sentence when unreadable."""
    cleaned = " ".join(text.strip().lower().split()).rstrip(".")
    if not cleaned:
        return None
    if cleaned in _WORDS:
        return today + dt.timedelta(days=_WORDS[cleaned])
    if match := _RELATIVE.fullmatch(cleaned):
        return _relative(today, int(match[1]), match[2], ago=bool(match[3]))
    no_year = _without_year(cleaned, day_first=day_first)
    if no_year is not None:
        return _nearest(_quoted(text), today, *no_year, past=past)
    return parse_date(text, day_first=day_first, typed=True)


def environment_day_first(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the time locale of the environment (LC_ALL, LC_TIME, LANG) writes the day first:
    every locale does but those of MONTH_FIRST_COUNTRIES."""
    values = os.environ if environ is None else environ
    name = next((values[k] for k in _TIME_VARIABLES if values.get(k)), "")
    parts = name.split(".")[0].split("@")[0].replace("-", "_").split("_")
    return not (len(parts) > 1 and parts[1].upper() in MONTH_FIRST_COUNTRIES)


def format_date(day: dt.date) -> str:
    """A date as the app shows it everywhere: '29 Nov 2026'."""
    return f"{day.day} {calendar.month_abbr[day.month]} {day.year}"


def format_long_date(day: dt.date) -> str:
    """A date in words, for the plan and for saying what was understood: '29 November 2026'."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def describe_date(day: dt.date, today: dt.date) -> str:
    """What a typed date was read as: 'Sunday 29 November 2026 (today)'."""
    offset = (day - today).days
    near = {0: "today", -1: "yesterday", 1: "tomorrow"}.get(offset)
    when = near or (f"in {offset} days" if offset > 0 else f"{-offset} days ago")
    return f"{calendar.day_name[day.weekday()]} {format_long_date(day)} ({when})"


def _quoted(text: str) -> str:
    shown = text.strip()
    return shown if len(shown) <= 40 else shown[:39] + "…"


def _relative(today: dt.date, count: int, unit: str, *, ago: bool) -> dt.date:
    sign = -1 if ago else 1
    if unit in _DAYS_PER_UNIT:
        return today + dt.timedelta(days=sign * count * _DAYS_PER_UNIT[unit])
    months = today.year * 12 + today.month - 1 + sign * count * _MONTHS_PER_UNIT[unit]
    year, month = divmod(months, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise ValueError(f"'{count} {unit}s' is too far away to be a date.")
    day = min(today.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def _without_year(text: str, *, day_first: bool) -> tuple[int, int] | None:
    """(month, day) of '31 dec', 'dec 31', '31/12' (by ``day_first``), else None."""
    if match := _NUMERIC_NO_YEAR.fullmatch(text):
        first, second = int(match[1]), int(match[2])
        if first > 12 or (day_first and second <= 12):
            return second, first
        return first, second
    tokens = [t for t in re.findall(r"[a-z]+|\d+", text) if t not in _WEEKDAYS]
    words = [t for t in tokens if t.isalpha()]
    numbers = [t for t in tokens if t.isdigit()]
    if len(words) == 1 and len(numbers) == 1 and len(numbers[0]) <= 2:
        month = _month_number(words[0])
        return (month, int(numbers[0])) if month else None
    return None


def _nearest(text: str, today: dt.date, month: int, day: int, *, past: bool) -> dt.date:
    """The next (or, with ``past``, the last) ``day``/``month`` seen from ``today``."""
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' is not a date: there is no month {month}.")
    longest = calendar.monthrange(2000, month)[1]  # a leap year: 29 February exists
    if not 1 <= day <= longest:
        name = calendar.month_name[month]
        raise ValueError(f"'{text}' is not a date: {name} has at most {longest} days.")
    step = -1 if past else 1
    year = today.year
    while True:
        if day <= calendar.monthrange(year, month)[1]:
            candidate = dt.date(year, month, day)
            if (candidate <= today) if past else (candidate >= today):
                return candidate
        year += step


def _read_date_parts(text: str, *, day_first: bool) -> tuple[int, int, int] | None:
    if match := _ISO.fullmatch(text):
        return int(match[1]), int(match[2]), int(match[3])
    if match := _NUMERIC.fullmatch(text):
        first, second = int(match[1]), int(match[2])
        year = _full_year(match[3])
        if first > 12 or (day_first and second <= 12):
            return year, second, first
        return year, first, second
    if _WORDY.fullmatch(text):
        return _read_worded_date(text)
    return None


def _full_year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _read_worded_date(text: str) -> tuple[int, int, int] | None:
    """'31 Mar 2027', 'Mar 31, 2027', 'Tuesday 31 March 2027', '31-Mar-27'."""
    tokens = [t for t in re.findall(r"[A-Za-z]+|\d+", text) if t.lower() not in _WEEKDAYS]
    words = [t for t in tokens if t.isalpha()]
    numbers = [t for t in tokens if t.isdigit()]
    if len(words) != 1 or len(numbers) != 2 or tokens[-1] != numbers[1]:
        return None
    month = _month_number(words[0])
    if month is None or len(numbers[0]) > 2 or len(numbers[1]) not in (2, 4):
        return None
    return _full_year(numbers[1]), month, int(numbers[0])


def _month_number(word: str) -> int | None:
    lowered = word.lower()
    return _MONTHS.get(lowered) or _MONTH_ABBREVIATIONS.get(lowered)


def _valid_date(text: str, year: int, month: int, day: int) -> dt.date:
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' is not a date: there is no month {month}.")
    days = calendar.monthrange(year, month)[1] if dt.MINYEAR <= year <= dt.MAXYEAR else 0
    if not days:
        raise ValueError(f"'{text}' is not a date: the year {year} is out of range.")
    if not 1 <= day <= days:
        name = calendar.month_name[month]
        raise ValueError(f"'{text}' is not a date: {name} {year} has {days} days.")
    return dt.date(year, month, day)
