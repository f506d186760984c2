"""Numbers as the plan prints them, built on the analysis wording helpers."""

from __future__ import annotations

from app.analysis.wording import plain_number
from app.process.durations import format_duration


def duration(minutes: float) -> str:
    """A duration for people (the one formatter), ``–`` for nothing."""
    return format_duration(minutes) if minutes > 0 else "–"


def count(value: float) -> str:
    return plain_number(value, decimals=1)
