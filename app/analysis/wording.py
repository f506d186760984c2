"""Small helpers that put numbers and step names into the sentences people read."""

from __future__ import annotations

import math
from collections.abc import Sequence

from app.process.dates import environment_day_first
from app.process.durations import format_duration

CALENDAR_MINUTES_A_YEAR = 365 * 24 * 60

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def quoted_names(names: Sequence[str], *, limit: int = 5) -> str:
    """``'A', 'B' and 'C'``; after ``limit`` names, ``… and 12 more``."""
    shown = [f"'{name}'" for name in names[:limit]]
    hidden = len(names) - len(shown)
    if hidden:
        return ", ".join(shown) + f" and {hidden} more"
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def plain_number(value: float, *, decimals: int = 1) -> str:
    """A number with at most ``decimals`` decimals and no trailing zeros: ``2``, ``1.4``."""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def percent(fraction: float) -> str:
    """A fraction as a percentage for people: ``0.3`` → ``30 %``, ``0.125`` → ``12.5 %``.

    Below 1 % two significant places are kept (``0.0125 %``), so a small but real share is
    never printed as ``0 %``.
    """
    value = fraction * 100
    if value == 0 or abs(value) >= 1:
        return f"{plain_number(value)} %"
    decimals = max(1, 1 - math.floor(math.log10(abs(value))))
    return f"{plain_number(value, decimals=decimals)} %"


def hours_per_year(minutes: float) -> str:
    """Minutes a year as whole hours: ``1,240 h`` (elapsed time added up over a year's runs)."""
    return f"{plain_number(minutes / 60, decimals=0)} h"


def money(amount: float, currency: str) -> str:
    """An amount with its currency: ``1,250 USD``; cents only below 100."""
    decimals = 2 if abs(amount) < 100 and amount != int(amount) else 0
    text = f"{amount:,.{decimals}f}"
    return f"{text} {currency}".strip()


def long_date(day_month_year: tuple[int, int, int], *, month_first: bool | None = None) -> str:
    """The locale's long date in English: ``31 March 2027``, or ``March 31, 2027`` (en_US).

    ``month_first`` None asks the locale (``LC_ALL``, ``LC_TIME``, ``LANG``), so every date of
    the app and the plan reads the same way.
    """
    day, month, year = day_month_year
    first = locale_month_first() if month_first is None else month_first
    if first:
        return f"{_MONTHS[month - 1]} {day}, {year}"
    return f"{day} {_MONTHS[month - 1]} {year}"


def locale_month_first() -> bool:
    """Whether the user's time locale writes the month before the day in a long date."""
    return not environment_day_first()


def times(count: float) -> str:
    """How often, in words: ``once``, ``twice``, ``0.33 times``, ``3 times``."""
    text = plain_number(count, decimals=2)
    return {"1": "once", "2": "twice"}.get(text, f"{text} times")


def queue_cases(runs_per_year: float, wait_minutes: float) -> float:
    """Little's law: cases arriving per calendar minute × minutes each waits = cases queued."""
    return runs_per_year * wait_minutes / CALENDAR_MINUTES_A_YEAR


def cases_text(count: float) -> str:
    """``about 12 cases``, ``about 1 case``, ``less than 1 case``."""
    if count < 0.95:
        return "less than 1 case"
    shown = plain_number(count, decimals=0 if count >= 10 else 1)
    return f"about {shown} {'case' if shown == '1' else 'cases'}"


def work_hours(minutes_per_year: float) -> str:
    """Hands-on minutes a year as hours of work: ``1,240 h of work``."""
    return f"{hours_per_year(minutes_per_year)} of work"


def per_case_wait(minutes: float) -> str:
    """Queue time in the calendar unit a person would use: ``3 days per case``, or ``–``."""
    return f"{format_duration(minutes)} per case" if minutes > 0 else "–"


def finding_figures(*, wait: float, touch: float, runs: float) -> str:
    """The sentences that keep a finding's waiting (calendar time) apart from its work."""
    parts = []
    if wait > 0:
        text = f"A case waits {format_duration(wait)} here on average (calendar time: no one works"
        text += " on it)"
        if runs > 0:
            text += (
                f"; {cases_text(queue_cases(runs, wait))} in this queue on average "
                f"(Little's law, {plain_number(runs)} cases a year)"
            )
        parts.append(text + ".")
    if touch > 0:
        text = f"Hands-on work: {format_duration(touch)} per run"
        if runs > 0:
            text += f", {work_hours(touch * runs)} a year ({plain_number(runs)} runs)"
        parts.append(text + ".")
    return " ".join(parts) or "No waiting or hands-on time of its own."
