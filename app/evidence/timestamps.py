"""Timestamps as systems and spreadsheets export them, read to minutes since 1970 (UTC).

ISO 8601 (``2026-11-29 14:05``, ``2026-11-29T14:05:00.123+01:00``, ``Z``) is read directly; any
other date ``parse_date`` understands (31/03/2027, 03/31/2027 by ``day_first``, 31 Mar 2027,
31.03.2027) may carry a time of day ``14:05``, ``14:05:09`` or ``2:05 pm``. A timestamp without a
zone is taken as UTC, so waits between two of them are exact.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

from app.process.dates import parse_date

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_NAIVE_EPOCH = dt.datetime(1970, 1, 1)
_TIME = re.compile(
    r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<f>\d{1,6}))?)?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?",
    re.IGNORECASE,
)
_TRAILING_TIME = re.compile(r"(?:T|\s+)(\d{1,2}:\d{2}.*)$", re.IGNORECASE)


def parse_timestamp(text: str, *, day_first: bool) -> float:
    """Minutes since 1970-01-01 UTC; ValueError with a sentence when ``text`` is not a moment."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return _parse_written(text.strip(), day_first)
    return _minutes(moment)


def timestamp_reader(*, day_first: bool) -> Callable[[str], float]:
    """``parse_timestamp`` with ``day_first`` fixed, ISO read inline: the CSV reader's hot path."""
    from_iso = dt.datetime.fromisoformat

    def read(text: str) -> float:
        try:
            moment = from_iso(text)
        except ValueError:
            return _parse_written(text.strip(), day_first)
        if moment.tzinfo is None:
            return (moment - _NAIVE_EPOCH).total_seconds() / 60.0
        return (moment - _EPOCH).total_seconds() / 60.0

    return read


def minutes_to_datetime(minutes: float) -> dt.datetime:
    """The UTC moment of a timestamp read by ``parse_timestamp``."""
    return _EPOCH + dt.timedelta(minutes=minutes)


def _minutes(moment: dt.datetime) -> float:
    if moment.tzinfo is None:  # the common case, and the fast one: no zone to attach
        return (moment - _NAIVE_EPOCH).total_seconds() / 60.0
    return (moment - _EPOCH).total_seconds() / 60.0


def _parse_written(text: str, day_first: bool) -> float:
    match = _TRAILING_TIME.search(text)
    date_text = text[: match.start()] if match else text
    day = _cached_date(date_text.strip(), day_first)
    minutes = _time_of_day(match.group(1), text) if match else 0.0
    return _minutes(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)) + minutes


@lru_cache(maxsize=4096)
def _cached_date(text: str, day_first: bool) -> dt.date:
    """One date read once: a log repeats the same few hundred days thousands of times."""
    return parse_date(text, day_first=day_first)


def _time_of_day(text: str, whole: str) -> float:
    """Minutes after midnight of '14:05', '14:05:09.5' or '2:05 pm'."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"'{whole}' has a time of day that is not one: write it as 14:05.")
    hour, minute = int(match["h"]), int(match["m"])
    second = float(f"{match['s'] or 0}.{match['f'] or 0}")
    if match["ampm"]:
        if not 1 <= hour <= 12:
            raise ValueError(f"'{whole}' has no hour {hour} with am/pm.")
        hour = hour % 12 + (12 if match["ampm"][0].lower() == "p" else 0)
    if hour > 23 or minute > 59 or second >= 60:
        raise ValueError(f"'{whole}' has a time of day that does not exist.")
    return hour * 60 + minute + second / 60
