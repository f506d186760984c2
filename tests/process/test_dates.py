"""Dates typed the way people type them, read one way everywhere."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.process.dates import (
    describe_date,
    environment_day_first,
    format_date,
    parse_date,
    read_typed_date,
)

TODAY = dt.date(2026, 11, 29)


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("today", True, TODAY),
        ("Yesterday", True, dt.date(2026, 11, 28)),
        ("tomorrow", False, dt.date(2026, 11, 30)),
        ("29/11/2026", True, TODAY),
        ("11/29/2026", False, TODAY),
        ("29/11/2026", False, TODAY),  # 29 cannot be a month: read as the day either way
        ("01/02/2027", True, dt.date(2027, 2, 1)),
        ("01/02/2027", False, dt.date(2027, 1, 2)),
        ("2026-11-29", False, TODAY),
        ("31 Dec 2026", True, dt.date(2026, 12, 31)),
        ("Dec 31, 2026", True, dt.date(2026, 12, 31)),
        ("31 Dec", True, dt.date(2026, 12, 31)),
        ("1 Jan", True, dt.date(2027, 1, 1)),  # the next 1 January
        ("in 3 days", True, dt.date(2026, 12, 2)),
        ("2 weeks ago", True, dt.date(2026, 11, 15)),
        ("in 3 months", True, dt.date(2027, 2, 28)),  # no 29 February 2027
        ("", True, None),
    ],
)
def test_typed_dates(text: str, day_first: bool, expected: dt.date | None) -> None:
    assert read_typed_date(text, day_first=day_first, today=TODAY) == expected


def test_a_date_without_its_year_can_be_the_last_one() -> None:
    assert read_typed_date("1 Dec", day_first=True, today=TODAY, past=True) == dt.date(2025, 12, 1)
    assert read_typed_date("29 Feb", day_first=True, today=TODAY) == dt.date(2028, 2, 29)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/02", "'31/02' is not a date: February has at most 29 days."),
        ("32/13/2026", "'32/13/2026' is not a date: there is no month 13."),
        ("soon", "'soon' is not a date: try today, 31/03/2027 or 31 Mar 2027."),
        ("in 9999 years", "'9999 years' is too far away to be a date."),
    ],
)
def test_what_is_not_a_date_says_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(")):
        read_typed_date(text, day_first=True, today=TODAY)


def test_the_locale_of_the_environment_decides_the_order() -> None:
    assert environment_day_first({"LANG": "en_GB.UTF-8"})
    assert not environment_day_first({"LANG": "en_US.UTF-8"})
    assert not environment_day_first({"LC_ALL": "en_US.UTF-8", "LANG": "de_DE.UTF-8"})
    assert environment_day_first({})


def test_dates_are_shown_one_way() -> None:
    assert format_date(TODAY) == "29 Nov 2026"
    assert describe_date(TODAY, TODAY) == "Sunday 29 November 2026 (today)"
    assert describe_date(dt.date(2026, 12, 2), TODAY).endswith("(in 3 days)")


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)), st.booleans())
def test_a_shown_date_reads_back_as_itself(day: dt.date, day_first: bool) -> None:
    assert read_typed_date(format_date(day), day_first=day_first, today=TODAY) == day
    assert parse_date(day.isoformat(), day_first=day_first) == day
