"""The control object of the process file: round trip, unknown keys kept, problems placed."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.process.control import (
    REVIEW_KINDS,
    REVIEW_VERDICTS,
    Control,
    ControlError,
    ControlPlanRow,
    Measurement,
    Review,
    control_from_document,
    control_to_document,
    scheduled_from_go_live,
)
from app.process.fields import Problems

EXAMPLE = Control(
    go_live=dt.date(2027, 1, 10),
    owner="Dana Ortiz",
    plan=(
        ControlPlanRow(
            metric="lead_time",
            what="Days from invoice received to approved",
            how="Invoice log, received and approved dates",
            frequency="weekly",
            who="AP lead",
            lower_limit=None,
            upper_limit=3.5,
            reaction="Look at the oldest 5 invoices the same day",
            notify="Dana Ortiz",
            extra={"colour": "red"},
        ),
    ),
    reviews=(
        Review(
            id="day30",
            kind="day30",
            due=dt.date(2027, 2, 9),
            done_on=dt.date(2027, 2, 11),
            verdict="holding",
            answers={"followed": "Mostly — one clerk still prints <everything> & files it"},
            notes="",
            extra={"attendees": ["Dana", "Sam"]},
        ),
        Review(id="day90", kind="day90", due=dt.date(2027, 4, 10)),
    ),
    measurements=(
        Measurement("lead_time", dt.date(2027, 1, 3), 5.0, "before"),
        Measurement("lead_time", dt.date(2027, 1, 3), -2.5),
        Measurement("lead_time", dt.date(2027, 1, 17), 2.25, extra={"source": "paste"}),
    ),
    extra={"future": {"anything": 1}},
)


def test_the_example_round_trips_through_json_text() -> None:
    document = json.loads(json.dumps(control_to_document(EXAMPLE)))
    assert control_from_document(document) == EXAMPLE


def test_the_document_shape() -> None:
    document = control_to_document(EXAMPLE)
    assert document["go_live"] == "2027-01-10"
    assert document["future"] == {"anything": 1}
    assert document["plan"][0]["upper_limit"] == 3.5
    assert document["plan"][0]["lower_limit"] is None
    assert document["plan"][0]["colour"] == "red"
    assert document["reviews"][1] == {
        "id": "day90",
        "kind": "day90",
        "due": "2027-04-10",
        "done_on": None,
        "verdict": None,
        "answers": {},
        "notes": "",
    }
    assert document["measurements"][0] == {
        "metric": "lead_time",
        "day": "2027-01-03",
        "value": 5,
        "note": "before",
    }


def test_none_and_an_empty_object_read_as_an_empty_control() -> None:
    assert control_from_document(None) == Control()
    assert control_from_document({}) == Control()
    assert control_from_document(control_to_document(Control())) == Control()


def test_empty_text_dates_read_as_absent() -> None:
    data = {
        "go_live": "",
        "reviews": [{"id": "r", "kind": "extra", "due": "2027-01-01", "done_on": ""}],
    }
    control = control_from_document(data)
    assert control.go_live is None
    assert control.reviews[0].done_on is None


def problems_of(data: Any) -> list[str]:
    problems = Problems()
    control_from_document(data, "control", problems)
    return problems.items


def test_every_problem_is_reported_with_its_place() -> None:
    data = {
        "go_live": "31/03/2027",
        "owner": 5,
        "plan": [{"metric": "", "lower_limit": 9, "upper_limit": 3}, "row"],
        "reviews": [
            {"id": "a", "kind": "day30", "due": "2027-02-30", "verdict": "great"},
            {"id": "a", "kind": "day30", "answers": {"q": 1}},
        ],
        "measurements": [{"metric": "lead_time", "day": "2027-01-01", "value": "5 days"}, {}],
    }
    assert problems_of(data) == [
        "control.go_live: must be a date written YYYY-MM-DD, got '31/03/2027'",
        "control.owner: must be text, got 5",
        "control.plan[0].metric: must not be empty",
        "control.plan[0].lower_limit: must not be above the upper limit (3), got 9",
        "control.plan[1]: must be an object, got 'row'",
        "control.reviews[0].due: must be a date written YYYY-MM-DD, got '2027-02-30'",
        "control.reviews[0].verdict: must be one of fading, holding, met, reopened, got 'great'",
        "control.reviews[1].due: is required",
        "control.reviews[1].answers: must be an object of texts (question id: answer), "
        "got an object",
        "control.measurements[0].value: must be a number, got '5 days'",
        "control.measurements[1].metric: is required",
        "control.measurements[1].day: is required",
        "control.measurements[1].value: is required",
        "control.reviews[1].id: 'a' is used twice",
        "control.reviews[1].kind: there is already a 'day30' review",
    ]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ([], "control: must be an object, got a list"),
        ({"plan": {}}, "control.plan: must be a list, got an object"),
        (
            {"reviews": [{"id": "r", "kind": "weekly", "due": "2027-01-01"}]},
            "control.reviews[0].kind: must be one of day30, day90, extra, got 'weekly'",
        ),
        (
            {"measurements": [{"metric": "m", "day": "2027-01-01", "value": True}]},
            "control.measurements[0].value: must be a number, got true",
        ),
        (
            {"plan": [{"metric": "m", "upper_limit": float("inf")}]},
            "control.plan[0].upper_limit: must be a number, got inf",
        ),
    ],
)
def test_single_problems(data: Any, problem: str) -> None:
    assert problems_of(data) == [problem]


def test_without_a_problems_list_a_bad_control_raises() -> None:
    with pytest.raises(ControlError, match=r"control\.owner: must be text") as caught:
        control_from_document({"owner": 1})
    assert caught.value.problems == ("control.owner: must be text, got 1",)


def test_a_place_inside_the_file_is_used() -> None:
    assert problems_of({"owner": 1}) == ["control.owner: must be text, got 1"]
    problems = Problems()
    control_from_document({"owner": 1}, "process.control", problems)
    assert problems.items == ["process.control.owner: must be text, got 1"]


def test_measurements_of_one_metric() -> None:
    assert len(EXAMPLE.measurements_of("lead_time")) == 3
    assert EXAMPLE.measurements_of("cost") == ()


# Any control survives the file -------------------------------------------------------------

KNOWN_KEYS = {
    "go_live", "owner", "plan", "reviews", "measurements", "metric", "what", "how", "frequency",
    "who", "lower_limit", "upper_limit", "reaction", "notify", "id", "kind", "due", "done_on",
    "verdict", "answers", "notes", "day", "value", "note",
}  # fmt: skip

texts = st.text(max_size=12)
days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))
numbers = st.floats(allow_nan=False, allow_infinity=False, width=64)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | texts,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(texts, children, max_size=3),
    max_leaves=6,
)
extras = st.dictionaries(texts.filter(lambda key: key not in KNOWN_KEYS), json_values, max_size=2)


@st.composite
def plan_rows(draw: st.DrawFn) -> ControlPlanRow:
    limits = sorted(draw(st.lists(numbers, min_size=2, max_size=2)))
    lower = draw(st.sampled_from([None, limits[0]]))
    upper = draw(st.sampled_from([None, limits[1]]))
    fields = {key: draw(texts) for key in ("what", "how", "frequency", "who", "reaction")}
    return ControlPlanRow(
        metric=draw(texts.filter(str.strip)),
        lower_limit=lower,
        upper_limit=upper,
        notify=draw(texts),
        extra=draw(extras),
        **fields,
    )


reviews_strategy = st.builds(
    Review,
    id=texts.filter(str.strip),
    kind=st.just("extra"),
    due=days,
    done_on=st.none() | days,
    verdict=st.none() | st.sampled_from(REVIEW_VERDICTS),
    answers=st.dictionaries(texts, texts, max_size=3),
    notes=texts,
    extra=extras,
)
measurements_strategy = st.builds(
    Measurement,
    metric=texts.filter(str.strip),
    day=days,
    value=numbers,
    note=texts,
    extra=extras,
)


@st.composite
def controls(draw: st.DrawFn) -> Control:
    reviews = draw(st.lists(reviews_strategy, max_size=4, unique_by=lambda review: review.id))
    kinds = iter(draw(st.permutations(REVIEW_KINDS)))
    # At most one 30-day and one 90-day review; the rest stay extra.
    reviews = [replace(review, kind=next(kinds, "extra")) for review in reviews]
    go_live = draw(st.none() | days)
    if go_live is not None:  # as the app keeps them: scheduled, none open before go-live
        reviews = [r for r in reviews if r.done or r.kind != "extra" or r.due >= go_live]
        reviews = scheduled_from_go_live(reviews, go_live, "reviews", Problems())
    return Control(
        go_live=go_live,
        owner=draw(texts),
        plan=tuple(draw(st.lists(plan_rows(), max_size=3))),
        reviews=tuple(reviews),
        measurements=tuple(draw(st.lists(measurements_strategy, max_size=5))),
        extra=draw(extras),
    )


@given(controls())
def test_any_control_round_trips_through_the_file(control: Control) -> None:
    document = json.loads(json.dumps(control_to_document(control)))
    assert control_from_document(document) == control
    assert control_to_document(control_from_document(document)) == document
