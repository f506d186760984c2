"""Every structure a person describes can be typed in order: a task first, a send-back from a
task, several named ends; money and value are asked; implausible times are asked about."""

from __future__ import annotations

import pytest

from app.analysis.metrics import compute_metrics
from app.interview import (
    END,
    NEXT,
    Outcome,
    StepDraft,
    add_step,
    apply_define_answer,
    followups_for_step,
    start_interview,
)
from app.interview.parsing import AnswerError, read_currency, read_rates, read_share
from app.process.model import Process


def described(*drafts: StepDraft, trigger: str = "An order arrives") -> Process:
    process = apply_define_answer(start_interview(), "trigger", trigger).process
    for draft in drafts:
        result = add_step(process, draft)
        assert result.ok, result.errors
        process = result.process
    return process


def test_the_first_step_stays_a_task_after_the_trigger_as_start_event() -> None:
    process = described(StepDraft("Log order", "Sales", touch="15 min"))
    start, first = process.steps
    assert (start.kind, start.name, start.touch_minutes) == ("start", "An order arrives", 0)
    assert (first.kind, first.touch_minutes) == ("task", 15)
    assert [(f.source, f.target) for f in process.flows] == [(start.id, first.id)]


def test_changing_the_trigger_renames_the_start_event() -> None:
    process = described(StepDraft("Log order", "Sales"))
    renamed = apply_define_answer(process, "trigger", "A customer emails an order").process
    assert renamed.steps[0].name == "A customer emails an order"


def test_a_task_can_send_work_back_to_an_earlier_step() -> None:
    process = described(
        StepDraft("Fill in form", "Requester", touch="15 min"),
        StepDraft("Review", "Manager", touch="10 min", back_to="s2", back_share="1 in 5"),
        StepDraft("Done", "Manager", kind="end"),
    )
    review = next(s for s in process.steps if s.name == "Review")
    flows = {(f.source, f.target): f for f in process.flows}
    back = flows[(review.id, "s2")]
    assert back.probability == pytest.approx(0.2)
    assert back.extra["rework"] is True
    forward = next(f for f in process.flows if f.source == review.id and f.target != "s2")
    assert forward.probability == pytest.approx(0.8)
    metrics = compute_metrics(process)
    assert metrics.visits["s2"] == pytest.approx(1 / 0.8)
    assert metrics.first_pass_yield == pytest.approx(0.8)
    assert "sent_back" in {f.rule_id for f in followups_for_step(process, review.id)}


def test_a_send_back_to_no_step_or_an_unreadable_share_is_refused() -> None:
    process = described(StepDraft("Fill in form", "Requester"))
    bad = add_step(process, StepDraft("Review", "Manager", back_to="s9", back_share="2"))
    assert "is not a step" in bad.errors["back_to"]
    worse = add_step(process, StepDraft("Review", "Manager", back_to="s2", back_share="often"))
    assert "is not how often" in worse.errors["back_share"]


def test_outcomes_that_end_make_ends_named_after_them() -> None:
    process = described(
        StepDraft("Log request", "Requester"),
        StepDraft(
            "Approve",
            "Finance",
            kind="approval",
            outcomes=(Outcome("Approved", 9, NEXT), Outcome("Rejected", 1, END)),
        ),
        StepDraft(
            "Check stock",
            "Purchasing",
            kind="decision",
            outcomes=(Outcome("Order", 9, NEXT), Outcome("Dropped", 1, END)),
        ),
        StepDraft("Paid", "Finance", kind="end"),
    )
    ends = sorted(step.name for step in process.steps if step.kind == "end")
    assert ends == ["Dropped", "Paid", "Rejected"]


def test_hourly_costs_and_value_are_taken_with_the_step() -> None:
    process = described(
        StepDraft("Log order", "Sales", touch="30 min", lane_rate="£40", value="value-added")
    )
    assert process.lane_by_id()["sales"].hourly_rate == 40
    assert process.steps[1].value == "value-added"
    assert compute_metrics(process).cost_per_run == pytest.approx(20)


def test_the_define_stage_asks_currency_and_rates() -> None:
    process = start_interview(currency="EUR")
    assert process.currency == "EUR"
    process = apply_define_answer(process, "currency", "£").process
    process = apply_define_answer(process, "rates", "30, Finance 55").process
    assert (process.currency, process.hourly_rate) == ("GBP", 30)
    assert {lane.name: lane.hourly_rate for lane in process.lanes} == {"Finance": 55}
    refused = apply_define_answer(process, "currency", "pesos please")
    assert "is not a currency" in refused.error
    assert refused.process == process


@pytest.mark.parametrize(
    ("text", "share"),
    [("1 in 5", 0.2), ("2", 0.2), ("20 %", 0.2), ("3 out of 10", 0.3), ("1/4", 0.25)],
)
def test_how_often_is_read_as_people_say_it(text: str, share: float) -> None:
    assert read_share(text) == pytest.approx(share)


@pytest.mark.parametrize("text", ["0", "10", "5 in 5", "sometimes"])
def test_never_always_and_words_are_not_sometimes(text: str) -> None:
    with pytest.raises(AnswerError):
        read_share(text)


def test_rates_and_currencies_as_typed() -> None:
    assert read_rates("Finance: £55/h; Ops = 1,200") == [("Finance", 55), ("Ops", 1200)]
    assert read_rates("45") == [("", 45)]
    assert read_currency("eur") == "EUR"
    assert read_currency("", "GBP") == "GBP"


def test_an_implausible_time_is_asked_about_not_refused() -> None:
    result = add_step(described(), StepDraft("Type it in", "Clerk", touch="3 days"))
    assert result.ok
    fired = {f.rule_id: f for f in result.followups}
    assert "implausible" in fired
    assert "Did you mean 3 h rather than 3 days?" in fired["implausible"].questions[0]


def test_an_implausible_frequency_gets_a_did_you_mean() -> None:
    result = apply_define_answer(start_interview(), "frequency", "99999999 per day")
    assert result.ok
    assert "Did you mean" in result.note
    assert apply_define_answer(start_interview(), "frequency", "20 per day").note == ""
