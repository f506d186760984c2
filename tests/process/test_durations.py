"""Durations as people say them, and as people read them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.process.durations import DurationError, format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("10", 10),
        ("10 min", 10),
        ("2h 30m", 150),
        ("1.5 h", 90),
        ("1,5 h", 90),
        ("3 days", 4320),
        ("a week", 10080),
        ("half an hour", 30),
        ("an hour", 60),
        ("2 hours and 15 minutes", 135),
        ("0", 0),
        ("45 sec", 0.75),
        ("2 weeks", 20160),
    ],
)
def test_understood(text: str, minutes: float) -> None:
    assert parse_duration(text) == pytest.approx(minutes)


def test_a_bare_number_takes_the_default_unit() -> None:
    assert parse_duration("3", default_unit="h") == 180


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("soon", "'soon' is not a duration"),
        ("-5", "'-5' is negative"),
        ("3 dayz", "unknown unit 'dayz'"),
        ("", "No duration given"),
        ("5 5", "give each number its unit"),
        ("10 min please", "'10 min please' is not a duration"),
    ],
)
def test_refused_never_zero(text: str, message: str) -> None:
    with pytest.raises(DurationError, match=message):
        parse_duration(text)


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (45, "45 min"),
        (90, "1.5 h"),
        (60, "1 h"),
        (7200, "5 days"),
        (1440, "1 day"),
        (20160, "2 weeks"),
        (2880, "2 days"),
        (0, "0 min"),
        (12.5, "12.5 min"),
    ],
)
def test_formatted_in_the_unit_a_person_uses(minutes: float, text: str) -> None:
    assert format_duration(minutes) == text


@given(st.floats(0, 1e7))
def test_formatting_then_parsing_is_close(minutes: float) -> None:
    assert parse_duration(format_duration(minutes)) == pytest.approx(minutes, rel=0.04, abs=0.06)
