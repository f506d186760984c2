"""Numbers as the plan prints them, built on the analysis wording helpers."""

from __future__ import annotations

from app.analysis.wording import plain_number
from app.process.durations import format_duration


def hours_per_year(minutes: float) -> str:
    """Minutes a year as whole hours: ``1,240 h``."""
    return f"{plain_number(minutes / 60, decimals=0)} h"


def duration(minutes: float) -> str:
    """A duration for people (the one formatter), ``–`` for nothing."""
    return format_duration(minutes) if minutes > 0 else "–"


def count(value: float) -> str:
    return plain_number(value, decimals=1)
