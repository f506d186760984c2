"""The 30- and 90-day reviews: scheduling them from the go-live date, and what each one asks.

Rules (method.md, Control):
- setting the go-live schedules a 30-day and a 90-day review (due = go-live + 30 / + 90 days);
- moving the go-live moves every scheduled review that is not done yet; a done review is a
  record of what happened and is never changed; extra reviews are kept as they are;
- a review is due from its due date until it is done, so with a go-live in the past every
  review already due shows as due, none is skipped.

The questions per kind of review are data (``resources/control/reviews.json``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from importlib.resources import files
from pathlib import Path
from typing import Any

from app.process.control import (
    REVIEW_KINDS,
    SCHEDULED_OFFSET_DAYS,
    Control,
    Review,
    ReviewKind,
    ReviewVerdict,
)
from app.process.fields import ObjectReader, Problems, describe
from app.process.model import Process

REVIEW_OFFSET_DAYS: Mapping[ReviewKind, int] = SCHEDULED_OFFSET_DAYS
QUESTIONS_FORMAT = "walkthrough-review-questions"
QUESTIONS_VERSION = 1


# Scheduling ------------------------------------------------------------------------------


def schedule_reviews(control: Control, go_live: dt.date) -> Control:
    """Set the go-live and create or move the 30- and 90-day reviews that are not done."""
    reviews = list(control.reviews)
    for kind, offset in REVIEW_OFFSET_DAYS.items():
        due = go_live + dt.timedelta(days=offset)
        positions = [index for index, review in enumerate(reviews) if review.kind == kind]
        for index in positions:
            if not reviews[index].done:
                reviews[index] = replace(reviews[index], due=due)
        if not positions:
            reviews.append(Review(id=_free_id(kind, reviews), kind=kind, due=due))
    return replace(control, go_live=go_live, reviews=tuple(reviews))


def add_extra_review(control: Control, due: dt.date) -> Control:
    """Add one more review, due on ``due`` (its id is ``extra-1``, ``extra-2``…)."""
    review = Review(id=_free_id("extra", control.reviews, numbered=True), kind="extra", due=due)
    return replace(control, reviews=(*control.reviews, review))


def complete_review(
    control: Control,
    review_id: str,
    *,
    done_on: dt.date,
    verdict: ReviewVerdict,
    answers: Mapping[str, str],
    notes: str = "",
) -> Control:
    """Record a held review; KeyError if there is no review with that id."""
    if all(review.id != review_id for review in control.reviews):
        raise KeyError(f"There is no review '{review_id}'.")

    def held(review: Review) -> Review:
        if review.id != review_id:
            return review
        return replace(review, done_on=done_on, verdict=verdict, answers=dict(answers), notes=notes)

    reviews = tuple(held(review) for review in control.reviews)
    return replace(control, reviews=reviews)


def _free_id(base: str, reviews: Iterable[Review], *, numbered: bool = False) -> str:
    taken = {review.id for review in reviews}
    if not numbered and base not in taken:
        return base
    number = 1
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def due_reviews(control: Control, today: dt.date) -> tuple[Review, ...]:
    """Reviews not done whose due date is today or earlier, oldest first."""
    due = [review for review in control.reviews if not review.done and review.due <= today]
    return tuple(sorted(due, key=_review_order))


def next_review(control: Control, today: dt.date) -> Review | None:
    """The first review not done that falls due after today (those due already are in
    ``due_reviews``), or None."""
    upcoming = [review for review in control.reviews if not review.done and review.due > today]
    return min(upcoming, key=_review_order, default=None)


def _review_order(review: Review) -> tuple[dt.date, int]:
    return review.due, REVIEW_KINDS.index(review.kind)


# The questions ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReviewQuestion:
    """One question of a review; answers are stored under its ``id``."""

    id: str
    text: str
    hint: str = ""


@dataclass(frozen=True, slots=True)
class ReviewGuide:
    """What one kind of review is for and what it asks."""

    kind: ReviewKind
    title: str
    purpose: str
    questions: tuple[ReviewQuestion, ...]


class ReviewQuestionsError(ValueError):
    """A review questions file that cannot be used; ``problems`` lists each place."""

    def __init__(self, source: str, problems: Iterable[str]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__(f"{source}: " + "; ".join(self.problems))


def load_review_questions(path: Path | None = None) -> Mapping[ReviewKind, ReviewGuide]:
    """The guides at ``path``, or the ones shipped with the app; ReviewQuestionsError if bad."""
    if path is None:
        resource = files("app.resources.control").joinpath("reviews.json")
        return parse_review_questions(resource.read_text(encoding="utf-8"), source="reviews.json")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ReviewQuestionsError(str(path), [f"cannot be read ({error})"]) from error
    return parse_review_questions(text, source=str(path))


def parse_review_questions(
    text: str, *, source: str = "the review questions"
) -> Mapping[ReviewKind, ReviewGuide]:
    """Read the JSON text of a review questions file: one guide for every kind of review."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        message = f"is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        raise ReviewQuestionsError(source, [message]) from error
    problems = Problems()
    guides = _read_guides(data, problems)
    if problems:
        raise ReviewQuestionsError(source, problems.items)
    return guides


def _read_guides(data: Any, problems: Problems) -> dict[ReviewKind, ReviewGuide]:
    if not isinstance(data, dict):
        problems.add("", f"must hold a JSON object, got {describe(data)}")
        return {}
    if data.get("format") != QUESTIONS_FORMAT:
        problems.add("format", f"must be '{QUESTIONS_FORMAT}', got {describe(data.get('format'))}")
    if data.get("version") != QUESTIONS_VERSION:
        problems.add("version", f"must be {QUESTIONS_VERSION}, got {describe(data.get('version'))}")
    kinds = data.get("reviews")
    if not isinstance(kinds, dict):
        problems.add("reviews", f"must be an object, got {describe(kinds)}")
        return {}
    guides: dict[ReviewKind, ReviewGuide] = {}
    for kind in REVIEW_KINDS:
        guide = kinds.get(kind)
        if not isinstance(guide, dict):
            problems.add(f"reviews.{kind}", "is required" if guide is None else "must be an object")
            continue
        guides[kind] = _read_guide(kind, ObjectReader(guide, f"reviews.{kind}", problems))
    for unknown in sorted(set(kinds) - set(REVIEW_KINDS)):
        problems.add(f"reviews.{unknown}", f"is not a kind of review ({', '.join(REVIEW_KINDS)})")
    return guides


def _read_guide(kind: ReviewKind, reader: ObjectReader) -> ReviewGuide:
    title = reader.text("title", required=True)
    purpose = reader.text("purpose")
    place = f"{reader.place}.questions"
    raw = reader.raw("questions")
    if not isinstance(raw, list):
        reader.problems.add(place, f"must be a list of questions, got {describe(raw)}")
        raw = []
    elif not raw:
        reader.problems.add(place, "must hold at least one question")
    questions = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            reader.problems.add(f"{place}[{index}]", f"must be an object, got {describe(item)}")
            continue
        question_reader = ObjectReader(item, f"{place}[{index}]", reader.problems)
        questions.append(_read_question(question_reader))
    _check_unique_ids(questions, place, reader.problems)
    return ReviewGuide(kind=kind, title=title, purpose=purpose, questions=tuple(questions))


def _read_question(reader: ObjectReader) -> ReviewQuestion:
    return ReviewQuestion(
        id=reader.text("id", required=True),
        text=reader.text("text", required=True),
        hint=reader.text("hint"),
    )


def _check_unique_ids(questions: list[ReviewQuestion], place: str, problems: Problems) -> None:
    seen: set[str] = set()
    for index, question in enumerate(questions):
        if question.id in seen:
            problems.add(f"{place}[{index}].id", f"'{question.id}' is used twice")
        seen.add(question.id)


def clear_go_live(control: Control) -> Control:
    """Unset the go-live: the 30- and 90-day reviews not done go with it; done ones stay."""
    kept = tuple(
        review for review in control.reviews if review.done or review.kind not in REVIEW_OFFSET_DAYS
    )
    return replace(control, go_live=None, reviews=kept)


# Due reviews across processes ------------------------------------------------------------

REVIEW_NAMES: Mapping[ReviewKind, str] = {
    "day30": "30-day review",
    "day90": "90-day review",
    "extra": "Review",
}


@dataclass(frozen=True, slots=True)
class DueReview:
    """A review that is due (or overdue) in one process, for the list shown at start."""

    process_id: str
    process_name: str
    review: Review


def due_review_summary(processes: Iterable[Process], today: dt.date) -> tuple[DueReview, ...]:
    """Every review due by ``today`` in ``processes``, oldest due date first."""
    found = [
        DueReview(process.id, process.name, review)
        for process in processes
        for review in due_reviews(process.control, today)
    ]
    return order_due(found)


def order_due(items: Iterable[DueReview]) -> tuple[DueReview, ...]:
    """Due reviews, oldest due date first (then 30-day before 90-day, then by process)."""
    return tuple(sorted(items, key=lambda item: (_review_order(item.review), item.process_name)))


def review_name(review: Review) -> str:
    """``30-day review``, ``90-day review`` or ``Review``."""
    return REVIEW_NAMES.get(review.kind, "Review")


def short_date(day: dt.date, today: dt.date | None = None) -> str:
    """``3 Jan``, with the year when it is not this year's (``3 Jan 2026``)."""
    text = f"{day.day} {_MONTH_ABBREVIATIONS[day.month - 1]}"
    return text if today is not None and day.year == today.year else f"{text} {day.year}"


_MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip


def review_marker(control: Control, today: dt.date) -> str:
    """One line for the process list: ``30-day review due 3 Jan`` (+ ``and 1 more``), or ``""``."""
    items = [DueReview("", "", review) for review in due_reviews(control, today)]
    return due_review_markers(items, today).get("", "")


def due_review_sentence(item: DueReview, today: dt.date) -> str:
    """``Pay supplier invoices: 30-day review, due 3 Jan (12 days ago)``."""
    days = (today - item.review.due).days
    ago = "today" if days == 0 else "1 day ago" if days == 1 else f"{days} days ago"
    when = short_date(item.review.due, today)
    return f"{item.process_name}: {review_name(item.review)}, due {when} ({ago})"


def due_review_markers(items: Iterable[DueReview], today: dt.date) -> dict[str, str]:
    """Per process id, the one line the process list shows (``30-day review due 3 Jan``)."""
    by_process: dict[str, list[Review]] = {}
    for item in items:
        by_process.setdefault(item.process_id, []).append(item.review)
    markers = {}
    for process_id, reviews in by_process.items():
        first = min(reviews, key=_review_order)
        text = f"{review_name(first)} due {short_date(first.due, today)}"
        markers[process_id] = text if len(reviews) == 1 else f"{text} and {len(reviews) - 1} more"
    return markers
