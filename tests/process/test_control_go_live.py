"""Importing a go-live schedules the 30- and 90-day reviews as the app does, and refuses an
open review due before go-live (or moves a scheduled one to its day after go-live)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from app.analysis.reviews import schedule_reviews
from app.process.control import Control, ControlError, control_from_document

GO_LIVE = dt.date(2027, 1, 15)


def read(reviews: list[dict[str, Any]]) -> Control:
    return control_from_document({"go_live": "2027-01-15", "reviews": reviews})


def test_a_go_live_without_reviews_gets_the_30_and_90_day_reviews() -> None:
    control = read([])
    assert [(r.id, r.kind, r.due) for r in control.reviews] == [
        ("day30", "day30", dt.date(2027, 2, 14)),
        ("day90", "day90", dt.date(2027, 4, 15)),
    ]
    assert control.reviews == schedule_reviews(Control(), GO_LIVE).reviews  # as the app does


def test_an_open_scheduled_review_due_before_go_live_moves_after_it() -> None:
    control = read([{"id": "day30", "kind": "day30", "due": "2027-01-02"}])
    assert control.reviews[0].due == dt.date(2027, 2, 14)
    assert [r.kind for r in control.reviews] == ["day30", "day90"]


def test_a_held_review_keeps_its_date() -> None:
    held = {"id": "day30", "kind": "day30", "due": "2027-01-02", "done_on": "2027-01-03",
            "verdict": "holding"}  # fmt: skip
    control = read([held])
    assert control.reviews[0].due == dt.date(2027, 1, 2)


def test_an_open_extra_review_due_before_go_live_is_refused_naming_the_place() -> None:
    with pytest.raises(ControlError) as refused:
        read([{"id": "extra-1", "kind": "extra", "due": "2027-01-10"}])
    assert refused.value.problems == (
        "control.reviews[0].due: 2027-01-10 is before the go-live 2027-01-15: an open review "
        "must be due on or after go-live",
    )


def test_without_go_live_nothing_is_scheduled() -> None:
    assert control_from_document({"reviews": []}).reviews == ()
