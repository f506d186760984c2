"""What is still missing, in plain sentences, as the interview goes on."""

from __future__ import annotations

from app.interview import (
    StepDraft,
    add_step,
    answer_followup,
    apply_check_answer,
    missing_items,
    start_interview,
)


def test_a_fresh_interview_misses_everything() -> None:
    items = missing_items(start_interview())
    assert "The process has no name yet." in items
    assert "No trigger yet: what starts it?" in items
    assert "No steps yet: what happens first?" in items
    assert "No end-to-end time yet: from trigger to done, how long does it take?" in items


def test_steps_without_times_and_without_an_end_are_listed() -> None:
    process = add_step(start_interview(), StepDraft(name="Receive", lane="AP")).process
    process = add_step(process, StepDraft(name="Check invoice", lane="AP", touch="5")).process
    items = missing_items(process)
    assert "No end step yet: how does it finish?" in items
    assert "'Check invoice' has no wait time." in items
    assert "'Check invoice' has no hands-on time." not in items
    assert "'Check invoice' leads nowhere: say what happens next, or make it an end." in items


def test_unanswered_follow_ups_are_listed_until_answered() -> None:
    process = add_step(start_interview(), StepDraft(name="Receive", lane="AP")).process
    result = add_step(process, StepDraft(name="Sign", lane="Boss", kind="approval", wait="1 day"))
    assert [f.rule_id for f in result.followups] == ["waiting", "approval", "handoff", "no_path"]
    process = result.process
    sentence = "Follow-up not answered: 'Sign' is an approval."
    assert sentence in missing_items(process)
    process = answer_followup(process, result.step_id, "approval", "Checks the amount")
    assert sentence not in missing_items(process)


def test_cross_check_answers_clear_their_items() -> None:
    process = apply_check_answer(start_interview(), "wip", "70").process
    assert not [m for m in missing_items(process) if m.startswith("Work in progress")]
