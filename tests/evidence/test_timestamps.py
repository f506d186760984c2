"""Timestamps as systems export them, read to minutes since 1970 UTC."""

from __future__ import annotations

import pytest

from app.evidence.timestamps import minutes_to_datetime, parse_timestamp

BASE = parse_timestamp("2026-03-31 00:00", day_first=True)


@pytest.mark.parametrize(
    ("text", "minutes_after_base"),
    [
        ("2026-03-31", 0),
        ("2026-03-31 14:05", 14 * 60 + 5),
        ("2026-03-31T14:05:30", 14 * 60 + 5.5),
        ("2026-03-31T14:05:00Z", 14 * 60 + 5),
        ("2026-03-31T16:05:00+02:00", 14 * 60 + 5),
        ("31/03/2026 14:05", 14 * 60 + 5),
        ("31.03.2026 14:05:30", 14 * 60 + 5.5),
        ("31 Mar 2026 2:05 pm", 14 * 60 + 5),
        ("Mar 31, 2026 12:00 am", 0),
    ],
)
def test_formats_people_export(text: str, minutes_after_base: float) -> None:
    assert parse_timestamp(text, day_first=True) - BASE == pytest.approx(minutes_after_base)


def test_month_first_when_the_locale_says_so() -> None:
    assert parse_timestamp("03/04/2026", day_first=False) == parse_timestamp(
        "2026-03-04", day_first=True
    )


@pytest.mark.parametrize(
    "text", ["", "soon", "2026-13-01 10:00", "31/03/2026 25:00", "31/03/2026 x"]
)
def test_not_a_moment_is_a_sentence(text: str) -> None:
    with pytest.raises(ValueError, match=r"\S"):
        parse_timestamp(text, day_first=True)


def test_round_trip_to_a_datetime() -> None:
    assert minutes_to_datetime(BASE).isoformat() == "2026-03-31T00:00:00+00:00"
