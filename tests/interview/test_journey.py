"""A complete interview driven through the API alone, from Define to the cross-check."""

from __future__ import annotations

import datetime as dt

import pytest

from app.analysis.metrics import compute_metrics
from app.interview import (
    END,
    LATER,
    Outcome,
    StepDraft,
    add_step,
    answer_followup,
    apply_check_answer,
    apply_define_answer,
    end_to_end_check,
    followups_for_step,
    interview_state,
    missing_items,
    next_question,
    start_interview,
)
from app.process.file import dumps_process, loads_process
from app.process.model import Process

from .helpers import BANK, rule_ids

DEFINE_ANSWERS = {
    "interviewee": "Priya Nair",
    "role": "Accounts payable clerk",
    "interviewer": "Sam Whitfield",
    "date": "2026-11-20",
    "name": "Approve supplier invoices",
    "trigger": "A supplier invoice arrives",
    "outcome": "The invoice is paid",
    "customer": "Suppliers",
    "customer_need": "Paid within 30 days",
    "frequency": "20 per week",
    "problem": "Invoices wait for days; we miss discounts.",
    "scope_in": "PO-backed invoices",
    "scope_out": "Expenses",
    "inputs": "Invoice (supplier), PO (buyer)",
    "lanes": "Mailroom, Accounts payable, Budget holder",
    "currency": "£",
    "rates": "30, Budget holder 80",
}

STEPS = (
    StepDraft(name="Receive invoice", lane="Mailroom", touch="2"),
    StepDraft(name="Scan and log invoice", lane="Mailroom", touch="5 min", wait="2h"),
    StepDraft(
        name="Key invoice into ERP",
        lane="Accounts payable",
        touch="10 min",
        wait="1 day",
        systems="ERP, Excel",
        rekeys=True,
    ),
    StepDraft(
        name="Match PO and goods receipt",
        lane="Accounts payable",
        touch="8 min",
        wait="30 min",
        kind="decision",
        outcomes=(Outcome("Match", 8), Outcome("Mismatch", 2, LATER)),
    ),
    StepDraft(
        name="Approve invoice",
        lane="Budget holder",
        touch="5 min",
        wait="2 days",
        kind="approval",
        why="The manager wants it",
        outcomes=(Outcome("Approved", 9), Outcome("Rejected", 1, "s4")),
    ),
    StepDraft(name="Post to ledger", lane="Accounts payable", touch="3 min", wait="1 h"),
    StepDraft(
        name="Add to payment run",
        lane="Accounts payable",
        touch="2 min",
        wait="3 days",
        outcomes=(Outcome("Paid", None, END, "Invoice paid"),),
    ),
    StepDraft(
        name="Ask buyer about mismatch",
        lane="Accounts payable",
        touch="15 min",
        wait="1 day",
        outcomes=(Outcome("Resolved", None, "s4"),),
    ),
)


def run_define(process: Process) -> Process:
    while (question := next_question(process)) is not None and question.stage == "define":
        result = apply_define_answer(process, question.id, DEFINE_ANSWERS[question.id])
        assert result.ok, result.error
        process = result.process
    return process


def run_steps(process: Process) -> Process:
    for draft in STEPS:
        question = next_question(process)
        assert question is not None
        assert question.id == "step_name"
        result = add_step(process, draft)
        assert result.ok, result.errors
        process = result.process
    return process


@pytest.fixture(scope="module")
def interviewed() -> Process:
    process = run_steps(run_define(start_interview()))
    for question_id, text in (("end_to_end", "5 days"), ("wip", "70"), ("per_week", "100")):
        result = apply_check_answer(process, question_id, text)
        assert result.ok, result.error
        process = result.process
    return process


def test_define_fills_the_process_and_the_interview(interviewed: Process) -> None:
    assert interviewed.name == "Approve supplier invoices"
    assert interviewed.runs_per_year == 20 * 52
    assert (interviewed.currency, interviewed.hourly_rate) == ("GBP", 30)
    assert interviewed.lane_by_id()["budget-holder"].hourly_rate == 80
    assert interviewed.interviews[0].interviewee == "Priya Nair"
    assert interviewed.interviews[0].date == dt.date(2026, 11, 20)
    assert [lane.name for lane in interviewed.lanes] == [
        "Mailroom",
        "Accounts payable",
        "Budget holder",
    ]
    assert [lane.id for lane in interviewed.lanes] == [
        "mailroom",
        "accounts-payable",
        "budget-holder",
    ]


def test_steps_have_their_ids_lanes_kinds_and_times(interviewed: Process) -> None:
    steps = [(s.id, s.lane, s.kind, s.touch_minutes, s.wait_minutes) for s in interviewed.steps]
    assert steps == [
        ("s1", "mailroom", "start", 0, 0),
        ("s2", "mailroom", "task", 2, 0),
        ("s3", "mailroom", "task", 5, 120),
        ("s4", "accounts-payable", "task", 10, 1440),
        ("s5", "accounts-payable", "decision", 8, 30),
        ("s6", "budget-holder", "approval", 5, 2880),
        ("s7", "accounts-payable", "task", 3, 60),
        ("s8", "accounts-payable", "task", 2, 4320),
        ("s9", "accounts-payable", "end", 0, 0),
        ("s10", "accounts-payable", "task", 15, 1440),
    ]
    by_id = interviewed.step_by_id()
    assert by_id["s1"].name == "A supplier invoice arrives"  # the trigger is the start event
    assert by_id["s9"].name == "Invoice paid"
    assert by_id["s4"].systems == ("ERP", "Excel")
    assert by_id["s6"].habit  # "the manager wants it" flags the step as habit


def test_flows_carry_labels_and_probabilities(interviewed: Process) -> None:
    flows = [(f.source, f.target, f.label, f.probability) for f in interviewed.flows]
    assert flows == [
        ("s1", "s2", "", None),
        ("s2", "s3", "", None),
        ("s3", "s4", "", None),
        ("s4", "s5", "", None),
        ("s5", "s6", "Match", 0.8),
        ("s6", "s4", "Rejected", 0.1),
        ("s6", "s7", "Approved", 0.9),
        ("s7", "s8", "", None),
        ("s8", "s9", "Paid", None),
        ("s5", "s10", "Mismatch", 0.2),
        ("s10", "s4", "Resolved", None),
    ]


def test_the_map_is_complete_and_measurable(interviewed: Process) -> None:
    metrics = compute_metrics(interviewed)
    assert metrics.computable
    assert metrics.first_pass_yield == pytest.approx(0.72)
    assert metrics.visits["s4"] == pytest.approx(1 / 0.72)
    assert metrics.approvals == 1
    assert not [m for m in missing_items(interviewed) if "leads nowhere" in m]


def test_the_interview_ends_done(interviewed: Process) -> None:
    state = interview_state(interviewed)
    assert state.stage == "done"
    assert next_question(interviewed) is None
    assert state.check == {"end_to_end_minutes": 7200, "wip": 70, "per_week": 100}


def test_follow_ups_fire_on_the_approval(interviewed: Process) -> None:
    fired = rule_ids(followups_for_step(interviewed, "s6"))
    assert fired == {"waiting", "approval", "sent_back", "handoff", "habit"}
    assert rule_ids(followups_for_step(interviewed, "s4")) >= {"waiting", "handoff", "rekeyed"}


def test_follow_up_answers_survive_the_process_file(interviewed: Process) -> None:
    answered = answer_followup(interviewed, "s6", "approval", "Checks the cost centre; 1 in 10")
    answered = answer_followup(answered, None, "time_gap", "It waits in the post room")
    again = loads_process(dumps_process(answered))
    assert again.step_by_id()["s6"].extra["followups"] == {
        "approval": "Checks the cost centre; 1 in 10"
    }
    assert again.extra["followups"] == {"time_gap": "It waits in the post room"}
    approval = [f for f in followups_for_step(again, "s6") if f.rule_id == "approval"]
    assert approval[0].answer == "Checks the cost centre; 1 in 10"
    assert interview_state(again) == interview_state(answered)


def test_cross_check_compares_steps_with_what_was_said(interviewed: Process) -> None:
    check = end_to_end_check(interviewed)
    lead = compute_metrics(interviewed).lead_time_minutes
    assert check.steps_minutes == pytest.approx(lead)
    assert check.stated_minutes == 7200
    assert check.ratio == pytest.approx(lead / 7200)
    assert check.little_minutes == pytest.approx(70 / 100 * 7 * 24 * 60)
    assert "Little's law: 70 in progress ÷ 100 a week ≈ 4.9 days." in check.sentence


def test_define_questions_come_in_bank_order() -> None:
    process = start_interview()
    asked = []
    while (question := next_question(process)) is not None and question.stage == "define":
        asked.append(question.id)
        process = apply_define_answer(process, question.id, DEFINE_ANSWERS[question.id]).process
    assert asked == [q.id for q in BANK.define]
    first_step = next_question(process)
    assert first_step is not None
    assert "last real one" in first_step.prompt
