"""The control phase as a snapshot: control plan, go-live, reviews and measurements.

Gains fade without control (method.md), so a process carries one ``Control``: the plan rows
(one per goal metric), the go-live date, the 30- and 90-day reviews (and any extra ones) and
the measurements taken before and after go-live. This module also reads and writes the
``control`` object of the process file. Its shape::

    {"go_live": "2027-01-15" | null, "owner": "Dana Ortiz",
     "plan": [{"metric", "what", "how", "frequency", "who",
               "lower_limit": number | null, "upper_limit": number | null,
               "reaction", "notify"}],
     "reviews": [{"id", "kind": "day30" | "day90" | "extra", "due": "2027-02-14",
                  "done_on": date | null, "verdict": "holding" | "fading" | "met"
                  | "reopened" | null, "answers": {question id: text}, "notes"}],
     "measurements": [{"metric", "day": "2027-01-20", "value": number, "note"}]}

Dates are ISO (``YYYY-MM-DD``); unknown keys at every level are kept in ``extra``. A go-live
read from a file schedules the reviews as the app does (``scheduled_from_go_live``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from app.process.fields import ObjectReader, Problems, describe, number_value

ReviewKind = Literal["day30", "day90", "extra"]
ReviewVerdict = Literal["holding", "fading", "met", "reopened"]

REVIEW_KINDS: tuple[ReviewKind, ...] = ("day30", "day90", "extra")
REVIEW_VERDICTS: tuple[ReviewVerdict, ...] = ("holding", "fading", "met", "reopened")
SCHEDULED_KINDS: tuple[ReviewKind, ...] = ("day30", "day90")
# Days after go-live the scheduled reviews are due (method.md: the 30- and 90-day reviews).
SCHEDULED_OFFSET_DAYS: dict[ReviewKind, int] = {"day30": 30, "day90": 90}

Extra = Mapping[str, Any]


def _no_extra() -> dict[str, Any]:
    return {}


def _no_answers() -> dict[str, str]:
    return {}


@dataclass(frozen=True, slots=True)
class ControlPlanRow:
    """How one goal metric is watched, and what happens when it crosses a limit."""

    metric: str
    what: str = ""
    how: str = ""
    frequency: str = ""
    who: str = ""
    lower_limit: float | None = None
    upper_limit: float | None = None
    reaction: str = ""
    notify: str = ""
    extra: Extra = field(default_factory=_no_extra)


@dataclass(frozen=True, slots=True)
class Measurement:
    """One value of a metric, taken on a day (before go-live it belongs to the baseline)."""

    metric: str
    day: dt.date
    value: float
    note: str = ""
    extra: Extra = field(default_factory=_no_extra)


@dataclass(frozen=True, slots=True)
class Review:
    """A scheduled check after go-live; ``done_on`` is None until it has been held."""

    id: str
    kind: ReviewKind
    due: dt.date
    done_on: dt.date | None = None
    verdict: ReviewVerdict | None = None
    answers: Mapping[str, str] = field(default_factory=_no_answers)
    notes: str = ""
    extra: Extra = field(default_factory=_no_extra)

    @property
    def done(self) -> bool:
        return self.done_on is not None


@dataclass(frozen=True, slots=True)
class Control:
    """The control phase of one process."""

    go_live: dt.date | None = None
    owner: str = ""
    plan: tuple[ControlPlanRow, ...] = ()
    reviews: tuple[Review, ...] = ()
    measurements: tuple[Measurement, ...] = ()
    extra: Extra = field(default_factory=_no_extra)

    def measurements_of(self, metric: str) -> tuple[Measurement, ...]:
        """The measurements of one metric, in the order they are stored."""
        return tuple(item for item in self.measurements if item.metric == metric)


class ControlError(ValueError):
    """A control object that cannot be read; ``problems`` lists each place and what is wrong."""

    def __init__(self, problems: Problems) -> None:
        self.problems = tuple(problems.items)
        super().__init__("; ".join(self.problems))


# Writing ---------------------------------------------------------------------------------


def control_to_document(control: Control) -> dict[str, Any]:
    """The JSON-able ``control`` object of the process file."""
    return {
        "go_live": _iso(control.go_live),
        "owner": control.owner,
        "plan": [_plan_row_document(row) for row in control.plan],
        "reviews": [_review_document(review) for review in control.reviews],
        "measurements": [_measurement_document(item) for item in control.measurements],
        **control.extra,
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _plan_row_document(row: ControlPlanRow) -> dict[str, Any]:
    return {
        "metric": row.metric,
        "what": row.what,
        "how": row.how,
        "frequency": row.frequency,
        "who": row.who,
        "lower_limit": number_value(row.lower_limit),
        "upper_limit": number_value(row.upper_limit),
        "reaction": row.reaction,
        "notify": row.notify,
        **row.extra,
    }


def _review_document(review: Review) -> dict[str, Any]:
    return {
        "id": review.id,
        "kind": review.kind,
        "due": review.due.isoformat(),
        "done_on": _iso(review.done_on),
        "verdict": review.verdict,
        "answers": dict(review.answers),
        "notes": review.notes,
        **review.extra,
    }


def _measurement_document(item: Measurement) -> dict[str, Any]:
    return {
        "metric": item.metric,
        "day": item.day.isoformat(),
        "value": number_value(item.value),
        "note": item.note,
        **item.extra,
    }


# Reading ---------------------------------------------------------------------------------


def control_from_document(
    data: Any, place: str = "control", problems: Problems | None = None
) -> Control:
    """Read a ``control`` object; ``None`` reads as an empty Control.

    Every broken rule is added to ``problems`` with its place (``control.reviews[1].due: is
    required``) and a best-effort Control is returned. Without ``problems`` a ControlError
    listing them all is raised instead.
    """
    collected = problems if problems is not None else Problems()
    control = _read_control(data, place, collected)
    if problems is None and collected:
        raise ControlError(collected)
    return control


def _read_control(data: Any, place: str, problems: Problems) -> Control:
    if data is None:
        return Control()
    if not isinstance(data, dict):
        problems.add(place, f"must be an object, got {describe(data)}")
        return Control()
    reader = ObjectReader(data, place, problems)
    go_live = reader.date("go_live")
    owner = reader.text("owner")
    plan = _read_items(reader, "plan", _read_plan_row)
    reviews = _read_items(reader, "reviews", _read_review)
    measurements = _read_items(reader, "measurements", _read_measurement)
    _check_reviews(reviews, f"{place}.reviews", problems)
    if go_live is not None:
        reviews = scheduled_from_go_live(reviews, go_live, f"{place}.reviews", problems)
    return Control(
        go_live=go_live,
        owner=owner,
        plan=tuple(plan),
        reviews=tuple(reviews),
        measurements=tuple(measurements),
        extra=reader.extra(),
    )


def _read_items(reader: ObjectReader, key: str, read_item: Any) -> list[Any]:
    value = reader.raw(key)
    place = f"{reader.place}.{key}"
    if value is None:
        return []
    if not isinstance(value, list):
        reader.problems.add(place, f"must be a list, got {describe(value)}")
        return []
    items = []
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            reader.problems.add(f"{place}[{index}]", f"must be an object, got {describe(item)}")
            continue
        items.append(read_item(ObjectReader(item, f"{place}[{index}]", reader.problems)))
    return items


def _signed_number(reader: ObjectReader, key: str, *, required: bool = False) -> float | None:
    """Any finite number (limits and measured values may be below 0)."""
    value = reader.raw(key)
    if value is None:
        if required:
            reader.problems.add(f"{reader.place}.{key}", "is required")
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        reader.problems.add(f"{reader.place}.{key}", f"must be a number, got {describe(value)}")
        return None
    return float(value)


def _required_date(reader: ObjectReader, key: str) -> dt.date:
    if reader.raw(key) in (None, ""):
        reader.problems.add(f"{reader.place}.{key}", "is required")
        return dt.date.min
    return reader.date(key) or dt.date.min


def _read_plan_row(reader: ObjectReader) -> ControlPlanRow:
    row = ControlPlanRow(
        metric=reader.text("metric", required=True),
        what=reader.text("what"),
        how=reader.text("how"),
        frequency=reader.text("frequency"),
        who=reader.text("who"),
        lower_limit=_signed_number(reader, "lower_limit"),
        upper_limit=_signed_number(reader, "upper_limit"),
        reaction=reader.text("reaction"),
        notify=reader.text("notify"),
        extra=reader.extra(),
    )
    low, high = row.lower_limit, row.upper_limit
    if low is not None and high is not None and low > high:
        message = f"must not be above the upper limit ({high:g}), got {low:g}"
        reader.problems.add(f"{reader.place}.lower_limit", message)
    return row


def _read_review(reader: ObjectReader) -> Review:
    return Review(
        id=reader.text("id", required=True),
        kind=reader.choice("kind", REVIEW_KINDS, default="extra"),
        due=_required_date(reader, "due"),
        done_on=reader.date("done_on"),
        verdict=reader.choice("verdict", REVIEW_VERDICTS, default=None),
        answers=_read_answers(reader, "answers"),
        notes=reader.text("notes"),
        extra=reader.extra(),
    )


def _read_answers(reader: ObjectReader, key: str) -> dict[str, str]:
    value = reader.raw(key)
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        rule = "must be an object of texts (question id: answer)"
        reader.problems.add(f"{reader.place}.{key}", f"{rule}, got {describe(value)}")
        return {}
    return dict(value)


def _read_measurement(reader: ObjectReader) -> Measurement:
    return Measurement(
        metric=reader.text("metric", required=True),
        day=_required_date(reader, "day"),
        value=_signed_number(reader, "value", required=True) or 0.0,
        note=reader.text("note"),
        extra=reader.extra(),
    )


def scheduled_from_go_live(
    reviews: list[Review], go_live: dt.date, place: str, problems: Problems
) -> list[Review]:
    """The reviews a go-live implies, as the app schedules them when the go-live is set.

    A missing 30- or 90-day review is added; an open one due before go-live moves to its day
    after go-live (as a go-live move does); an open extra review due before go-live is
    refused, naming its place.
    """
    result = list(reviews)
    for kind, offset in SCHEDULED_OFFSET_DAYS.items():
        due = go_live + dt.timedelta(days=offset)
        positions = [index for index, review in enumerate(result) if review.kind == kind]
        for index in positions:
            if not result[index].done and result[index].due < go_live:
                result[index] = replace(result[index], due=due)
        if not positions:
            result.append(Review(id=_free_review_id(kind, result), kind=kind, due=due))
    for index, review in enumerate(reviews):
        if review.kind not in SCHEDULED_KINDS and not review.done and review.due < go_live:
            problems.add(
                f"{place}[{index}].due",
                f"{review.due.isoformat()} is before the go-live {go_live.isoformat()}: an open "
                "review must be due on or after go-live",
            )
    return result


def _free_review_id(kind: str, reviews: list[Review]) -> str:
    taken = {review.id for review in reviews}
    if kind not in taken:
        return kind
    return next(f"{kind}-{n}" for n in range(1, len(taken) + 2) if f"{kind}-{n}" not in taken)


def _check_reviews(reviews: list[Review], place: str, problems: Problems) -> None:
    """Review ids are unique, and there is at most one 30-day and one 90-day review."""
    seen_ids: set[str] = set()
    seen_kinds: set[str] = set()
    for index, review in enumerate(reviews):
        if review.id and review.id in seen_ids:
            problems.add(f"{place}[{index}].id", f"'{review.id}' is used twice")
        seen_ids.add(review.id)
        if review.kind in SCHEDULED_KINDS and review.kind in seen_kinds:
            problems.add(f"{place}[{index}].kind", f"there is already a '{review.kind}' review")
        seen_kinds.add(review.kind)
