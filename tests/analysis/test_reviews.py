"""Review scheduling around the go-live, due and next reviews, and the review questions file."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.analysis.reviews import (
    ReviewQuestionsError,
    add_extra_review,
    complete_review,
    due_reviews,
    load_review_questions,
    next_review,
    parse_review_questions,
    schedule_reviews,
)
from app.process.control import Control, Review

GO_LIVE = dt.date(2027, 1, 10)


def by_kind(control: Control) -> dict[str, Review]:
    return {review.kind: review for review in control.reviews if review.kind != "extra"}


def test_setting_the_go_live_schedules_the_30_and_90_day_reviews() -> None:
    control = schedule_reviews(Control(owner="Dana"), GO_LIVE)
    assert control.go_live == GO_LIVE
    assert control.owner == "Dana"
    assert [(r.id, r.kind, r.due) for r in control.reviews] == [
        ("day30", "day30", dt.date(2027, 2, 9)),
        ("day90", "day90", dt.date(2027, 4, 10)),
    ]
    assert not any(review.done for review in control.reviews)


def test_scheduling_twice_with_the_same_date_changes_nothing() -> None:
    once = schedule_reviews(Control(), GO_LIVE)
    assert schedule_reviews(once, GO_LIVE) == once


@pytest.mark.parametrize("shift", [-20, 45])
def test_moving_the_go_live_moves_the_reviews_not_done(shift: int) -> None:
    moved = GO_LIVE + dt.timedelta(days=shift)
    control = schedule_reviews(schedule_reviews(Control(), GO_LIVE), moved)
    reviews = by_kind(control)
    assert reviews["day30"].due == moved + dt.timedelta(days=30)
    assert reviews["day90"].due == moved + dt.timedelta(days=90)
    assert len(control.reviews) == 2


@pytest.mark.parametrize("shift", [-20, 45])
def test_moving_the_go_live_never_touches_a_done_review(shift: int) -> None:
    control = schedule_reviews(Control(), GO_LIVE)
    control = complete_review(
        control, "day30", done_on=dt.date(2027, 2, 10), verdict="holding", answers={"q": "yes"}
    )
    done_before = by_kind(control)["day30"]
    moved = schedule_reviews(control, GO_LIVE + dt.timedelta(days=shift))
    assert by_kind(moved)["day30"] == done_before
    assert by_kind(moved)["day90"].due == GO_LIVE + dt.timedelta(days=shift + 90)


def test_extra_reviews_are_kept_when_the_go_live_moves() -> None:
    control = add_extra_review(schedule_reviews(Control(), GO_LIVE), dt.date(2027, 6, 1))
    extra = control.reviews[-1]
    moved = schedule_reviews(control, dt.date(2027, 3, 1))
    assert extra in moved.reviews
    assert (extra.id, extra.kind) == ("extra-1", "extra")


def test_extra_review_ids_do_not_clash() -> None:
    control = add_extra_review(add_extra_review(Control(), GO_LIVE), GO_LIVE)
    assert [review.id for review in control.reviews] == ["extra-1", "extra-2"]
    taken = Control(reviews=(Review(id="day30", kind="extra", due=GO_LIVE),))
    scheduled = schedule_reviews(taken, GO_LIVE)
    assert [review.id for review in scheduled.reviews] == ["day30", "day30-1", "day90"]


def test_scheduling_fills_in_a_missing_review() -> None:
    only_90 = Control(reviews=(Review(id="r9", kind="day90", due=dt.date(2030, 1, 1)),))
    control = schedule_reviews(only_90, GO_LIVE)
    assert by_kind(control)["day90"].id == "r9"
    assert by_kind(control)["day30"].due == dt.date(2027, 2, 9)


def test_a_go_live_in_the_past_shows_every_review_already_due() -> None:
    control = schedule_reviews(Control(), dt.date(2026, 1, 1))
    today = dt.date(2026, 6, 1)
    assert [review.kind for review in due_reviews(control, today)] == ["day30", "day90"]
    assert next_review(control, today) is None


def test_due_reviews_include_today_and_skip_done_ones() -> None:
    control = schedule_reviews(Control(), GO_LIVE)
    day30 = by_kind(control)["day30"]
    assert due_reviews(control, day30.due - dt.timedelta(days=1)) == ()
    assert due_reviews(control, day30.due) == (day30,)
    done = complete_review(control, "day30", done_on=day30.due, verdict="met", answers={})
    assert due_reviews(done, dt.date(2027, 3, 1)) == ()


def test_due_reviews_are_oldest_first() -> None:
    control = add_extra_review(Control(), dt.date(2027, 5, 1))
    control = schedule_reviews(control, GO_LIVE)
    due = due_reviews(control, dt.date(2027, 12, 31))
    assert [review.id for review in due] == ["day30", "day90", "extra-1"]


def test_next_review_is_the_first_one_still_ahead() -> None:
    control = schedule_reviews(Control(), GO_LIVE)
    assert next_review(control, GO_LIVE) == by_kind(control)["day30"]
    assert next_review(control, dt.date(2027, 2, 9)) == by_kind(control)["day90"]
    assert next_review(Control(), GO_LIVE) is None


def test_complete_review_records_the_answers_and_the_verdict() -> None:
    control = schedule_reviews(Control(), GO_LIVE)
    done = complete_review(
        control,
        "day90",
        done_on=dt.date(2027, 4, 12),
        verdict="reopened",
        answers={"close_or_reopen": "reopen"},
        notes="Approvals crept back.",
    )
    review = by_kind(done)["day90"]
    assert (review.done_on, review.verdict, review.notes) == (
        dt.date(2027, 4, 12),
        "reopened",
        "Approvals crept back.",
    )
    assert review.answers == {"close_or_reopen": "reopen"}
    assert by_kind(done)["day30"] == by_kind(control)["day30"]
    with pytest.raises(KeyError):
        complete_review(control, "nope", done_on=GO_LIVE, verdict="met", answers={})


# The questions -------------------------------------------------------------------------------


def test_the_shipped_questions_cover_every_kind_of_review() -> None:
    guides = load_review_questions()
    assert set(guides) == {"day30", "day90", "extra"}
    day30 = [question.text for question in guides["day30"].questions]
    day90 = [question.text for question in guides["day90"].questions]
    assert any("actually followed" in text for text in day30)
    assert any("stuck" in text for text in day30)
    assert any("target" in text for text in day90)
    assert any("reopen" in text for text in day90)


def questions_text(**changes: Any) -> str:
    data: dict[str, Any] = {
        "format": "walkthrough-review-questions",
        "version": 1,
        "reviews": {
            kind: {"title": kind, "questions": [{"id": "a", "text": "Why?"}]}
            for kind in ("day30", "day90", "extra")
        },
    }
    data.update(changes)
    return json.dumps(data)


def problems_of(text: str) -> tuple[str, ...]:
    with pytest.raises(ReviewQuestionsError) as caught:
        parse_review_questions(text, source="reviews.json")
    return caught.value.problems


def test_a_good_questions_file_reads() -> None:
    guides = parse_review_questions(questions_text())
    assert guides["day90"].questions[0].id == "a"


def test_bad_questions_are_reported_with_their_place() -> None:
    reviews = {
        "day30": {"title": "", "questions": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]},
        "day90": {"title": "t", "questions": []},
        "weekly": {},
    }
    problems = problems_of(questions_text(version=2, reviews=reviews))
    assert problems == (
        "version: must be 1, got 2",
        "reviews.day30.title: must not be empty",
        "reviews.day30.questions[1].id: 'a' is used twice",
        "reviews.day90.questions: must hold at least one question",
        "reviews.extra: is required",
        "reviews.weekly: is not a kind of review (day30, day90, extra)",
    )


def test_a_question_without_text_is_reported() -> None:
    reviews = json.loads(questions_text())["reviews"]
    reviews["day30"]["questions"] = [{"id": "a"}, "text"]
    assert problems_of(questions_text(reviews=reviews)) == (
        "reviews.day30.questions[0].text: is required",
        "reviews.day30.questions[1]: must be an object, got 'text'",
    )


def test_questions_that_are_not_json_or_not_readable(tmp_path: Path) -> None:
    assert problems_of("{") == (
        "is not valid JSON: Expecting property name enclosed in double quotes at line 1, column 2",
    )
    with pytest.raises(ReviewQuestionsError, match="cannot be read"):
        load_review_questions(tmp_path / "missing.json")
    path = tmp_path / "mine.json"
    path.write_text(questions_text(), encoding="utf-8")
    assert load_review_questions(path)["extra"].title == "extra"


def test_review_is_frozen() -> None:
    review = Review(id="r", kind="extra", due=GO_LIVE)
    assert replace(review, notes="n").notes == "n"
    with pytest.raises(AttributeError):
        review.notes = "x"  # type: ignore[misc]
